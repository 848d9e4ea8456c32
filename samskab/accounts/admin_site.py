"""The Django admin is for the installation's administrators only: active superusers.

Everyday administration of a municipality happens in Samskab's own pages (samskab.administration).
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


class InstallationAdminSite(admin.AdminSite):
    def has_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser


class InstallationAdminConfig(AdminConfig):
    default_site = "samskab.accounts.admin_site.InstallationAdminSite"
