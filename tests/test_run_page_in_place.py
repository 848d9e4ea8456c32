"""The run page without reloads: HTMX sends its forms; an error comes back on the run page at the
field; each section kind shows only its controls; a closed workshop is read-only. And a phone's
vote taken back."""

import uuid

import pytest
from django.test import Client

from samskab.workshops.models import Card, Phase, SectionKind, Vote, WorkshopStatus
from tests.helpers import html
from tests.phone_helpers import JSON, join, run, workshop  # noqa: F401  (fixture)

HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_BOOSTED": "true", "HTTP_HX_TARGET": "run-page"}


@pytest.fixture
def board(workshop):
    return run(workshop, phase=Phase.CONCLUDE)


def test_an_agreement_with_an_error_stays_on_the_run_page_with_the_message_at_the_field(workshop, board, client_as):
    response = client_as("konsulent").post(f"/sektioner/{board.pk}/aftaler/ny/", {"what": "Del skemaerne"}, **HTMX)
    assert response.status_code == 200  # HTMX swaps only a 2xx in
    page = html(response)
    assert 'id="run-page"' in page
    action_form = page.split('id="action-form"')[1].split("</details>")[0]
    assert "Del skemaerne" in action_form  # nothing typed is lost
    assert "form-error-message" in action_form  # the message is at the field
    assert not workshop.round.actions.filter(what="Del skemaerne").exists()


def test_without_javascript_the_agreement_with_an_error_has_a_page_of_its_own(workshop, board, client_as):
    response = client_as("konsulent").post(f"/sektioner/{board.pk}/aftaler/ny/", {"what": "Del skemaerne"})
    assert response.status_code == 200
    assert 'id="run-page"' not in html(response)
    assert "Del skemaerne" in html(response)


def test_a_group_with_no_name_comes_back_at_its_field(workshop, client_as):
    board = run(workshop, phase=Phase.GROUP)
    response = client_as("konsulent").post(f"/sektioner/{board.pk}/grupper/ny/", {"name": "   "}, **HTMX)
    assert response.status_code == 200
    form = html(response).split("samskab-group-create")[1].split("</form>")[0]
    assert "form-error-message" in form and 'aria-invalid="true"' in form
    assert not board.groups.exists()


def test_the_live_client_gets_just_the_board(workshop, board, client_as):
    page = html(client_as("konsulent").get(f"/workshops/{workshop.pk}/afvikl/", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="run-board"))
    assert 'id="run-board"' in page
    assert 'id="run-page"' not in page and "<h1>" not in page


def test_a_rating_section_shows_no_card_phases_and_no_lock_of_cards(workshop, client_as):
    rating = workshop.sections.get(kind=SectionKind.RATING)
    run(workshop, rating)
    page = html(client_as("konsulent").get(f"/workshops/{workshop.pk}/afvikl/"))
    assert 'class="samskab-phases"' not in page
    assert 'name="locked"' in page  # closing the rating is its one lock
    assert "Lås kortene" not in page


def test_a_closed_workshop_shows_a_read_only_board(workshop, board, client_as):
    Card.objects.create(client_id=uuid.uuid4(), section=board, text="Tavlemøderne virker")
    workshop.status = WorkshopStatus.CLOSED
    workshop.save()
    page = html(client_as("konsulent").get(f"/workshops/{workshop.pk}/afvikl/"))
    board_part = page.split('id="run-board"')[1]
    assert "Tavlemøderne virker" in board_part
    assert "<form" not in board_part and "samskab-card-menu" not in board_part
    assert f"/sektioner/{board.pk}/fase/" not in page and f"/sektioner/{board.pk}/vis/" not in page
    assert 'name="status" value="igang"' in page  # only: reopen it


@pytest.fixture
def voting(workshop):
    board = run(workshop, phase=Phase.VOTE)
    card = Card.objects.create(client_id=uuid.uuid4(), section=board, text="Tavlemøderne virker")
    phone = Client()
    join(phone, workshop)
    return board, card, phone


def test_a_phone_takes_back_a_vote_once_however_often_it_is_sent(voting):
    board, card, phone = voting
    for _ in range(2):
        phone.post(f"/w/{board.workshop.join_code}/kort/{card.client_id}/stem/", {"client_id": str(uuid.uuid4())}, **JSON)
    withdraw = {"client_id": str(uuid.uuid4())}
    url = f"/w/{board.workshop.join_code}/kort/{card.client_id}/stem/tilbage/"
    first = phone.post(url, withdraw, **JSON)
    again = phone.post(url, withdraw, **JSON)  # the answer was lost: the phone sends the same again
    assert first.status_code == again.status_code == 200
    assert first.json()["my_votes"] == again.json()["my_votes"] == 1
    assert Vote.objects.filter(card=card).count() == 1
    assert first.json()["votes_left"] == board.workshop.votes_per_participant - 1


def test_a_vote_is_taken_back_only_while_voting(voting):
    board, card, phone = voting
    phone.post(f"/w/{board.workshop.join_code}/kort/{card.client_id}/stem/", {"client_id": str(uuid.uuid4())}, **JSON)
    board.phase = Phase.DISCUSS
    board.save()
    response = phone.post(
        f"/w/{board.workshop.join_code}/kort/{card.client_id}/stem/tilbage/", {"client_id": str(uuid.uuid4())}, **JSON
    )
    assert response.status_code == 409
    assert Vote.objects.filter(card=card).count() == 1


def test_another_phone_takes_back_none_of_my_votes(voting, workshop):
    board, card, phone = voting
    phone.post(f"/w/{workshop.join_code}/kort/{card.client_id}/stem/", {"client_id": str(uuid.uuid4())}, **JSON)
    other = Client()
    join(other, workshop)
    response = other.post(f"/w/{workshop.join_code}/kort/{card.client_id}/stem/tilbage/", {"client_id": str(uuid.uuid4())}, **JSON)
    assert response.json()["my_votes"] == 0
    assert Vote.objects.filter(card=card).count() == 1
