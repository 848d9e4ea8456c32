from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from samskab.accounts.models import User
from samskab.organisations.models import Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = DjangoUserAdmin.fieldsets + ((_("Municipality"), {"fields": ["organisation"]}),)
    list_display = ["username", "first_name", "last_name", "email", "organisation", "is_active"]
    list_filter = ["organisation", "is_active", "is_staff"]
    inlines = [MembershipInline]
