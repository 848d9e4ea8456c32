"""The phone's lists written as escaped HTML in Python: the vote list, the board's cards and my cards.

Through the template engine, 150 cards to vote on (two forms each, a CSRF token, two URLs and
a translated count per card) took most of a phone page's time, and every phone in the room asks
for that page when the facilitator opens voting. Here the URLs are reversed once, the words
translated once and the CSRF token read once per page (see core/rows.py for the same idea); the
vote list is one form, written once per room (phone_room.py), to which each phone adds its votes.
The HTML is what the templates wrote (phone_board.html, the board's card include, and the
phone's own card, once phone_my_card.html); assets/phone/*.mjs reads it by its data attributes.
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
    """A card to vote on, as every phone of the section sees it: no author, only what the phone shows
    (each phone's own votes are counted apart)."""

    client_id: uuid.UUID
    text: str
    column_id: int | None
    theme_id: int | None
    hidden: bool
    group_id: int | None
    group_name: str | None
    column_text: str | None

    # The query's columns, in the order of the fields above.
    FIELDS = ("client_id", "text", "column_id", "theme_id", "hidden", "group_id", "group__name", "column__text")


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


class VoteList:
    """The cards to vote on, as one form (it works without JavaScript too): built once per room.

    Each card has a vote button, and a take-back button where this phone has voted on it, each
    posting to that card's own address (`formaction`) with the form's one CSRF token and client id.
    One form per list, instead of two per card, keeps the page small; the form names the take-back
    address and words for assets/phone/vote-list.mjs, which adds the button after a first vote.
    What differs per phone (its votes on a card, whether it has votes left) goes into the rows the
    room wrote once, so a phone's list costs a join and a few rows.
    """

    def __init__(self, code: str, rows):
        self.rows = [VoteRow.of(row) if isinstance(row, VoteCard) else row for row in rows]
        self.index = {row.client_id: i for i, row in enumerate(self.rows)}
        vote_url = _card_url("workshops:phone_vote", code)
        withdraw_url = _card_url("workshops:phone_vote_withdraw", code)
        vote, self.take_back = escape(_("Vote")), escape(_("Take back a vote"))
        self.mine_one = ngettext("your vote: %(votes)s", "your votes: %(votes)s", 1)
        self.mine_many = ngettext("your vote: %(votes)s", "your votes: %(votes)s", 2)
        self.none = escape(_("There are no cards to vote for."))
        self.withdraw_url = withdraw_url(CARD_MARK)
        # Each row as the text around its per-phone parts: my votes (twice), disabled, the take-back button.
        self.parts = [
            (
                f'<li class="samskab-postit" data-card-id="{row.client_id}" data-my-votes="',
                f'"{row.data}><p class="samskab-pre">{row.text}</p><p class="samskab-meta">{row.where}<span data-my-votes>',
                f'</span></p><div class="samskab-actions">'
                f'<button type="submit" formaction="{vote_url(row.client_id)}" data-outbox="vote" class="button button-secondary"',
                f'>{vote}<span class="sr-only">: {row.short}</span></button>',
                f'<button type="submit" formaction="{withdraw_url(row.client_id)}" data-outbox="unvote" class="button button-tertiary">'
                f'{self.take_back}<span class="sr-only">: {row.short}</span></button>',
            )
            for row in self.rows
        ]
        self._unvoted = {}  # disabled → every row without my votes

    def _row(self, parts, n: int, disabled: str) -> str:
        if not n:
            return f"{parts[0]}0{parts[1]}{parts[2]}{disabled}{parts[3]}</div></li>"
        mine = f" · {escape((self.mine_one if n == 1 else self.mine_many) % {'votes': n})}"
        return f"{parts[0]}{n}{parts[1]}{mine}{parts[2]}{disabled}{parts[3]}{parts[4]}</div></li>"

    def html(self, request, votes_left: int, my_votes: dict) -> str:
        """This phone's list: `my_votes` maps a card's client id to its votes on it."""
        if not self.rows:
            return f'<ul class="samskab-cards"><li class="samskab-meta">{self.none}</li></ul>'
        disabled = "" if votes_left else " disabled"
        unvoted = self._unvoted.get(disabled)
        if unvoted is None:
            unvoted = self._unvoted[disabled] = [self._row(parts, 0, disabled) for parts in self.parts]
        rows = list(unvoted)
        for card_id, n in my_votes.items():
            i = self.index.get(card_id)
            if i is not None and n:
                rows[i] = self._row(self.parts[i], n, disabled)
        # A new client id per page: a double tap without JavaScript votes once (the page comes back with a new one).
        return (
            f'<form method="post" data-outbox="vote" data-take-back-url="{self.withdraw_url}"'
            f' data-take-back-mark="{CARD_MARK}" data-take-back="{self.take_back}">'
            f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(get_token(request))}">'
            f'<input type="hidden" name="client_id" value="{uuid.uuid4()}">'
            f'<ul class="samskab-cards">{"".join(rows)}</ul></form>'
        )


def privacy_warning(text: str, shown: bool) -> str:
    """The privacy warning of a card form (phone_warning.html), hidden unless `shown` with a text."""
    return (
        f'<div class="alert alert-warning samskab-privacy-warning" data-privacy-warning tabindex="-1"{"" if shown and text else " hidden"}>'
        f'<div class="alert-body"><p class="alert-text" data-privacy-message>{escape(text)}</p>'
        f'<div class="samskab-actions"><button type="submit" name="confirmed" value="1" class="button button-secondary">'
        f'{escape(_("Send it anyway"))}</button></div>'
        f'<p class="alert-text samskab-meta">{escape(_("Or change the text above and send it again."))}</p></div></div>'
    )


class MyCards:
    """The participant's own cards, each with its change and delete forms (they work without JavaScript).

    The words, the addresses, the CSRF token and the columns' and themes' options are made once per page.
    `edit_card` (a client id) is the card whose change was refused: its form is open, with `edit_text`
    and `warning` in it.
    """

    def __init__(self, request, code: str, *, columns, themes, editable: bool, max_length: int,
                 edit_card=None, edit_text: str = "", warning: str = ""):
        self.editable = editable
        self.edit_card, self.edit_text, self.warning = edit_card, edit_text, warning
        self.max_length = max_length
        self.edit_url = _card_url("workshops:phone_card_edit", code)
        self.delete_url = _card_url("workshops:phone_card_delete", code)
        self.csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(get_token(request))}">' if editable else ""
        self.columns = [(heading.pk, escape(heading.text)) for heading in columns]
        self.themes = [(heading.pk, escape(heading.text)) for heading in themes]
        self.hidden_note = escape(_("hidden by the facilitator"))
        self.words = {
            name: escape(word)
            for name, word in (
                ("change", _("Change")), ("column", _("Column")), ("theme", _("Theme")), ("optional", _("optional")),
                ("no_theme", _("No particular theme")), ("text", _("Text")), ("save", _("Save the change")),
                ("delete", _("Delete")),
            )
        }
        self.no_warning = privacy_warning("", False)

    @staticmethod
    def _options(headings, chosen) -> str:
        return "".join(f'<option value="{pk}"{" selected" if pk == chosen else ""}>{text}</option>' for pk, text in headings)

    def card(self, card) -> str:
        """One card (the template phone.mjs fills for a card just sent is one with client id 0 and no text)."""
        words, card_id = self.words, card.client_id
        text = escape(card.text)
        meta = escape(card.column.text) if card.column_id else ""
        if card.theme_id:
            meta += f" · {escape(card.theme.text)}"
        if card.hidden:
            meta += f" · {self.hidden_note}"
        out = (
            f'<li class="samskab-postit{" is-hidden" if card.hidden else ""}" data-card-id="{card_id}" data-mine>'
            f'<p class="samskab-pre">{text}</p><p class="samskab-meta">{meta}</p>'
        )
        if not self.editable:
            return out + "</li>"
        editing = self.edit_card is not None and self.edit_card == card_id
        short = escape(shortened(card.text, 40))
        out += (
            f'<div class="samskab-row-actions"><details class="samskab-edit"{" open" if editing else ""}>'
            f'<summary>{words["change"]}<span class="sr-only">: {short}</span></summary>'
            f'<form method="post" action="{self.edit_url(card_id)}" data-outbox="edit" data-draft="edit-{card_id}" novalidate>{self.csrf}'
        )
        if self.columns:
            out += (
                f'<div class="form-group"><label for="edit-column-{card_id}" class="form-label">{words["column"]}</label>'
                f'<select class="form-select" name="column" id="edit-column-{card_id}">{self._options(self.columns, card.column_id)}</select></div>'
            )
        if self.themes:
            out += (
                f'<div class="form-group"><label for="edit-theme-{card_id}" class="form-label">{words["theme"]} '
                f'<span class="samskab-meta">({words["optional"]})</span></label>'
                f'<select class="form-select" name="theme" id="edit-theme-{card_id}"><option value="">{words["no_theme"]}</option>'
                f"{self._options(self.themes, card.theme_id)}</select></div>"
            )
        out += (
            f'<div class="form-group"><label for="edit-text-{card_id}" class="form-label">{words["text"]}</label>'
            f'<textarea class="form-input" name="text" id="edit-text-{card_id}" rows="3" data-max-length="{self.max_length}">'
            f'{escape(self.edit_text) if editing else text}</textarea></div>'
            f'<div class="samskab-actions"><button type="submit" class="button button-secondary">{words["save"]}</button></div>'
            f'{privacy_warning(self.warning, True) if editing else self.no_warning}</form></details>'
            f'<form method="post" action="{self.delete_url(card_id)}" data-outbox="delete">{self.csrf}'
            f'<button type="submit" class="button button-tertiary">{words["delete"]}<span class="sr-only">: {short}</span></button></form>'
            f"</div></li>"
        )
        return out

    def cards(self, cards) -> str:
        return "".join(self.card(card) for card in cards)
