"""Bringing Samskab's units, people and leaders in line with the source.

Units and people are matched on their source UUIDs. Names change, units move to another parent,
what came back is made active again; what disappeared from the source is made inactive, never
deleted (its forløb and history stay). Leaders are memberships marked `from_source`: the sync
adds and removes only those, so roles given in Samskab stay. A dry run makes the same changes
inside a transaction and rolls it back, so what it prints is what a real run would do.
"""

import uuid
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from samskab.organisations.models import Membership, Organisation, Role, Unit, UnitKind
from samskab.organisations.sync.source import Organisation as Source
from samskab.organisations.sync.source import SourceUnit, SyncError

User = get_user_model()
KIND_BY_DEPTH = [UnitKind.MUNICIPALITY, UnitKind.ADMINISTRATION, UnitKind.AREA]


@dataclass(frozen=True)
class Change:
    action: str  # create, update, move, deactivate, reactivate, add, remove, skip
    what: str  # unit, person, leader
    text: str

    def __str__(self) -> str:
        return f"{self.action:<10} {self.what:<6} {self.text}"


def organisation_sync(*, organisation: Organisation, source: Source, dry_run: bool = False) -> list[Change]:
    if not source.units:
        # An empty answer (a client without read access, an empty export) would make everything inactive.
        raise SyncError("The source holds no units.")
    with transaction.atomic():
        changes = _units(organisation, source.units)
        changes += _people(organisation, source)
        changes += _leaders(organisation, source)
        if dry_run:
            transaction.set_rollback(True)
    return changes


def _top_down(units: list[SourceUnit]) -> tuple[list[tuple[SourceUnit, int]], list[SourceUnit]]:
    """The units with their depth, parents before children; and those not reached from a top unit
    (their parent is not in the source, or their parents form a loop)."""
    children: dict[uuid.UUID | None, list[SourceUnit]] = {}
    for unit in units:
        children.setdefault(unit.parent, []).append(unit)
    ordered, stack = [], [(unit, 0) for unit in children.get(None, [])]
    while stack:
        unit, depth = stack.pop()
        ordered.append((unit, depth))
        stack.extend((child, depth + 1) for child in children.get(unit.uuid, []))
    reached = {unit.uuid for unit, _depth in ordered}
    return ordered, [unit for unit in units if unit.uuid not in reached]


def _units(organisation: Organisation, units: list[SourceUnit]) -> list[Change]:
    changes = []
    existing = {unit.source_uuid: unit for unit in Unit.objects.filter(organisation=organisation, source_uuid__isnull=False)}
    ordered, unreached = _top_down(units)
    _adopt_top_unit(organisation, ordered, existing)
    for unit in unreached:
        changes.append(Change("skip", "unit", f"{unit.name} ({unit.uuid}): not below a top unit (parent missing, or a loop)"))
    for data, depth in ordered:
        parent = existing[data.parent] if data.parent else None
        unit = existing.get(data.uuid)
        if unit is None:
            kind = KIND_BY_DEPTH[depth] if depth < len(KIND_BY_DEPTH) else UnitKind.WORKPLACE
            unit = Unit(organisation=organisation, source_uuid=data.uuid, name=data.name, parent=parent, kind=kind)
            unit.save()
            existing[data.uuid] = unit
            changes.append(Change("create", "unit", _where(unit)))
            continue
        if unit.parent_id != (parent.pk if parent else None):
            old = unit.parent.name if unit.parent_id else "-"
            unit.parent = parent
            unit.save()
            changes.append(Change("move", "unit", f"{unit.name}: from {old} to {parent.name if parent else '-'}"))
        if unit.name != data.name:
            changes.append(Change("update", "unit", f"{unit.name} is now called {data.name}"))
            unit.name = data.name
            unit.save(update_fields=["name"])
        if not unit.active:
            unit.active = True
            unit.save(update_fields=["active"])
            changes.append(Change("reactivate", "unit", unit.name))
    seen = {data.uuid for data in units}  # a unit skipped above is still there: left as it is
    for unit in Unit.objects.filter(organisation=organisation, active=True, source_uuid__isnull=False).exclude(source_uuid__in=seen):
        unit.active = False
        unit.save(update_fields=["active"])
        changes.append(Change("deactivate", "unit", unit.name))
    return changes


def _adopt_top_unit(organisation, ordered, existing) -> None:
    """On the first sync, the municipality's top unit typed into Samskab becomes the source's top unit."""
    roots = [data for data, depth in ordered if depth == 0]
    tops = list(Unit.objects.filter(organisation=organisation, parent=None))
    if len(roots) == 1 and len(tops) == 1 and tops[0].source_uuid is None and roots[0].uuid not in existing:
        top = tops[0]
        top.source_uuid = roots[0].uuid
        top.save(update_fields=["source_uuid"])
        existing[top.source_uuid] = top


def _where(unit: Unit) -> str:
    return f"{unit.name} (below {unit.parent.name})" if unit.parent_id else f"{unit.name} (at the top)"


def _free_username(wanted: str, person_uuid: uuid.UUID) -> str:
    username = wanted or f"os2mo-{person_uuid}"
    if User.objects.filter(username=username).exists():
        username = f"{username}-{str(person_uuid)[:8]}"
    return username[:150]


def _people(organisation: Organisation, source: Source) -> list[Change]:
    changes = []
    existing = {user.source_uuid: user for user in User.objects.filter(organisation=organisation, source_uuid__isnull=False)}
    for data in source.people:
        user = existing.get(data.uuid)
        name = f"{data.first_name} {data.last_name}".strip()
        if user is None:
            user = User(
                organisation=organisation,
                source_uuid=data.uuid,
                username=_free_username(data.username, data.uuid),
                first_name=data.first_name,
                last_name=data.last_name,
                email=data.email,
            )
            user.set_unusable_password()  # they sign in through the municipality's identity provider
            user.save()
            existing[data.uuid] = user
            changes.append(Change("create", "person", f"{name} ({user.username})"))
            continue
        fields = [f for f in ("first_name", "last_name", "email") if getattr(user, f) != getattr(data, f)]
        if not user.is_active:
            changes.append(Change("reactivate", "person", name))
        if fields:
            changes.append(Change("update", "person", f"{name}: {', '.join(fields)}"))
        for f in fields:
            setattr(user, f, getattr(data, f))
        if not user.is_active:
            user.is_active, user.left_on = True, None
            fields += ["is_active", "left_on"]
        if fields:
            user.save(update_fields=fields)
    seen = {data.uuid for data in source.people}
    for user in User.objects.filter(organisation=organisation, is_active=True, source_uuid__isnull=False).exclude(source_uuid__in=seen):
        user.is_active, user.left_on = False, timezone.localdate()
        user.save(update_fields=["is_active", "left_on"])
        changes.append(Change("deactivate", "person", str(user)))
    return changes


def _leaders(organisation: Organisation, source: Source) -> list[Change]:
    changes = []
    # Only what the source still holds: a unit or person made inactive above leads nothing.
    units = {u.source_uuid: u for u in Unit.objects.filter(organisation=organisation, active=True, source_uuid__isnull=False)}
    people = {p.source_uuid: p for p in User.objects.filter(organisation=organisation, is_active=True, source_uuid__isnull=False)}
    wanted = set()
    for leader in source.leaders:
        unit, person = units.get(leader.unit), people.get(leader.person)
        if unit is None or person is None:
            changes.append(Change("skip", "leader", f"{leader.person} of {leader.unit}: unit or person not in the source"))
            continue
        wanted.add((unit.pk, person.pk))
        membership, created = Membership.objects.get_or_create(
            user=person, unit=unit, role=Role.LEADER, defaults={"from_source": True}
        )
        if created:
            changes.append(Change("add", "leader", f"{person} leads {unit.name}"))
    synced = Membership.objects.filter(unit__organisation=organisation, role=Role.LEADER, from_source=True).select_related("unit", "user")
    for membership in synced:
        if (membership.unit_id, membership.user_id) not in wanted:
            changes.append(Change("remove", "leader", f"{membership.user} no longer leads {membership.unit.name}"))
            membership.delete()
    return changes
