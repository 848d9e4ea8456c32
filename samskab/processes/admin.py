from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from samskab.core.forms import CleanTextModelForm
from samskab.processes.models import Challenge, FollowUp, Participant, Process, Solution


class ParticipantInline(admin.TabularInline):
    form = CleanTextModelForm
    model = Participant
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Process)
class ProcessAdmin(SimpleHistoryAdmin):
    form = CleanTextModelForm
    list_display = ["title", "unit", "step", "start_date", "next_evaluation"]
    list_filter = ["step", "unit__organisation"]
    search_fields = ["title"]
    inlines = [ParticipantInline]


@admin.register(Challenge)
class ChallengeAdmin(SimpleHistoryAdmin):
    form = CleanTextModelForm
    list_display = ["title", "process", "priority"]
    search_fields = ["title"]


@admin.register(Solution)
class SolutionAdmin(SimpleHistoryAdmin):
    form = CleanTextModelForm
    list_display = ["title", "challenge", "status", "owner"]
    list_filter = ["status"]
    search_fields = ["title"]


@admin.register(FollowUp)
class FollowUpAdmin(SimpleHistoryAdmin):
    form = CleanTextModelForm
    list_display = ["solution", "date", "status", "author"]
