from django.contrib import admin
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from samskab.accounts.models import User
from samskab.core.forms import CleanTextForm, CleanTextModelForm
from samskab.organisations.models import Membership


class MembershipInline(admin.TabularInline):
    form = CleanTextModelForm
    model = Membership
    extra = 0
    autocomplete_fields = ["unit"]


class UserChangeForm(CleanTextForm, auth_forms.UserChangeForm):
    pass


class UserCreationForm(CleanTextForm, auth_forms.AdminUserCreationForm):
    pass


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form, add_form = UserChangeForm, UserCreationForm
    fieldsets = DjangoUserAdmin.fieldsets + (
        (_("Municipality"), {"fields": ["organisation", "is_municipality_admin", "source_uuid"]}),
    )
    list_display = ["username", "first_name", "last_name", "email", "organisation", "is_municipality_admin", "is_active"]
    list_filter = ["organisation", "is_municipality_admin", "is_active", "is_staff"]
    search_fields = [*DjangoUserAdmin.search_fields, "source_uuid"]
    inlines = [MembershipInline]
