"""Writes of sign-in: the person an identity provider vouches for, their roles, and the municipality's settings."""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.core.history import written_by
from samskab.organisations.models import Membership, Organisation
from samskab.signin.errors import SignInRefused
from samskab.signin.models import (
    ExternalIdentity,
    GrantedMembership,
    RoleMapping,
    SamlRequest,
    SignInSettings,
    UsedAssertion,
)

User = get_user_model()


@dataclass(frozen=True)
class Person:
    """What the identity provider says about the person."""

    first_name: str = ""
    last_name: str = ""
    email: str = ""
    source_uuid: uuid.UUID | None = None


def _find_user(*, organisation: Organisation, kind: str, subject: str, person: Person):
    identity = ExternalIdentity.objects.select_related("user").filter(organisation=organisation, kind=kind, subject=subject).first()
    if identity:
        return identity.user
    if person.source_uuid:
        # A person the sync (or an earlier sign-in) made, signing in for the first time this way.
        return User.objects.filter(organisation=organisation, source_uuid=person.source_uuid).first()
    return None


def _new_username(person: Person, kind: str) -> str:
    if person.email and not User.objects.filter(username__iexact=person.email).exists():
        return person.email[:150]
    return f"{kind}-{uuid.uuid4().hex[:16]}"


@transaction.atomic
def identity_sign_in(
    *, organisation: Organisation, kind: str, subject: str, person: Person, memberships: set[tuple[int, str]]
):
    """The user behind an identity, made or brought up to date, with the memberships the provider gives now.

    Memberships the provider gave at an earlier sign-in and not now are removed; those made in
    Samskab are kept. Refused (nothing written) when the account has been deactivated.
    """
    user = _find_user(organisation=organisation, kind=kind, subject=subject, person=person)
    if user is not None and not user.is_active:
        raise SignInRefused(_("Your account in Samskab has been deactivated. Ask your municipality's administrator."))
    if user is None:
        user = User(username=_new_username(person, kind), organisation=organisation)
        user.set_unusable_password()
    for field in ("first_name", "last_name", "email"):
        if getattr(person, field):
            setattr(user, field, getattr(person, field)[:150])
    if person.source_uuid and not user.source_uuid:
        user.source_uuid = person.source_uuid
    user.save()
    identity, _created = ExternalIdentity.objects.get_or_create(
        organisation=organisation, kind=kind, subject=subject, defaults={"user": user}
    )
    identity.save(update_fields=["last_sign_in"])
    memberships_follow_provider(user=user, memberships=memberships)
    return user


def identity_roles_withdraw(*, organisation: Organisation, kind: str, subject: str) -> None:
    """A known person the provider now gives no role in Samskab: take back what it gave before."""
    identity = ExternalIdentity.objects.select_related("user").filter(organisation=organisation, kind=kind, subject=subject).first()
    if identity is not None:
        memberships_follow_provider(user=identity.user, memberships=set())


def memberships_follow_provider(*, user, memberships: set[tuple[int, str]]) -> None:
    """Give `user` exactly the provider's memberships among those the provider gave, keeping local ones."""
    granted = {
        (grant.membership.unit_id, grant.membership.role): grant.membership
        for grant in GrantedMembership.objects.select_related("membership").filter(membership__user=user)
    }
    for key, membership in granted.items():
        if key not in memberships:
            written_by(membership, user).delete()
    existing = set(Membership.objects.filter(user=user).values_list("unit_id", "role"))
    for unit_id, role in sorted(memberships - existing):
        membership = written_by(Membership(user=user, unit_id=unit_id, role=role), user)
        membership.save()
        GrantedMembership.objects.create(membership=membership)


def sign_in_settings_for(organisation: Organisation) -> SignInSettings:
    """The municipality's settings; a municipality that has none yet gets the defaults (not saved)."""
    return SignInSettings.objects.filter(organisation=organisation).first() or SignInSettings(organisation=organisation)


def sign_in_settings_save(*, settings: SignInSettings, by) -> SignInSettings:
    settings.save()
    return settings


def role_mapping_add(*, organisation: Organisation, value: str, role: str, unit, by) -> RoleMapping:
    mapping, _created = RoleMapping.objects.get_or_create(organisation=organisation, value=value, role=role, unit=unit)
    return mapping


def role_mapping_remove(*, mapping: RoleMapping, by) -> None:
    mapping.delete()


def saml_request_record(*, request_id: str, organisation: Organisation, next_url: str) -> SamlRequest:
    """Remember an AuthnRequest until its answer comes (and forget those that were never answered)."""
    SamlRequest.objects.filter(created__lt=timezone.now() - timedelta(hours=1)).delete()
    return SamlRequest.objects.create(request_id=request_id, organisation=organisation, next_url=next_url[:500])


def assertion_use(*, assertion_id: str, not_on_or_after: datetime) -> bool:
    """Record an assertion as used; False when it was used before (a replay)."""
    UsedAssertion.objects.filter(not_on_or_after__lt=timezone.now() - timedelta(hours=1)).delete()
    try:
        with transaction.atomic():
            UsedAssertion.objects.create(assertion_id=assertion_id, not_on_or_after=not_on_or_after)
    except IntegrityError:
        return False
    return True
