"""What every phone of a section shows alike: the board's cards, the cards to vote on, the columns.

When the facilitator changes the phase, every phone in the room fetches its page at the same
moment; building the whole board for each of them, one after another, made each card sent then
wait behind hundreds of identical pages. So the shared part is built once per section and live
state, and each phone adds only its own part (its cards, its votes, votes left).

The shared part holds only what any participant of the section may see: no author, no hidden
card (a participant's own hidden card is in its own part), no board before "vis".

It is kept in this process, keyed by the section, the workshop's live sequence number (every change
the phones are told about raises it), the layout (phase, lock…) and the language. An entry lives
at most MAX_AGE seconds, which also bounds how long a change nobody announced can go unseen.
"""

import hashlib
import json
import threading
import time
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from samskab.workshops import live, phone_rows
from samskab.workshops.models import HeadingKind, Section
from samskab.workshops.state import BY_VOTES, board_state

MAX_AGE = 10.0  # seconds
MAX_ENTRIES = 64  # sections at once in one process; the oldest go first

_entries: dict[tuple, tuple[float, "Room"]] = {}
_lock = threading.Lock()


@dataclass
class Room:
    """The section as every participant's phone shows it now."""

    columns: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    board_cards: list = field(default_factory=list)  # shown on the board, in the board's order
    board_html: str = ""  # the phone's "#phone-board", the same for everyone
    vote_cards: list = field(default_factory=list)  # phone_rows.VoteCard
    vote_rows: list = field(default_factory=list)  # phone_rows.VoteRow, escaped once
    vote_list: phone_rows.VoteList | None = None  # the vote list's HTML, written once; each phone adds its votes
    digest: str = ""  # changes when anything above changes: part of the phone's version


def room(section: Section, seq: int, *, voting: bool, show_board: bool) -> Room:
    """The shared part for `section` at live state `seq`, built at most once per key in this process."""
    # The hub in the key: a new hub (tests, a restart of the live layer) starts its numbers again.
    key = (live.hub(), section.pk, seq, live.layout(section.workshop, section), get_language(), voting, show_board)
    now = time.monotonic()
    with _lock:
        found = _entries.get(key)
    if found is not None and now - found[0] < MAX_AGE:
        return found[1]
    built = _build(section, voting=voting, show_board=show_board)
    with _lock:
        for old in [k for k, (at, _) in _entries.items() if now - at >= MAX_AGE]:
            del _entries[old]
        while len(_entries) >= MAX_ENTRIES:
            del _entries[next(iter(_entries))]
        _entries[key] = (now, built)
    return built


def forget() -> None:
    """Empty the caches (tests)."""
    with _lock:
        _entries.clear()
        _listings.clear()


@dataclass
class VoteListing:
    """The cards to vote on, as read (`source`) and as written once for the phones."""

    source: list  # the query's rows: the listing is used again while they are the same
    cards: list  # phone_rows.VoteCard
    rows: list  # phone_rows.VoteRow
    html: phone_rows.VoteList
    digest: str


# While voting, every vote raises the live sequence number and so makes a new Room; the cards to
# vote on do not change with a vote, so their listing (the costly part) is kept per section and
# language and used again as long as the query reads the same rows.
_listings: dict[tuple, VoteListing] = {}


def _vote_listing(section: Section) -> VoteListing:
    source = list(
        section.cards.filter(hidden=False)
        .order_by("group__order", "group__pk", "column__order", "created_at", "pk")
        .values_list(*phone_rows.VoteCard.FIELDS)
    )
    key = (section.pk, section.workshop.join_code, get_language())
    with _lock:
        found = _listings.get(key)
    if found is not None and found.source == source:
        return found
    cards = [phone_rows.VoteCard(*row) for row in source]
    rows = [phone_rows.VoteRow.of(card) for card in cards]
    seen = [[str(c.client_id), c.text, c.column_id, c.theme_id, c.group_id, c.group_name, c.column_text] for c in cards]
    digest = hashlib.sha256(json.dumps(seen).encode()).hexdigest()
    listing = VoteListing(source, cards, rows, phone_rows.VoteList(section.workshop.join_code, rows), digest)
    with _lock:
        _listings.pop(key, None)
        while len(_listings) >= MAX_ENTRIES:
            del _listings[next(iter(_listings))]
        _listings[key] = listing
    return listing


def _build(section: Section, *, voting: bool, show_board: bool) -> Room:
    headings = list(section.headings.all())
    shared = Room(
        columns=[heading for heading in headings if heading.kind == HeadingKind.COLUMN],
        themes=[heading for heading in headings if heading.kind == HeadingKind.THEME],
    )
    if show_board:
        board = board_state(section, for_facilitator=False)  # hidden cards are not in it
        parts = [*board["groups"], *board["columns"]]
        for part in parts:
            part.cards_html = mark_safe(phone_rows.board_cards(part.cards))
        shared.board_cards = [card for part in parts for card in part.cards]
        context = {"phone_board": board, "board_by_votes": section.phase in BY_VOTES}
        shared.board_html = mark_safe(render_to_string("workshops/phone_room_board.html", context))
    listing = _vote_listing(section) if voting else None
    if listing is not None:
        shared.vote_cards, shared.vote_rows, shared.vote_list = listing.cards, listing.rows, listing.html
    seen = {
        "board": [[str(c.client_id), c.text, c.column_id, c.theme_id, c.group_id, c.vote_count] for c in shared.board_cards],
        "vote": listing.digest if listing is not None else "",
        "headings": [[heading.pk, heading.kind, heading.text] for heading in headings],
        "board_html": shared.board_html,
    }
    shared.digest = hashlib.sha256(json.dumps(seen, sort_keys=True).encode()).hexdigest()[:16]
    return shared
