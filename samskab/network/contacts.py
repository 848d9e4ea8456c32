"""Each unit's contact consultant: its own, or the nearest unit above it that has one.

A unit's path ("1/4/9/") names every unit above it, so the contacts of any number of units are
found with one query.
"""

from samskab.network.models import ContactConsultant


def _ids(path: str) -> list[int]:
    return [int(part) for part in path.split("/") if part]


def contacts_for(paths: list[str]) -> dict[str, ContactConsultant | None]:
    """The contact consultant that serves each unit path (one query, none when `paths` is empty)."""
    wanted = {pk for path in paths for pk in _ids(path)}
    if not wanted:
        return {}
    by_unit = {
        contact.unit_id: contact
        for contact in ContactConsultant.objects.filter(unit_id__in=wanted).select_related("unit", "consultant")
    }
    found = {}
    for path in paths:
        found[path] = next((by_unit[pk] for pk in reversed(_ids(path)) if pk in by_unit), None)
    return found


def distinct_contacts(paths: list[str]) -> list[ContactConsultant]:
    """The contact consultants serving any of `paths`, each once, nearest the top of the tree first."""
    seen: dict[int, ContactConsultant] = {}
    for contact in contacts_for(paths).values():
        if contact is not None:
            seen.setdefault(contact.pk, contact)
    return sorted(seen.values(), key=lambda contact: contact.unit.path)
