"""The audit trail: an append-only record of security events.

A row is written once and never changed. Only the retention purge (services.audit_purge) and
the erasure of a person (services.audit_person_forget) may touch rows afterwards.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnly(Exception):
    """An audit event was to be changed or deleted outside the purge or an erasure."""


class Kind(models.TextChoices):
    SIGN_IN = "sign_in", _("Sign-in")
    SIGN_IN_FAILED = "sign_in_failed", _("Failed sign-in")
    SIGN_OUT = "sign_out", _("Sign-out")
    ACCESS_REFUSED = "access_refused", _("Access refused")
    DOWNLOAD = "download", _("Download or export")
    MEMBERSHIP_ADDED = "membership_added", _("Role given")
    MEMBERSHIP_CHANGED = "membership_changed", _("Role changed")
    MEMBERSHIP_REMOVED = "membership_removed", _("Role taken away")
    SETTINGS_CHANGED = "settings_changed", _("Settings changed")
    ERASURE = "erasure", _("Person erased")
    PURGE = "purge", _("Retention purge")


# How a person signed in (details["method"]).
METHODS = {
    "password": _("password"),
    "totp": _("code from the app"),
    "oidc": _("OpenID Connect"),
    "saml": _("SAML"),
}


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly("audit events are never changed")

    def delete(self):
        raise AppendOnly("audit events are deleted only by audit_purge")


class AuditEvent(models.Model):
    when = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The name as it was (or as typed, for a failed sign-in): it stays when the account goes.
    username = models.CharField(_("username"), max_length=150, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    object_type = models.CharField(_("object type"), max_length=60, blank=True)
    object_id = models.CharField(_("object id"), max_length=60, blank=True)
    object_text = models.CharField(_("object"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("municipality"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Empty on the participants' anonymous paths: their address is never recorded.
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-when", "-pk"]
        indexes = [models.Index(fields=["organisation", "-when"], name="audit_org_when")]

    def __str__(self) -> str:
        return f"{self.when:%Y-%m-%d %H:%M:%S} {self.kind} {self.username}"

    @property
    def method_label(self) -> str:
        method = self.details.get("method", "") if isinstance(self.details, dict) else ""
        return METHODS.get(method, method)

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnly("audit events are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("audit events are deleted only by audit_purge")
