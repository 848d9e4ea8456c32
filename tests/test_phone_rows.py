"""The phone's long lists written in Python (samskab/workshops/phone_rows.py): escaped, anonymous,
and the same words as the templates."""

import uuid

from django.template.defaultfilters import truncatechars
from django.utils.html import escape
from django.test import RequestFactory
from django.utils import translation

from samskab.workshops import phone_rows
from samskab.workshops.state import Column

TEXT = 'Borgerne <script>alert("x")</script> & "vi"'


def vote_card(**fields) -> phone_rows.VoteCard:
    values = dict(
        client_id=uuid.uuid4(), text=TEXT, column_id=1, theme_id=None, hidden=False,
        group_id=None, group_name=None, column_text="Gør igen",
    )
    values.update(fields)
    return phone_rows.VoteCard(**values)


def vote_list(request, cards, votes_left: int, my_votes: dict | None = None) -> str:
    return phone_rows.VoteList("ABC123", cards).html(request, votes_left, my_votes or {})


def test_shortened_is_the_templates_truncatechars():
    for text in ("kort", "x" * 60, "x" * 61, "æøå " * 30):
        assert phone_rows.shortened(text, 60) == truncatechars(text, 60)


def test_the_vote_list_escapes_the_text_and_names_no_author():
    request = RequestFactory().get("/")
    card = vote_card(group_id=4, group_name="Tid <b>")
    with translation.override("da"):
        html = vote_list(request, [card], votes_left=0, my_votes={card.client_id: 2})
    assert "<script>" not in html and "&lt;script&gt;" in html and "Tid &lt;b&gt;" in html
    assert f'formaction="/w/ABC123/kort/{card.client_id}/stem/" data-outbox="vote"' in html
    assert f'formaction="/w/ABC123/kort/{card.client_id}/stem/tilbage/" data-outbox="unvote"' in html  # mine to take back
    assert "dine stemmer: 2" in html and " disabled" in html  # no votes left
    assert "attendee" not in html and "Deltager" not in html


def test_the_vote_list_is_one_form_with_one_token_and_id_and_a_take_back_only_where_i_voted():
    request = RequestFactory().get("/")
    cards = [vote_card(), vote_card(), vote_card()]
    html = vote_list(request, cards, votes_left=3, my_votes={cards[1].client_id: 1})
    assert html.count("<form") == 1 and html.startswith('<form method="post" data-outbox="vote"')
    assert html.count('name="csrfmiddlewaretoken"') == 1 and html.count('name="client_id"') == 1
    assert html.count('data-outbox="vote" class') == 3 and " disabled" not in html
    assert html.count('data-outbox="unvote"') == 1 and f'kort/{cards[1].client_id}/stem/tilbage/"' in html
    # The address vote-list.mjs gives a take-back button added after a first vote.
    assert f'data-take-back-url="/w/ABC123/kort/{phone_rows.CARD_MARK}/stem/tilbage/"' in html
    again = vote_list(request, cards, votes_left=3, my_votes={cards[1].client_id: 1})
    assert again.split('name="client_id" value="')[1][:36] != html.split('name="client_id" value="')[1][:36]


def test_a_rooms_vote_list_gives_each_phone_its_own_votes():
    request = RequestFactory().get("/")
    cards = [vote_card(), vote_card(), vote_card()]
    shared = phone_rows.VoteList("ABC123", cards)
    with translation.override("da"):
        mine = shared.html(request, 0, {cards[2].client_id: 1})
        none = shared.html(request, 3, {})
    assert f'data-card-id="{cards[2].client_id}" data-my-votes="1"' in mine and "din stemme: 1" in mine
    assert mine.count(" disabled") == 3 and mine.count('data-outbox="unvote"') == 1
    assert none.count('data-my-votes="0"') == 3 and " disabled" not in none and 'data-outbox="unvote"' not in none


def test_the_vote_list_without_cards_says_so():
    with translation.override("da"):
        html = vote_list(RequestFactory().get("/"), [], votes_left=3)
    assert "<form" not in html and "Der er ingen kort at stemme på" in html


def test_the_boards_cards_show_text_and_votes_only():
    class Card:
        client_id = uuid.uuid4()
        text = TEXT
        vote_count = 3

    column = Column(heading=None, cards=[Card()])
    with translation.override("da"):
        html = phone_rows.board_cards(column.cards)
    assert "&lt;script&gt;" in html and 'data-votes="3"' in html and "3 stemmer" in html


def test_the_shared_rows_with_my_votes_write_the_same_list_as_the_cards():
    """phone_room.py escapes each row once for the room; each phone then adds its own votes."""
    import re

    request = RequestFactory().get("/")
    cards = [vote_card(group_id=4, group_name="Tid"), vote_card()]
    rows = [phone_rows.VoteRow.of(card) for card in cards]
    with translation.override("da"):
        from_cards = vote_list(request, cards, votes_left=2, my_votes={cards[0].client_id: 1})
        from_rows = vote_list(request, rows, votes_left=2, my_votes={cards[0].client_id: 1})
    ids = re.compile(r'name="(client_id|csrfmiddlewaretoken)" value="[^"]+"')
    assert ids.sub("", from_cards) == ids.sub("", from_rows)
    assert f'data-card-id="{cards[0].client_id}" data-my-votes="1"' in from_rows
    assert f'data-card-id="{cards[1].client_id}" data-my-votes="0"' in from_rows
    form_ids = [uuid.UUID(value) for value in re.findall(r'name="client_id" value="([^"]+)"', from_rows)]
    assert len(form_ids) == 1 and form_ids[0].version == 4


class Heading:
    def __init__(self, pk: int, text: str):
        self.pk, self.text = pk, text


class MyCard:
    """A card of mine as the view reads it (with its column and theme)."""

    def __init__(self, text: str, column=None, theme=None, hidden: bool = False, client_id=None):
        self.client_id = client_id or uuid.uuid4()
        self.text, self.hidden = text, hidden
        self.column, self.column_id = column, column.pk if column else None
        self.theme, self.theme_id = theme, theme.pk if theme else None


COLUMNS = [Heading(1, "Gør <igen>"), Heading(2, "Gør anderledes")]
THEMES = [Heading(7, "Tid & rum")]


def my_cards(**options) -> phone_rows.MyCards:
    values = dict(columns=COLUMNS, themes=THEMES, editable=True, max_length=500)
    values.update(options)
    return phone_rows.MyCards(RequestFactory().get("/"), "ABC123", **values)


def test_my_card_is_escaped_with_its_column_theme_and_change_and_delete_forms():
    card = MyCard(TEXT, column=COLUMNS[1], theme=THEMES[0], hidden=True)
    with translation.override("da"):
        html = my_cards().card(card)
    assert "<script>" not in html and html.count("&lt;script&gt;") == 4  # the text, the field to change it, two buttons
    assert 'class="samskab-postit is-hidden"' in html and "Gør anderledes · Tid &amp; rum · " in html
    assert f'action="/w/ABC123/kort/{card.client_id}/rediger/"' in html and f'action="/w/ABC123/kort/{card.client_id}/slet/"' in html
    assert '<option value="2" selected>Gør anderledes</option>' in html and '<option value="1">Gør &lt;igen&gt;</option>' in html
    assert '<option value="7" selected>Tid &amp; rum</option>' in html
    assert html.count('name="csrfmiddlewaretoken"') == 2 and 'data-outbox="edit"' in html and 'data-outbox="delete"' in html
    assert "<details class=\"samskab-edit\">" in html and 'data-privacy-warning tabindex="-1" hidden' in html
    assert f'<span class="sr-only">: {escape(truncatechars(TEXT, 40))}</span>' in html


def test_my_refused_change_is_open_with_its_text_and_warning_and_a_locked_board_has_no_forms():
    card, other = MyCard("Før", column=COLUMNS[0]), MyCard("Andet", column=COLUMNS[0])
    writer = my_cards(edit_card=card.client_id, edit_text="Efter <ny>", warning="Tjek teksten")
    html, other_html = writer.card(card), writer.card(other)
    assert '<details class="samskab-edit" open>' in html and ">Efter &lt;ny&gt;</textarea>" in html
    assert 'data-privacy-warning tabindex="-1">' in html and "Tjek teksten" in html
    assert "open>" not in other_html and ">Andet</textarea>" in other_html and "Tjek teksten" not in other_html
    locked = my_cards(editable=False).card(card)
    assert "<form" not in locked and "csrfmiddlewaretoken" not in locked and ">Før</p>" in locked
