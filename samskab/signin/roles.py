"""Which Samskab roles at which units an identity provider's answer gives, through the municipality's role mapping."""

import uuid
from dataclasses import dataclass

from samskab.organisations.models import Organisation, Unit
from samskab.signin.models import RoleMapping


@dataclass(frozen=True)
class Grant:
    """A value the identity provider gave (an app role, a privilege) and the units it names for it."""

    value: str
    unit_uuids: tuple[str, ...] = ()


def _uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text.strip().removeprefix("urn:uuid:"))
    except ValueError:
        return None


def memberships_granted(organisation: Organisation, grants: list[Grant]) -> set[tuple[int, str]]:
    """(unit id, role) pairs: a mapping with a unit gives its role there; one without gives it at
    each active unit of the municipality that the grant names by UUID (unknown UUIDs give nothing)."""
    mappings = list(RoleMapping.objects.filter(organisation=organisation, value__in={grant.value for grant in grants}))
    wanted = {parsed for grant in grants for text in grant.unit_uuids if (parsed := _uuid(text))}
    units = dict(
        Unit.objects.filter(organisation=organisation, active=True, source_uuid__in=wanted).values_list("source_uuid", "pk")
    )
    granted = set()
    for grant in grants:
        named = {units[parsed] for text in grant.unit_uuids if (parsed := _uuid(text)) in units}
        for mapping in mappings:
            if mapping.value != grant.value:
                continue
            if mapping.unit_id:
                granted.add((mapping.unit_id, mapping.role))
            else:
                granted.update((unit_id, mapping.role) for unit_id in named)
    return granted
