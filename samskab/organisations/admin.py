from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from samskab.core.forms import CleanTextModelForm
from samskab.organisations.models import MedCommittee, Membership, Organisation, Unit


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    form = CleanTextModelForm
    list_display = ["name", "slug", "cvr", "data_controller", "dpo_email"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    form = CleanTextModelForm
    list_display = ["name", "kind", "parent", "organisation", "active"]
    list_filter = ["organisation", "kind", "active"]
    search_fields = ["name", "source_uuid"]
    autocomplete_fields = ["parent"]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    form = CleanTextModelForm
    list_display = ["user", "role", "unit", "from_source"]
    list_filter = ["role", "unit__organisation", "from_source"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "unit__name"]
    autocomplete_fields = ["user", "unit"]


@admin.register(MedCommittee)
class MedCommitteeAdmin(SimpleHistoryAdmin):
    form = CleanTextModelForm
    list_display = ["name", "unit"]
    filter_horizontal = ["members"]
    autocomplete_fields = ["unit"]
