"""The phone's long lists written as escaped HTML in Python: the vote list and the board's cards.

Through the template engine, 150 cards to vote on (two forms each, a CSRF token, two URLs and
a translated count per card) took most of a phone page's time, and every phone in the room asks
for that page when the facilitator opens voting. Here the URLs are reversed once, the words
translated once and the CSRF token read once per page (see core/rows.py for the same idea).
The HTML is the same as the templates wrote (phone_board.html, includes/phone_board_card.html);
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


def vote_list(request, code: str, cards, votes_left: int) -> str:
    """The cards to vote on, each with its vote and take-back forms (they work without JavaScript too).

    Each form carries a new client id, so that a double tap without JavaScript votes once.
    """
    if not cards:
        return f'<li class="samskab-meta">{escape(_("There are no cards to vote for."))}</li>'
    vote_url = _card_url("workshops:phone_vote", code)
    withdraw_url = _card_url("workshops:phone_vote_withdraw", code)
    csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(get_token(request))}">'
    vote, take_back = escape(_("Vote")), escape(_("Take back a vote"))
    mine_one = ngettext("your vote: %(votes)s", "your votes: %(votes)s", 1)
    mine_many = ngettext("your vote: %(votes)s", "your votes: %(votes)s", 2)
    disabled = "" if votes_left else " disabled"
    rows = []
    for card in cards:
        text = escape(card.text)
        short = escape(shortened(card.text, 60))
        where = (f"{escape(card.group_name)} · " if card.group_name else "") + escape(card.column_text or "")
        mine = f" · {escape((mine_one if card.my_votes == 1 else mine_many) % {'votes': card.my_votes})}" if card.my_votes else ""
        rows.append(
            f'<li class="samskab-postit" data-card-id="{card.client_id}" data-my-votes="{card.my_votes}"'
            f' data-group="{card.group_id or ""}" data-column="{card.column_id or ""}">'
            f'<p class="samskab-pre">{text}</p>'
            f'<p class="samskab-meta">{where}<span data-my-votes>{mine}</span></p>'
            f'<div class="samskab-actions">'
            f'<form method="post" action="{vote_url(card.client_id)}" data-outbox="vote">{csrf}'
            f'<input type="hidden" name="client_id" value="{uuid.uuid4()}">'
            f'<button type="submit" class="button button-secondary"{disabled}>{vote}<span class="sr-only">: {short}</span></button></form>'
            f'<form method="post" action="{withdraw_url(card.client_id)}" data-outbox="unvote"{"" if card.my_votes else " hidden"}>{csrf}'
            f'<input type="hidden" name="client_id" value="{uuid.uuid4()}">'
            f'<button type="submit" class="button button-tertiary">{take_back}<span class="sr-only">: {short}</span></button></form>'
            f"</div></li>"
        )
    return "".join(rows)
