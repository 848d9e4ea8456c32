"""What participants send during a workshop: cards, edits, deletes, votes and ratings.

Each write comes with an id the client made (`client_id`), and a retry of the same write
stores nothing new and answers as the first one did: a phone that lost the answer, or lost
its connection, simply sends again. Cards, votes and ratings keep their id in the database.
An edit sets the card's text (sending it twice changes nothing the second time), and a
delete of a card that is already gone answers as the first delete did.

A refusal raises `Refused`, with a message for the participant and an HTTP status. Every
write that changes something tells `live` what changed (card_saved, card_removed, vote_cast,
ratings_changed) once its transaction has committed.
"""

import uuid
from functools import partial

from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext as _

from samskab.core.text import without_control_characters
from samskab.workshops import hot_reads, limits, live, privacy
from samskab.workshops.models import (
    CARD_MAX_LENGTH,
    Attendee,
    Card,
    Heading,
    HeadingKind,
    Phase,
    Rating,
    Section,
    SectionKind,
    Statement,
    Vote,
    WorkshopStatus,
)

# Phases in which participants add cards (while the section is not locked).
WRITING = (Phase.WRITE, Phase.SHOW, Phase.GROUP)
RATING_VALUES = range(1, 6)
MAX_ID = 2**63 - 1  # an id above a bigint column's range is no section (the ORM found none; SQL would fail)
# How long a replaced rating's id is remembered, so that it cannot come back late and undo a newer one.
REPLACED_FOR = 24 * 3600


class Refused(Exception):
    """The workshop does not take this write now. `message` is for the participant."""

    def __init__(self, message: str, *, status: int = 409, confirm: str | None = None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.confirm = confirm  # a privacy.sensitive() reason: sent again with confirmation, it is taken


def not_found() -> Refused:
    return Refused(_("We cannot find that card. It may have been deleted."), status=404)


def privacy_warning(reason: str) -> str:
    if reason == privacy.CPR_NUMBER:
        return _(
            "The card looks like it contains a CPR number. Cards may be shared across the municipality later, "
            "so please leave out anything that identifies a citizen. Send it anyway?"
        )
    return _(
        "The card looks like it names a citizen. Cards may be shared across the municipality later, "
        "so please leave out anything that identifies a citizen. Send it anyway?"
    )


def _announce(tell, *args, **kwargs) -> None:
    """Tell the live clients once the transaction has committed (live.py)."""
    transaction.on_commit(partial(tell, *args, **kwargs))


def _check_open(section: Section) -> None:
    """Participants may change the section now: the workshop runs and the section is not locked."""
    status = section.workshop.status
    if status == WorkshopStatus.CLOSED:
        raise Refused(_("The workshop has been closed, so nothing more can be sent. Your text has not been saved."))
    if status != WorkshopStatus.RUNNING:
        raise Refused(_("The workshop has not started yet. Your text has not been saved; send it when it starts."))
    if section.locked:
        raise Refused(_("The facilitator has locked this part of the workshop. Your text has not been saved."))


def _clean_text(text: str) -> str:
    text = without_control_characters(text or "").replace("\r\n", "\n").strip()
    if not text:
        raise Refused(_("Write something on the card first."), status=422)
    if len(text) > CARD_MAX_LENGTH:
        raise Refused(
            _("A card holds at most %(limit)d characters; yours has %(count)d. Please shorten it.")
            % {"limit": CARD_MAX_LENGTH, "count": len(text)},
            status=422,
        )
    return text


def _check_privacy(text: str, confirmed: bool) -> None:
    reason = privacy.sensitive(text)
    if reason and not confirmed:
        raise Refused(privacy_warning(reason), status=422, confirm=reason)


def _check_headings(section: Section, column: Heading | None, theme: Heading | None) -> None:
    if column is not None and (column.section_id != section.pk or column.kind != HeadingKind.COLUMN):
        raise Refused(_("Choose one of the board's columns."), status=422)
    if theme is not None and (theme.section_id != section.pk or theme.kind != HeadingKind.THEME):
        raise Refused(_("Choose one of the board's themes."), status=422)


def _own_card(attendee: Attendee, card_id: uuid.UUID) -> Card | None:
    """The card with this id if it is the attendee's; None if there is no such card; 404 if it is someone else's."""
    card = Card.objects.select_related("section__workshop").filter(client_id=card_id).first()
    if card is not None and card.attendee_id != attendee.pk:
        raise not_found()
    return card


def board_to_write_on(attendee: Attendee, section_id: str) -> tuple[Section | None, list[Heading]]:
    """The section of the attendee's workshop with this id, and its headings (columns, themes), for a new card.

    Read together in one query whenever the section has headings (a board has its columns), written
    in SQL (hot_reads.py): the write a whole room makes in the same second. A section without
    headings is read on its own.
    """
    if not (section_id.isascii() and section_id.isdigit()) or int(section_id) > MAX_ID:
        return None, []
    headings = hot_reads.board_headings(int(section_id), attendee.workshop_id)  # one section object for all
    if headings:
        section = headings[0].section
    else:
        section = Section.objects.filter(pk=section_id, workshop_id=attendee.workshop_id).first()
    if section is not None:
        section.workshop = attendee.workshop
    return section, headings


def card_add(
    *,
    attendee: Attendee,
    section: Section,
    client_id: uuid.UUID,
    text: str,
    column: Heading | None = None,
    theme: Heading | None = None,
    confirmed: bool = False,
) -> Card:
    """Put a card on a board. A card already stored with this client_id is returned as it is.

    The card is inserted straight away, without looking for it first: a repeat (a phone that lost
    the answer) fails on the unique client_id and gets the stored card back, as does a repeat that
    would now be refused (the section was locked after the first one was stored).
    """
    try:
        text = _new_card_text(attendee, section, text, column, theme, confirmed)
        with transaction.atomic():
            card = hot_reads.insert(
                Card(client_id=client_id, section=section, attendee=attendee, text=text, column=column, theme=theme)
            )
            _announce(live.card_saved, card, votes=0)
        if not attendee.on_paper:
            limits.count_card(attendee.pk, section.pk)
    except (Refused, IntegrityError):
        existing = _own_card(attendee, client_id)
        if existing is None:
            raise
        return existing
    return card


def _new_card_text(
    attendee: Attendee, section: Section, text: str, column: Heading | None, theme: Heading | None, confirmed: bool
) -> str:
    """The new card's text, cleaned, if the attendee may add it to the section now."""
    if section.workshop_id != attendee.workshop_id or section.kind != SectionKind.BOARD:
        raise not_found()
    _check_open(section)
    if section.phase not in WRITING:
        raise Refused(_("Cards cannot be added in this phase. Your text has not been saved."))
    if not attendee.on_paper:
        _check_card_allowance(attendee, section)
    text = _clean_text(text)
    _check_headings(section, column, theme)
    _check_privacy(text, confirmed)
    return text


def _check_card_allowance(attendee: Attendee, section: Section) -> None:
    """As many cards as a room needs from one participant, and not all at once (limits.py)."""
    used_up = limits.card_allowance_used_up(attendee.pk, section.pk)
    if used_up == "minute":
        raise Refused(
            _("You have sent many cards in a short time. Wait a minute, then send again. Your text has not been saved."),
            status=429,
        )
    if used_up == "section":
        raise Refused(
            _("You have written %(limit)d cards in this part of the workshop, as many as one participant can. Your text has not been saved.")
            % {"limit": limits.CARDS_PER_SECTION}
        )


_UNCHANGED = object()


def card_edit(
    *,
    attendee: Attendee,
    card_id: uuid.UUID,
    text: str,
    column=_UNCHANGED,
    theme=_UNCHANGED,
    confirmed: bool = False,
) -> Card:
    """Change the text (and column or theme) of one of the attendee's own cards, until the section is locked."""
    card = _own_card(attendee, card_id)
    if card is None:
        raise not_found()
    text = _clean_text(text)
    column = card.column if column is _UNCHANGED else column
    theme = card.theme if theme is _UNCHANGED else theme
    if (card.text, card.column_id, card.theme_id) == (text, getattr(column, "pk", None), getattr(theme, "pk", None)):
        return card  # nothing to change: a repeat of an edit answers as the edit did
    _check_open(card.section)
    _check_headings(card.section, column, theme)
    if text != card.text:
        _check_privacy(text, confirmed)
    card.text, card.column, card.theme = text, column, theme
    with transaction.atomic():
        card.save(update_fields=["text", "column", "theme", "updated_at"])
        _announce(live.card_saved, card)
    return card


def card_delete(*, attendee: Attendee, card_id: uuid.UUID) -> None:
    """Delete one of the attendee's own cards, until the section is locked. A card already gone is fine."""
    card = _own_card(attendee, card_id)
    if card is None:
        return
    _check_open(card.section)
    with transaction.atomic():
        card.delete()
        _announce(live.card_removed, card)


def vote_cast(*, attendee: Attendee, card_id: uuid.UUID, client_id: uuid.UUID) -> Vote:
    """A dot vote on a visible card of a section in the vote phase, within the votes each participant has.

    Stored without looking for it first, as a card is: a repeat is found when it fails on the
    unique client_id, or when it would now be refused (all votes used, voting closed).
    """
    try:
        card = _card_to_vote_on(attendee, card_id)
        with transaction.atomic():
            hot_reads.lock_attendee(attendee.pk)  # two quick taps cannot pass the limit together
            left, mine, on_card = _vote_counts(attendee, card)
            if left <= 0:
                raise Refused(_("You have used all your votes."))
            vote = hot_reads.insert(Vote(client_id=client_id, card=card, attendee=attendee))
            # The answer's counts, known now: the view need not count again (votes_left_and_mine).
            card.counted = (attendee.pk, left - 1, mine + 1)
            # In SQLite nobody else writes until this transaction commits, so the card's count read in
            # it is the count at the commit; elsewhere another vote may commit meanwhile, and live
            # counts the card's votes after the commit.
            _announce(live.vote_cast, vote, votes=on_card + 1 if connection.vendor == "sqlite" else None)
    except (Refused, IntegrityError):
        existing = Vote.objects.filter(client_id=client_id).first()
        if existing is None:
            raise
        if existing.attendee_id != attendee.pk:
            raise not_found() from None
        return existing
    return vote


def vote_withdraw(*, attendee: Attendee, card_id: uuid.UUID, client_id: uuid.UUID) -> Card:
    """Take back one of the attendee's votes on a card, while voting is open.

    `client_id` names this taking back: the same request sent again (a lost answer) takes back
    nothing more. The ids are remembered for a day, as replaced ratings are.
    """
    card = _card_to_vote_on(attendee, card_id)
    key = f"samskab:vote-withdrawn:{client_id}"
    if not cache.add(key, True, REPLACED_FOR):
        return card  # done before (or being done now by the same request sent twice)
    with transaction.atomic():
        vote = Vote.objects.filter(attendee=attendee, card=card).order_by("-created_at", "-pk").first()
        if vote is not None:
            vote.delete()
            vote.card = card
            _announce(live.vote_cast, vote)
    return card


def votes_left_and_mine(attendee: Attendee, card: Card) -> tuple[int, int]:
    """The votes the attendee has left in the card's section, and those they gave this card (one query,
    or none right after vote_cast, which counted them)."""
    counted = getattr(card, "counted", None)
    if counted is not None and counted[0] == attendee.pk:
        return counted[1], counted[2]
    left, mine, _on_card = _vote_counts(attendee, card)
    return left, mine


def votes_left(workshop, used: int) -> int:
    """The votes a participant who has cast `used` in a section still has there."""
    return max(workshop.votes_per_participant - used, 0)


def _vote_counts(attendee: Attendee, card: Card) -> tuple[int, int, int]:
    """The votes the attendee has left in the card's section, those they gave this card, and the
    card's votes from everyone, in one query (hot_reads.py): a whole room votes within the same minute."""
    used, mine, on_card = hot_reads.vote_counts(attendee.pk, card)
    return votes_left(attendee.workshop, used), mine, on_card


def _card_to_vote_on(attendee: Attendee, card_id: uuid.UUID) -> Card:
    card = hot_reads.visible_card(card_id, attendee.workshop_id)
    if card is None:
        raise not_found()
    card.section.workshop = attendee.workshop
    _check_open(card.section)
    if card.section.phase != Phase.VOTE:
        raise Refused(_("Voting is not open now."))
    return card


def _replaced_key(client_id: uuid.UUID) -> str:
    return f"samskab:rating-replaced:{client_id}"


def rating_set(*, attendee: Attendee, statement: Statement, client_id: uuid.UUID, value: int) -> Rating:
    """Rate a statement from 1 to 5. A new rating of the same statement replaces the attendee's earlier one."""
    existing = Rating.objects.filter(client_id=client_id).first()
    if existing is not None:
        if existing.attendee_id != attendee.pk:
            raise not_found()
        return existing
    section = statement.section
    if section.workshop_id != attendee.workshop_id or section.kind != SectionKind.RATING:
        raise Refused(_("We cannot find that statement."), status=404)
    current = Rating.objects.filter(statement=statement, attendee=attendee).first()
    if current is not None and cache.get(_replaced_key(client_id)):
        return current  # an older rating arriving late: the newer one stands
    _check_open(section)
    if value not in RATING_VALUES:
        raise Refused(_("Choose a rating from 1 to 5."), status=422)
    try:
        with transaction.atomic():
            current = Rating.objects.select_for_update().filter(statement=statement, attendee=attendee).first()
            if current is None:
                rating = Rating.objects.create(client_id=client_id, statement=statement, attendee=attendee, value=value)
            else:
                # Safe to remember before the commit: while the row keeps this id, it is found by it first.
                cache.set(_replaced_key(current.client_id), True, REPLACED_FOR)
                current.client_id, current.value = client_id, value
                current.save(update_fields=["client_id", "value", "updated_at"])
                rating = current
            _announce(live.ratings_changed, section)
    except IntegrityError:
        rating = Rating.objects.filter(client_id=client_id, attendee=attendee).first()
        if rating is None:
            raise
    return rating
