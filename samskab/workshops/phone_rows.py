"""The phone's long lists written as escaped HTML in Python: the vote list and the board's cards.

Through the template engine, 150 cards to vote on (two forms each, a CSRF token, two URLs and
a translated count per card) took most of a phone page's time, and every phone in the room asks
for that page when the facilitator opens voting. Here the URLs are reversed once, the words
translated once and the CSRF token read once per page (see core/rows.py for the same idea).
The HTML is the same as the templates wrote before (phone_board.html, the board's card include);
assets/phone/*.mjs reads it by its data attributes.
"""

import uuid
from dataclasses import dataclass

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

CARD_MARK = uuid.UUID(int=0)  # reversed once, then replaced by each card's id


@dataclass
class VoteCard:
    """A card to vote on, as read for one phone: no author, only what the phone shows and my votes."""

    client_id: uuid.UUID
    text: str
    column_id: int | None
    theme_id: int | None
    hidden: bool
    my_votes: int
    group_id: int | None
    group_name: str | None
    column_text: str | None

    # The query's columns, in the order of the fields above.
    FIELDS = ("client_id", "text", "column_id", "theme_id", "hidden", "my_votes", "group_id", "group__name", "column__text")
    # The same without my_votes: what every phone of the section shares (phone_room.py).
    SHARED_FIELDS = tuple(name for name in FIELDS if name != "my_votes")

    @classmethod
    def shared(cls, client_id, text, column_id, theme_id, hidden, group_id, group_name, column_text) -> "VoteCard":
        return cls(client_id, text, column_id, theme_id, hidden, 0, group_id, group_name, column_text)


@dataclass
class VoteRow:
    """The parts of a card's vote row that are the same on every phone, escaped once (phone_room.py)."""

    client_id: uuid.UUID
    text: str
    short: str
    where: str
    data: str  # the row's data attributes after data-my-votes

    @classmethod
    def of(cls, card: VoteCard) -> "VoteRow":
        where = (f"{escape(card.group_name)} · " if card.group_name else "") + escape(card.column_text or "")
        data = f' data-group="{card.group_id or ""}" data-column="{card.column_id or ""}"'
        return cls(card.client_id, escape(card.text), escape(shortened(card.text, 60)), where, data)


def _card_url(name: str, code: str):
    pattern = reverse(name, args=[code, CARD_MARK])
    return lambda card_id: pattern.replace(str(CARD_MARK), str(card_id))


def shortened(text: str, limit: int) -> str:
    """As the template filter truncatechars: at most `limit` characters, the last one "…"."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _votes_words():
    """n → "3 votes", translated once per page; "" for none."""
    one, many = ngettext("%(votes)s vote", "%(votes)s votes", 1), ngettext("%(votes)s vote", "%(votes)s votes", 2)
    return lambda n: "" if not n else (one if n == 1 else many) % {"votes": n}


def board_cards(cards) -> str:
    """The cards of one list on the phone's board: text and votes, never who wrote it."""
    votes = _votes_words()
    return "".join(
        f'<li class="samskab-postit" data-card-id="{card.client_id}" data-votes="{card.vote_count}">'
        f'<p class="samskab-pre">{escape(card.text)}</p>'
        f'<p class="samskab-meta" data-card-votes>{votes(card.vote_count)}</p></li>'
        for card in cards
    )


def _form_ids():
    """Ids for the page's vote forms: one random part per page, then a counter (a version-4 UUID's form).

    As unique as uuid4 for what they are for (a double tap without JavaScript counts once), and
    much cheaper for 2,000 forms on a page.
    """
    base = uuid.uuid4().hex
    prefix = f"{base[:8]}-{base[8:12]}-4{base[13:16]}-8{base[17:20]}-{base[20:24]}"
    count = iter(range(1 << 32))
    return lambda: f"{prefix}{next(count):08x}"


def vote_list(request, code: str, rows, votes_left: int, my_votes: dict | None = None) -> str:
    """The cards to vote on, each with its vote and take-back forms (they work without JavaScript too).

    `rows` are VoteRow (the shared, escaped parts) or VoteCard; `my_votes` maps a card's client id to
    this participant's votes on it (VoteCard.my_votes when not given).
    Each form carries a new client id, so that a double tap without JavaScript votes once.
    """
    if not rows:
        return f'<li class="samskab-meta">{escape(_("There are no cards to vote for."))}</li>'
    if isinstance(rows[0], VoteCard):
        if my_votes is None:
            my_votes = {card.client_id: card.my_votes for card in rows if card.my_votes}
        rows = [VoteRow.of(card) for card in rows]
    my_votes = my_votes or {}
    vote_url = _card_url("workshops:phone_vote", code)
    withdraw_url = _card_url("workshops:phone_vote_withdraw", code)
    csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(get_token(request))}">'
    vote, take_back = escape(_("Vote")), escape(_("Take back a vote"))
    mine_one = ngettext("your vote: %(votes)s", "your votes: %(votes)s", 1)
    mine_many = ngettext("your vote: %(votes)s", "your votes: %(votes)s", 2)
    disabled = "" if votes_left else " disabled"
    form_id = _form_ids()
    out = []
    for row in rows:
        n = my_votes.get(row.client_id, 0)
        mine = f" · {escape((mine_one if n == 1 else mine_many) % {'votes': n})}" if n else ""
        out.append(
            f'<li class="samskab-postit" data-card-id="{row.client_id}" data-my-votes="{n}"{row.data}>'
            f'<p class="samskab-pre">{row.text}</p>'
            f'<p class="samskab-meta">{row.where}<span data-my-votes>{mine}</span></p>'
            f'<div class="samskab-actions">'
            f'<form method="post" action="{vote_url(row.client_id)}" data-outbox="vote">{csrf}'
            f'<input type="hidden" name="client_id" value="{form_id()}">'
            f'<button type="submit" class="button button-secondary"{disabled}>{vote}<span class="sr-only">: {row.short}</span></button></form>'
            f'<form method="post" action="{withdraw_url(row.client_id)}" data-outbox="unvote"{"" if n else " hidden"}>{csrf}'
            f'<input type="hidden" name="client_id" value="{form_id()}">'
            f'<button type="submit" class="button button-tertiary">{take_back}<span class="sr-only">: {row.short}</span></button></form>'
            f"</div></li>"
        )
    return "".join(out)
