"""Events recorded where Django announces them: sign-ins, sign-outs, failed sign-ins, and roles
given or taken away (by an administrator, by the identity provider, or by the organisation sync),
and the municipality administrator's flag given or taken away."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from samskab.audit.models import Kind
from samskab.audit.services import audit_record

# The sign-in method, told by the page that signed the person in.
METHODS = {"saml_acs": "saml", "oidc_callback": "oidc"}


def _method(request) -> str:
    match = getattr(request, "resolver_match", None) if request is not None else None
    return METHODS.get(match.url_name if match else "", "password")


@receiver(user_logged_in, dispatch_uid="samskab_audit_sign_in")
def signed_in(sender, request, user, **kwargs):
    audit_record(kind=Kind.SIGN_IN, by=user, request=request, details={"method": _method(request)})


@receiver(user_logged_out, dispatch_uid="samskab_audit_sign_out")
def signed_out(sender, request, user, **kwargs):
    if user is not None:
        audit_record(kind=Kind.SIGN_OUT, by=user, request=request)


@receiver(user_login_failed, dispatch_uid="samskab_audit_sign_in_failed")
def sign_in_failed(sender, credentials, request=None, **kwargs):
    typed = str(credentials.get("username") or "")
    known = get_user_model().objects.filter(username=typed).only("pk", "organisation_id").first() if typed else None
    audit_record(
        kind=Kind.SIGN_IN_FAILED,
        by=None,
        organisation=known.organisation_id if known else None,
        request=request,
        username=typed,
        details={"method": _method(request), "known_account": known is not None},
    )


def _membership(membership, kind: str) -> None:
    audit_record(
        kind=kind,
        organisation=membership.unit.organisation_id,
        obj=membership,
        text=f"{membership.get_role_display()} · {membership.unit}",
        details={
            "person_id": membership.user_id,
            "role": membership.role,
            "unit_id": membership.unit_id,
            "from_source": membership.from_source,
        },
    )


@receiver(post_save, sender="organisations.Membership", dispatch_uid="samskab_audit_membership_saved")
def membership_saved(sender, instance, created, raw=False, **kwargs):
    if not raw:
        _membership(instance, Kind.MEMBERSHIP_ADDED if created else Kind.MEMBERSHIP_CHANGED)


@receiver(post_delete, sender="organisations.Membership", dispatch_uid="samskab_audit_membership_deleted")
def membership_deleted(sender, instance, origin=None, **kwargs):
    # Roles taken away themselves; not those that go with a deleted unit, person or municipality
    # (that deletion is its own event, and the unit may be gone already).
    if isinstance(origin, sender) or getattr(origin, "model", None) is sender:
        _membership(instance, Kind.MEMBERSHIP_REMOVED)


ADMINISTRATOR = "municipality_admin"


@receiver(pre_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="samskab_audit_administrator_before")
def administrator_before(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None or (update_fields is not None and "is_municipality_admin" not in update_fields):
        return
    instance._audit_was_administrator = (
        sender.objects.filter(pk=instance.pk).values_list("is_municipality_admin", flat=True).first()
    )


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="samskab_audit_administrator_after")
def administrator_after(sender, instance, created, raw=False, **kwargs):
    was = getattr(instance, "_audit_was_administrator", None)
    now = bool(instance.is_municipality_admin)
    if raw or (created and not now) or (not created and (was is None or was == now)):
        return
    instance._audit_was_administrator = now
    audit_record(
        kind=Kind.MEMBERSHIP_ADDED if now else Kind.MEMBERSHIP_REMOVED,
        organisation=instance.organisation_id,
        text=str(_("Municipality administrator")),
        details={"person_id": instance.pk, "role": ADMINISTRATOR},
    )
