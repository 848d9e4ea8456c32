from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from samskab.core.forms import CleanTextModelForm
from samskab.workshops.models import Section, Workshop


class SectionInline(admin.TabularInline):
    form = CleanTextModelForm
    model = Section
    extra = 0
    fields = ["order", "kind", "title"]


@admin.register(Workshop)
class WorkshopAdmin(SimpleHistoryAdmin):
    form = CleanTextModelForm
    list_display = ["title", "round", "date", "status", "anonymous"]
    list_filter = ["status", "anonymous"]
    filter_horizontal = ["facilitators"]
    inlines = [SectionInline]
