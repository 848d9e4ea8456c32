"""The facilitator runs the workshop: status, current section, phases, timer, lock, hidden cards, projector."""

import uuid

import pytest
from django.utils import timezone

from samskab.workshops.models import Attendee, Card, Phase, Rating, SectionKind, Workshop, WorkshopStatus


@pytest.fixture
def workshop(demo) -> Workshop:
    return Workshop.objects.get(round__process=demo)


@pytest.fixture
def board(workshop):
    return workshop.sections.get(kind=SectionKind.BOARD, order=1)


def _card(section, text: str, *, hidden: bool = False) -> Card:
    return Card.objects.create(client_id=uuid.uuid4(), section=section, text=text, hidden=hidden)


def test_starting_the_workshop_makes_the_first_section_current(workshop, client_as):
    response = client_as("konsulent").post(f"/workshops/{workshop.pk}/status/", {"status": WorkshopStatus.RUNNING})
    assert response.status_code == 302
    workshop.refresh_from_db()
    assert workshop.status == WorkshopStatus.RUNNING
    assert workshop.current_section == workshop.sections.first()


def test_closing_and_reopening_the_workshop(workshop, client_as):
    client = client_as("konsulent")
    client.post(f"/workshops/{workshop.pk}/status/", {"status": WorkshopStatus.CLOSED})
    workshop.refresh_from_db()
    assert workshop.status == WorkshopStatus.CLOSED
    client.post(f"/workshops/{workshop.pk}/status/", {"status": WorkshopStatus.RUNNING})
    workshop.refresh_from_db()
    assert workshop.status == WorkshopStatus.RUNNING


def test_an_unknown_status_changes_nothing(workshop, client_as):
    client_as("konsulent").post(f"/workshops/{workshop.pk}/status/", {"status": "<script>"})
    workshop.refresh_from_db()
    assert workshop.status == WorkshopStatus.PLANNED


@pytest.mark.parametrize("username, status", [("leder", 403), ("central", 403), ("med", 403), ("nabo", 404)])
def test_only_the_facilitators_run_the_workshop(workshop, client_as, username, status):
    client = client_as(username)
    assert client.get(f"/workshops/{workshop.pk}/afvikl/").status_code == status
    assert client.post(f"/workshops/{workshop.pk}/status/", {"status": WorkshopStatus.RUNNING}).status_code == status
    workshop.refresh_from_db()
    assert workshop.status == WorkshopStatus.PLANNED


def test_the_facilitator_moves_a_section_through_its_phases_with_a_timer_and_a_lock(board, client_as):
    client = client_as("konsulent")
    client.post(f"/sektioner/{board.pk}/vis/")
    client.post(f"/sektioner/{board.pk}/fase/", {"phase": Phase.VOTE})
    board.refresh_from_db()
    assert board.phase == Phase.VOTE
    assert board.workshop.current_section_id == board.pk
    before = timezone.now()
    client.post(f"/sektioner/{board.pk}/fase/", {"minutes": "5"})
    board.refresh_from_db()
    assert (board.phase_ends_at - before).total_seconds() == pytest.approx(300, abs=5)
    client.post(f"/sektioner/{board.pk}/fase/", {"locked": "1"})
    board.refresh_from_db()
    assert board.locked


@pytest.mark.parametrize("data", [{"phase": "dance"}, {"minutes": "999"}, {"minutes": "abc"}])
def test_an_unknown_phase_or_timer_is_refused(board, client_as, data):
    response = client_as("konsulent").post(f"/sektioner/{board.pk}/fase/", data)
    assert response.status_code == 404
    board.refresh_from_db()
    assert board.phase == Phase.WRITE
    assert board.phase_ends_at is None


def test_the_projector_shows_only_a_count_until_the_cards_are_revealed(workshop, board, client_as):
    _card(board, "Tavlemøderne virker")
    workshop.current_section = board
    workshop.save()
    client = client_as("konsulent")
    page = client.get(f"/workshops/{workshop.pk}/projektor/").content.decode()
    assert "Tavlemøderne virker" not in page
    client.post(f"/sektioner/{board.pk}/fase/", {"phase": Phase.SHOW})
    page = client.get(f"/workshops/{workshop.pk}/projektor/").content.decode()
    assert "Tavlemøderne virker" in page


def test_a_hidden_card_stays_off_the_projector_but_the_facilitator_sees_it(workshop, board, client_as):
    card = _card(board, "Navnet på en kollega")
    workshop.current_section = board
    workshop.save()
    board.phase = Phase.SHOW
    board.save()
    client = client_as("konsulent")
    assert client.post(f"/kort/{card.pk}/skjul/", {"hidden": "1"}).status_code == 302
    card.refresh_from_db()
    assert card.hidden
    assert "Navnet på en kollega" not in client.get(f"/workshops/{workshop.pk}/projektor/").content.decode()
    assert "Navnet på en kollega" in client.get(f"/workshops/{workshop.pk}/afvikl/").content.decode()


def test_a_closed_workshops_cards_are_hidden_on_the_referat_page_not_the_run_page(workshop, board, client_as):
    card = _card(board, "Navnet på en kollega")
    workshop.status = WorkshopStatus.CLOSED
    workshop.save()
    client = client_as("konsulent")
    assert client.post(f"/kort/{card.pk}/skjul/", {"hidden": "1"}).status_code == 302
    card.refresh_from_db()
    assert not card.hidden
    assert client.post(f"/referat/kort/{card.pk}/skjul/", {"hidden": "1"}).status_code == 302
    card.refresh_from_db()
    assert card.hidden


def test_an_outsider_cannot_hide_a_card(board, client_as):
    card = _card(board, "Et kort")
    assert client_as("nabo").post(f"/kort/{card.pk}/skjul/", {"hidden": "1"}).status_code == 404
    assert client_as("leder").post(f"/kort/{card.pk}/skjul/", {"hidden": "1"}).status_code == 403
    card.refresh_from_db()
    assert not card.hidden


def test_ratings_are_summarised_only_from_the_smallest_group_up(workshop, client_as):
    rating = workshop.sections.get(kind=SectionKind.RATING)
    statement = rating.statements.first()
    workshop.current_section = rating
    workshop.save()
    client = client_as("konsulent")
    for value in (1, 2, 3, 4):
        attendee = Attendee.objects.create(workshop=workshop)
        Rating.objects.create(client_id=uuid.uuid4(), statement=statement, attendee=attendee, value=value)
    page = client.get(f"/workshops/{workshop.pk}/projektor/").content.decode()
    assert "2,5" not in page and "2.5" not in page
    Rating.objects.create(
        client_id=uuid.uuid4(), statement=statement, attendee=Attendee.objects.create(workshop=workshop), value=5
    )
    page = client.get(f"/workshops/{workshop.pk}/projektor/").content.decode()
    assert "3,0" not in page and "3.0" not in page  # open: only how many have answered
    client.post(f"/sektioner/{rating.pk}/fase/", {"locked": "1"})  # the facilitator closes the rating
    page = client.get(f"/workshops/{workshop.pk}/projektor/").content.decode()
    assert "3,0" in page or "3.0" in page


def test_the_projector_refreshes_itself_as_an_htmx_fragment(workshop, client_as):
    response = client_as("konsulent").get(f"/workshops/{workshop.pk}/projektor/", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.content.decode()
    assert 'id="projector"' in response.content.decode()


def _running(workshop, section, phase=Phase.WRITE):
    workshop.status = WorkshopStatus.RUNNING
    workshop.current_section = section
    workshop.save()
    section.phase = phase
    section.save()


def test_the_facilitator_types_in_a_paper_card_once_without_a_name(workshop, board, client_as):
    _running(workshop, board)
    column = board.headings.filter(kind="kolonne").first()
    data = {"client_id": str(uuid.uuid4()), "column": column.pk, "text": "Skrevet i hånden: mere tid til borgerne"}
    client = client_as("konsulent")
    assert client.post(f"/sektioner/{board.pk}/papirkort/", data).status_code == 302
    assert client.post(f"/sektioner/{board.pk}/papirkort/", data).status_code == 302  # sent twice
    card = Card.objects.get(text=data["text"])
    assert card.attendee.on_paper
    assert card.attendee.name == "" and not hasattr(card.attendee, "user")
    assert Card.objects.filter(text=data["text"]).count() == 1


def test_a_paper_card_without_text_keeps_the_form_and_says_why(workshop, board, client_as):
    _running(workshop, board)
    column = board.headings.filter(kind="kolonne").first()
    response = client_as("konsulent").post(
        f"/sektioner/{board.pk}/papirkort/", {"client_id": str(uuid.uuid4()), "column": column.pk, "text": ""}
    )
    assert response.status_code == 200
    assert response.context["paper_form"].errors["text"]
    assert not Card.objects.filter(section=board).exists()


def test_a_paper_card_in_a_locked_section_is_refused_and_the_text_stays(workshop, board, client_as):
    _running(workshop, board)
    board.locked = True
    board.save()
    column = board.headings.filter(kind="kolonne").first()
    text = "Et kort, der kom for sent"
    response = client_as("konsulent").post(
        f"/sektioner/{board.pk}/papirkort/", {"client_id": str(uuid.uuid4()), "column": column.pk, "text": text}
    )
    assert response.status_code == 200
    assert response.context["paper_form"].non_field_errors()
    assert text in response.content.decode()
    assert not Card.objects.filter(section=board).exists()


def test_only_facilitators_type_in_paper_cards(workshop, board, client_as):
    _running(workshop, board)
    data = {"client_id": str(uuid.uuid4()), "text": "Forsøg"}
    assert client_as("leder").post(f"/sektioner/{board.pk}/papirkort/", data).status_code == 403
    assert client_as("nabo").post(f"/sektioner/{board.pk}/papirkort/", data).status_code == 404
    assert not Card.objects.filter(section=board).exists()


def test_the_status_round_shows_one_challenge_at_a_time(workshop, client_as, demo):
    status = workshop.sections.get(kind=SectionKind.STATUS)
    _running(workshop, status)
    first, second = demo.challenges.all()[:2]
    client = client_as("konsulent")
    page = client.get(f"/workshops/{workshop.pk}/projektor/").content.decode()
    assert first.title in page
    assert second.solutions.first().title not in page
    assert client.post(f"/workshops/{workshop.pk}/statusrunde/", {"challenge": second.pk}).status_code == 302
    page = client.get(f"/workshops/{workshop.pk}/projektor/").content.decode()
    assert second.solutions.first().title in page


def test_a_challenge_of_another_process_cannot_be_shown(workshop, client_as):
    from samskab.processes.models import Challenge

    foreign = Challenge.objects.exclude(process=workshop.round.process).first()
    response = client_as("konsulent").post(f"/workshops/{workshop.pk}/statusrunde/", {"challenge": foreign.pk})
    assert response.status_code == 404


def test_a_confirmed_status_becomes_a_follow_up_from_the_workshop_once(workshop, client_as, demo):
    from samskab.processes.models import FollowUp, SolutionStatus

    status = workshop.sections.get(kind=SectionKind.STATUS)
    _running(workshop, status)
    solution = demo.challenges.first().solutions.exclude(status=SolutionStatus.STALLED).first()
    data = {"submission": str(uuid.uuid4()), "status": SolutionStatus.STALLED, "happened": "Mangler tablets"}
    client = client_as("konsulent")
    url = f"/workshops/{workshop.pk}/statusrunde/loesninger/{solution.pk}/"
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # sent twice
    follow_ups = FollowUp.objects.filter(solution=solution, from_workshop=True)
    assert follow_ups.count() == 1
    assert follow_ups.get().happened == "Mangler tablets"
    solution.refresh_from_db()
    assert solution.status == SolutionStatus.STALLED
    assert "status-haenger" in client.get(solution.get_absolute_url()).content.decode()


def test_a_status_round_confirmation_needs_a_real_status_and_a_facilitator(workshop, client_as, demo):
    from samskab.processes.models import FollowUp

    solution = demo.challenges.first().solutions.first()
    url = f"/workshops/{workshop.pk}/statusrunde/loesninger/{solution.pk}/"
    before = FollowUp.objects.count()
    assert client_as("konsulent").post(url, {"status": "<b>"}).status_code == 302
    assert client_as("leder").post(url, {"status": "haenger"}).status_code == 403
    assert client_as("nabo").post(url, {"status": "haenger"}).status_code == 404
    assert FollowUp.objects.count() == before
