"""The phone's long lists written in Python (samskab/workshops/phone_rows.py): escaped, anonymous,
and the same words as the templates."""

import uuid

from django.template.defaultfilters import truncatechars
from django.test import RequestFactory
from django.utils import translation

from samskab.workshops import phone_rows
from samskab.workshops.state import Column

TEXT = 'Borgerne <script>alert("x")</script> & "vi"'


def vote_card(**fields) -> phone_rows.VoteCard:
    values = dict(
        client_id=uuid.uuid4(), text=TEXT, column_id=1, theme_id=None, hidden=False, my_votes=0,
        group_id=None, group_name=None, column_text="Gør igen",
    )
    values.update(fields)
    return phone_rows.VoteCard(**values)


def test_shortened_is_the_templates_truncatechars():
    for text in ("kort", "x" * 60, "x" * 61, "æøå " * 30):
        assert phone_rows.shortened(text, 60) == truncatechars(text, 60)


def test_the_vote_list_escapes_the_text_and_names_no_author():
    request = RequestFactory().get("/")
    card = vote_card(my_votes=2, group_id=4, group_name="Tid <b>")
    with translation.override("da"):
        html = phone_rows.vote_list(request, "ABC123", [card], votes_left=0)
    assert "<script>" not in html and "&lt;script&gt;" in html and "Tid &lt;b&gt;" in html
    assert f'action="/w/ABC123/kort/{card.client_id}/stem/"' in html
    assert f'action="/w/ABC123/kort/{card.client_id}/stem/tilbage/"' in html
    assert "dine stemmer: 2" in html and " disabled" in html  # no votes left
    assert 'data-outbox="unvote" hidden' not in html  # mine to take back
    assert html.count('name="csrfmiddlewaretoken"') == 2
    assert "attendee" not in html and "Deltager" not in html


def test_a_card_without_my_votes_hides_its_take_back_and_each_form_has_its_own_id():
    request = RequestFactory().get("/")
    html = phone_rows.vote_list(request, "ABC123", [vote_card(), vote_card()], votes_left=3)
    assert html.count('data-outbox="unvote" hidden') == 2 and " disabled" not in html
    ids = [part.split('"')[0] for part in html.split('name="client_id" value="')[1:]]
    assert len(set(ids)) == 4


def test_the_boards_cards_show_text_and_votes_only():
    class Card:
        client_id = uuid.uuid4()
        text = TEXT
        vote_count = 3

    column = Column(prompt=None, cards=[Card()])
    with translation.override("da"):
        html = phone_rows.board_cards(column.cards)
    assert "&lt;script&gt;" in html and 'data-votes="3"' in html and "3 stemmer" in html


def test_the_shared_rows_with_my_votes_write_the_same_list_as_the_cards():
    """phone_room.py escapes each row once for the room; each phone then adds its own votes."""
    import re

    request = RequestFactory().get("/")
    cards = [vote_card(my_votes=1, group_id=4, group_name="Tid"), vote_card()]
    rows = [phone_rows.VoteRow.of(phone_rows.VoteCard.shared(*[getattr(c, f) for f in (
        "client_id", "text", "column_id", "theme_id", "hidden", "group_id", "group_name", "column_text")])) for c in cards]
    with translation.override("da"):
        from_cards = phone_rows.vote_list(request, "ABC123", cards, votes_left=2)
        from_rows = phone_rows.vote_list(request, "ABC123", rows, votes_left=2, my_votes={cards[0].client_id: 1})
    ids = re.compile(r'name="(client_id|csrfmiddlewaretoken)" value="[^"]+"')
    assert ids.sub("", from_cards) == ids.sub("", from_rows)
    assert f'data-card-id="{cards[0].client_id}" data-my-votes="1"' in from_rows
    assert f'data-card-id="{cards[1].client_id}" data-my-votes="0"' in from_rows
    form_ids = [uuid.UUID(value) for value in re.findall(r'name="client_id" value="([^"]+)"', from_rows)]
    assert len(set(form_ids)) == 4 and all(form_id.version == 4 for form_id in form_ids)
