"""The facilitator moderates a board: named groups, moving, editing and merging cards.

The writes of the board's moderation, named and called like services (`<noun>_<verb>(…, by=)`),
by the views once they have checked that the user is one of the workshop's facilitators; cards
and groups keep no history, so `by` names the facilitator for the signature's sake alone. Each
refuses with `Refused` (a message for the facilitator) when the workshop is closed, because a
closed workshop is read-only until it is reopened; each change is made in one transaction and
announced with `live.changed()` once it has committed.

The facilitator may change cards while the section is locked: the lock stops participants, not
the person running the room. Card text follows the same rules as the participants' cards
(length, privacy warning; see cards.py).
"""

from functools import partial

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from samskab.workshops import live
from samskab.workshops.cards import Refused, _check_privacy, _check_headings, _clean_text
from samskab.workshops.models import CARD_MAX_LENGTH, Card, CardGroup, Section, Vote, Workshop, WorkshopStatus

GROUP_NAME_MAX_LENGTH = 200

# What the kept card says after a merge.
MERGE_BOTH = "begge"  # the kept card's text, then the merged card's
MERGE_KEPT = "beholdt"  # the kept card's text only


def _changed(workshop_id: int) -> None:
    transaction.on_commit(partial(live.changed, workshop_id))


def check_not_closed(workshop: Workshop) -> None:
    """A closed workshop is read-only: the facilitator reopens it before changing anything."""
    if workshop.status == WorkshopStatus.CLOSED:
        raise Refused(_("The workshop is closed, so nothing can be changed. Reopen it first."))


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise Refused(_("Give the group a name."), status=422)
    if len(name) > GROUP_NAME_MAX_LENGTH:
        raise Refused(
            _("A group name holds at most %(limit)d characters.") % {"limit": GROUP_NAME_MAX_LENGTH}, status=422
        )
    return name


def group_create(*, section: Section, name: str, by) -> CardGroup:
    """A new named group on the board, after the groups it already has; an existing one of that name is reused."""
    check_not_closed(section.workshop)
    name = _clean_name(name)
    existing = section.groups.filter(name=name).first()
    if existing is not None:  # a double click, or the same name twice: one group
        return existing
    with transaction.atomic():
        last = section.groups.aggregate(Max("order"))["order__max"]
        group = CardGroup.objects.create(section=section, name=name, order=0 if last is None else last + 1)
        _changed(section.workshop_id)
    return group


def group_rename(*, group: CardGroup, name: str, by) -> CardGroup:
    check_not_closed(group.section.workshop)
    name = _clean_name(name)
    if name != group.name:
        with transaction.atomic():
            group.name = name
            group.save(update_fields=["name"])
            _changed(group.section.workshop_id)
    return group


def group_delete(*, group: CardGroup, by) -> None:
    """Remove a group. Its cards stay on the board, without a group."""
    check_not_closed(group.section.workshop)
    with transaction.atomic():
        group.delete()
        _changed(group.section.workshop_id)


def card_to_group(*, card: Card, group: CardGroup | None, by) -> Card:
    """Put a card in a group of its own board, or (None) take it out of its group."""
    check_not_closed(card.section.workshop)
    if group is not None and group.section_id != card.section_id:
        raise Refused(_("Choose one of this board's groups."), status=422)
    new = None if group is None else group.pk
    if card.group_id != new:
        with transaction.atomic():
            card.group = group
            card.save(update_fields=["group", "updated_at"])
            # The card itself, with its new group: phones place it on their board without asking.
            transaction.on_commit(partial(live.card_saved, card))
    return card


def card_edit(*, card: Card, text: str, column=None, theme=None, confirmed: bool = False, by) -> Card:
    """The facilitator changes a card's text, or moves it to another column or theme."""
    section = card.section
    check_not_closed(section.workshop)
    text = _clean_text(text)
    _check_headings(section, column, theme)
    if (card.text, card.column_id, card.theme_id) == (text, getattr(column, "pk", None), getattr(theme, "pk", None)):
        return card
    if text != card.text:
        _check_privacy(text, confirmed)
    with transaction.atomic():
        card.text, card.column, card.theme = text, column, theme
        card.save(update_fields=["text", "column", "theme", "updated_at"])
        _changed(section.workshop_id)
    return card


def merged_text(card: Card, into: Card, keep: str) -> str:
    return f"{into.text}\n\n{card.text}" if keep == MERGE_BOTH else into.text


def card_merge(*, card: Card, into: Card, keep: str = MERGE_BOTH, by) -> Card:
    """Merge `card` into `into`: `into` stays, with the votes and lesson links of both; `card` leaves the board.

    `keep` says what the kept card says: both texts (MERGE_BOTH) or its own (MERGE_KEPT). A
    hidden card's text never moves onto another card. A participant who voted for both cards
    keeps both votes, on the kept card. Returns the kept card.
    """
    section = card.section
    check_not_closed(section.workshop)
    if into.section_id != card.section_id:
        raise Refused(_("Choose a card on the same board."), status=422)
    if into.pk == card.pk:
        raise Refused(_("Choose another card to merge with."), status=422)
    if keep not in (MERGE_BOTH, MERGE_KEPT):
        raise Refused(_("Choose which text the merged card keeps."), status=422)
    if keep == MERGE_BOTH and card.hidden and not into.hidden:
        raise Refused(
            _("This card is hidden, so its text cannot move onto a card that is shown. Keep only the other card's text."),
            status=422,
        )
    text = merged_text(card, into, keep)
    if len(text) > CARD_MAX_LENGTH:
        raise Refused(
            _(
                "Together the two texts have %(count)d characters, and a card holds at most %(limit)d. "
                "Keep only the other card's text, or shorten one of the cards first."
            )
            % {"count": len(text), "limit": CARD_MAX_LENGTH},
            status=422,
        )
    with transaction.atomic():
        Vote.objects.filter(card=card).update(card=into)
        for lesson in card.lessons.all():
            lesson.cards.add(into)
        into.text = text
        if into.group_id is None:
            into.group_id = card.group_id
        into.save(update_fields=["text", "group", "updated_at"])
        card.delete()
        _changed(section.workshop_id)
    return into
