"""The part of the phone's page every participant of a section shares (samskab/workshops/phone_room.py):
built once per live state, holding nothing a participant may not see, and followed by each phone's own part."""

import uuid

import pytest
from django.test import Client

from samskab.workshops import live, phone_room, services
from samskab.workshops.models import Card, Phase, Workshop
from tests.helpers import html
from tests.phone_helpers import JSON, board, card_data, joined_phone, phone_url, run, workshop  # noqa: F401  (fixtures)

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def phones(workshop, board):
    """Two participants, Anna and Bo, each with a card; Bo's second card hidden by the facilitator."""
    anna, bo = joined_phone(workshop), joined_phone(workshop)
    for client, text in ((anna, "Annas kort om tavlemøder"), (bo, "Bos kort om vagtplanen"), (bo, "Bos kort om Jens Hansen")):
        assert client.post(phone_url(workshop, "kort"), card_data(board, text), **JSON).status_code == 200
    Card.objects.filter(text="Bos kort om Jens Hansen").update(hidden=True)
    return anna, bo


def fragment(client: Client, workshop: Workshop) -> str:
    response = client.get(phone_url(workshop), **HX)
    assert response.status_code == 200
    return html(response)


def shared_part(board, workshop, *, voting: bool, show_board: bool) -> phone_room.Room:
    board.refresh_from_db()
    board.workshop = workshop
    return phone_room.room(board, live.current_seq(workshop.pk), voting=voting, show_board=show_board)


def test_before_vis_no_other_phone_sees_a_text(workshop, board, phones):
    anna, _bo = phones
    page = fragment(anna, workshop)
    assert "Annas kort" in page
    assert "Bos kort" not in page and 'id="phone-board"' not in page
    room = shared_part(board, workshop, voting=False, show_board=False)
    assert room.board_cards == [] and room.vote_cards == [] and room.board_html == ""


@pytest.mark.parametrize("phase", [Phase.SHOW, Phase.VOTE])
def test_a_hidden_card_and_the_author_never_reach_the_shared_part(workshop, board, phones, phase):
    anna, bo = phones
    run(workshop, board, phase=phase)
    anna_page, bo_page = fragment(anna, workshop), fragment(bo, workshop)
    voting = phase == Phase.VOTE
    room = shared_part(board, workshop, voting=voting, show_board=not voting)
    shared = room.board_html + "".join(row.text for row in room.vote_rows)
    assert "Bos kort om vagtplanen" in shared and "Annas kort" in shared
    assert "Jens Hansen" not in shared and "Jens Hansen" not in anna_page
    assert "Jens Hansen" in bo_page  # Bo still sees his own hidden card, among his cards
    for attendee in workshop.attendees.all():
        assert str(attendee.token) not in shared and (not attendee.name or attendee.name not in shared)


def test_each_phone_gets_its_own_cards_and_votes(workshop, board, phones):
    anna, bo = phones
    run(workshop, board, phase=Phase.VOTE)
    bos_card = Card.objects.get(text="Bos kort om vagtplanen")
    voted = anna.post(f"/w/{workshop.join_code}/kort/{bos_card.client_id}/stem/", {"client_id": str(uuid.uuid4())}, **JSON)
    assert voted.status_code == 200
    anna_response, bo_response = anna.get(phone_url(workshop), **HX), bo.get(phone_url(workshop), **HX)
    assert anna_response.context["room"] is bo_response.context["room"]  # built once for both
    anna_page, bo_page = html(anna_response), html(bo_response)
    assert f'data-card-id="{bos_card.client_id}" data-my-votes="1"' in anna_page
    assert f'data-card-id="{bos_card.client_id}" data-my-votes="0"' in bo_page
    assert anna_response.context["votes_left"] == workshop.votes_per_participant - 1
    assert bo_response.context["votes_left"] == workshop.votes_per_participant
    assert [card.text for card in anna_response.context["my_cards"]] == ["Annas kort om tavlemøder"]
    assert {card.text for card in bo_response.context["my_cards"]} == {"Bos kort om vagtplanen", "Bos kort om Jens Hansen"}
    assert anna_page.count("data-mine") == 1 + 1  # her card, and the empty template for a card just sent


def test_the_shared_part_follows_a_change(workshop, board, phones, personas, django_capture_on_commit_callbacks):
    anna, bo = phones
    run(workshop, board, phase=Phase.SHOW)
    live.changed(workshop.pk)  # the facilitator's phase change is announced
    assert "Et nyt kort fra Bo" not in fragment(anna, workshop)
    with django_capture_on_commit_callbacks(execute=True):
        sent = bo.post(phone_url(workshop, "kort"), card_data(board, "Et nyt kort fra Bo"), **JSON)
    assert sent.status_code == 200
    assert "Et nyt kort fra Bo" in fragment(anna, workshop)  # the next fetch shows it
    card = Card.objects.get(text="Bos kort om vagtplanen")
    with django_capture_on_commit_callbacks(execute=True):
        services.card_hide(card=card, hidden=True, by=personas["konsulent"])
    assert "Bos kort om vagtplanen" not in fragment(anna, workshop)


@pytest.mark.parametrize("phase", [Phase.SHOW, Phase.VOTE])
def test_a_phones_fetch_takes_the_same_few_queries_however_many_cards_the_room_has(
    workshop, board, phones, phase, django_assert_num_queries
):
    anna, bo = phones
    run(workshop, board, phase=phase)
    column = board.headings.filter(kind="kolonne").first()
    for many in (0, 40):
        Card.objects.bulk_create(
            Card(client_id=uuid.uuid4(), section=board, column=column, text=f"Kort {n}") for n in range(many)
        )
        live.changed(workshop.pk)
        fragment(anna, workshop)  # the first phone builds the room's shared part
        with django_assert_num_queries(4 if phase == Phase.VOTE else 3):  # the phone, the section, its cards (, its votes)
            page = fragment(bo, workshop)
        assert page.count("Kort ") >= many


def test_a_vote_makes_a_new_room_but_keeps_its_vote_list_and_a_hidden_card_does_not(
    workshop, board, phones, personas, django_capture_on_commit_callbacks
):
    anna, bo = phones
    run(workshop, board, phase=Phase.VOTE)
    live.changed(workshop.pk)
    first = anna.get(phone_url(workshop), **HX).context["room"]
    card = Card.objects.get(text="Bos kort om vagtplanen")
    with django_capture_on_commit_callbacks(execute=True):
        voted = anna.post(f"/w/{workshop.join_code}/kort/{card.client_id}/stem/", {"client_id": str(uuid.uuid4())}, **JSON)
    assert voted.status_code == 200
    after_vote = bo.get(phone_url(workshop), **HX).context["room"]
    assert after_vote is not first and after_vote.vote_list is first.vote_list  # the same cards: written once
    with django_capture_on_commit_callbacks(execute=True):
        services.card_hide(card=card, hidden=True, by=personas["konsulent"])
    after_hiding = anna.get(phone_url(workshop), **HX)  # Bo still sees it, among his own cards
    assert after_hiding.context["room"].vote_list is not first.vote_list
    assert after_hiding.context["room"].digest != first.digest and "Bos kort om vagtplanen" not in html(after_hiding)
