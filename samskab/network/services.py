"""Writes to the network: trained konsulenter, contact consultants, erfa-groups and their agendas.

A model form that saves its own record stays in the view; every other write is here.
"""

from django.db import transaction
from django.db.models import Max

from samskab.bank.models import BankItem
from samskab.network.models import AgendaItem, ContactConsultant, ErfaGroup, ErfaMeeting, TrainedFacilitator


def trained_facilitator_remove(*, trained: TrainedFacilitator, by) -> None:
    trained.delete()


def contact_consultant_set(*, unit, consultant, by) -> ContactConsultant:
    """Make `consultant` the unit's contact consultant, replacing the one it had."""
    contact, _created = ContactConsultant.objects.update_or_create(unit=unit, defaults={"consultant": consultant})
    return contact


def contact_consultant_remove(*, contact: ContactConsultant, by) -> None:
    contact.delete()


def erfa_group_create(*, group: ErfaGroup, members, by) -> ErfaGroup:
    """Save a new erfa-group (from its form, not yet saved) with its members."""
    group.save()
    group.members.set(members)
    return group


def _next_order(meeting: ErfaMeeting) -> int:
    last = meeting.agenda.aggregate(last=Max("order"))["last"]
    return 0 if last is None else last + 1


def agenda_item_add(*, meeting: ErfaMeeting, text: str, bank_item: BankItem | None = None, by) -> AgendaItem:
    """Put an item last on the meeting's agenda: free text, or an erfaringsbank item under its title."""
    return AgendaItem.objects.create(meeting=meeting, bank_item=bank_item, text=text[:500], order=_next_order(meeting))


def agenda_item_remove(*, item: AgendaItem, by) -> None:
    item.delete()


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, up: bool, by) -> None:
    """Move an agenda item one place up or down (nothing happens at either end)."""
    items = list(item.meeting.agenda.select_for_update())
    position = next(index for index, other in enumerate(items) if other.pk == item.pk)
    target = position - 1 if up else position + 1
    if 0 <= target < len(items):
        items[position], items[target] = items[target], items[position]
        for order, other in enumerate(items):
            other.order = order
        AgendaItem.objects.bulk_update(items, ["order"])
