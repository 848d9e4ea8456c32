import re
import uuid

from django.urls import reverse

from samskab.processes.models import Process
from samskab.rounds.models import EvaluationRound, RoundStatus
from samskab.workshops.models import Workshop, WorkshopStatus
from tests.helpers import html, today


def url(process: Process) -> str:
    return reverse("workshops:round_start", args=[process.pk])


# Past the question an unfinished round asks first: the demo's open round has a planned workshop, which moves on.
CONFIRMED = {"confirmed": "yes", "workshop": "move"}


def test_the_facilitator_starts_the_next_round(demo, client_as):
    first = demo.rounds.get()
    client = client_as("konsulent")
    response = client.post(url(demo), CONFIRMED)
    latest = demo.rounds.latest("number")
    assert response.status_code == 302
    assert response.url == latest.get_absolute_url()
    assert latest.number == 2
    assert latest.status == RoundStatus.OPEN
    assert latest.opened_on == today()
    assert latest.closed_on is None

    first.refresh_from_db()
    assert first.status == RoundStatus.CLOSED
    assert first.closed_on == today()

    assert f"<h1>{latest}</h1>" in html(client.get(response.url))
    assert latest.get_absolute_url() in html(client.get(demo.get_absolute_url()))


def test_each_editor_starts_a_round_numbered_after_the_last(demo, client_as):
    demo.rounds.all().delete()
    for username in ("konsulent", "leder", "central"):
        assert client_as(username).post(url(demo), CONFIRMED).status_code == 302
    rounds = list(demo.rounds.order_by("number"))
    assert [r.number for r in rounds] == [1, 2, 3]
    assert [r.status for r in rounds] == [RoundStatus.CLOSED, RoundStatus.CLOSED, RoundStatus.OPEN]
    assert [r.closed_on for r in rounds] == [today(), today(), None]


def test_a_round_closed_earlier_keeps_its_closing_date(demo, client_as):
    first = demo.rounds.get()
    first.status = RoundStatus.CLOSED
    first.closed_on = first.opened_on
    first.save()
    client_as("konsulent").post(url(demo), CONFIRMED)
    first.refresh_from_db()
    assert first.closed_on == first.opened_on
    assert demo.rounds.latest("number").number == 2


def test_rounds_of_one_process_leave_other_processes_alone(demo, client_as):
    south = Process.objects.get(title="Færre faste skemaer")
    assert client_as("leder-syd").post(url(south), CONFIRMED).status_code == 302
    assert south.rounds.get().number == 1
    assert demo.rounds.get().status == RoundStatus.OPEN


def test_participants_and_med_members_may_not_start_a_round(demo, client_as):
    for username in ("medarbejder", "tr", "amr", "med"):
        assert client_as(username).post(url(demo)).status_code == 403
    assert demo.rounds.count() == 1
    assert demo.rounds.get().status == RoundStatus.OPEN


def test_others_do_not_find_the_process(demo, client_as):
    for username in ("leder-syd", "nabo", "admin"):
        assert client_as(username).post(url(demo)).status_code == 404
    assert client_as("konsulent").post(reverse("workshops:round_start", args=[999999])).status_code == 404
    assert demo.rounds.count() == 1


def test_it_rejects_get(demo, client_as):
    assert client_as("konsulent").get(url(demo)).status_code == 405
    assert demo.rounds.count() == 1


def test_anonymous_visitors_are_sent_to_the_login_page(demo, client):
    response = client.post(url(demo))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert EvaluationRound.objects.filter(process=demo).count() == 1


def test_readers_see_the_button_only_when_they_may_start_a_round(demo, client_as):
    assert url(demo) in html(client_as("leder").get(demo.get_absolute_url()))
    assert url(demo) not in html(client_as("med").get(demo.get_absolute_url()))
    assert url(demo) not in html(client_as("medarbejder").get(demo.get_absolute_url()))


def test_the_same_start_form_sent_twice_starts_one_round(demo, client_as):
    submission = str(uuid.uuid4())
    client = client_as("konsulent")
    first = client.post(f"/forloeb/{demo.pk}/runder/ny/", {"submission": submission, **CONFIRMED})
    second = client.post(f"/forloeb/{demo.pk}/runder/ny/", {"submission": submission, **CONFIRMED})
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert demo.rounds.filter(submission_id=submission).count() == 1


def test_a_round_with_a_planned_workshop_and_undecided_solutions_asks_first(demo, client_as):
    first = demo.rounds.get()
    workshop = first.workshop  # the demo plans it a week ahead
    client = client_as("konsulent")
    question = client.post(url(demo))
    assert question.status_code == 200
    page = html(question)
    assert workshop.title in page and "ikke holdt" in page
    assert "har ingen beslutning" in page
    assert demo.rounds.count() == 1  # nothing started yet
    submission = re.search(r'name="submission" value="([0-9a-f-]+)"', page).group(1)
    response = client.post(url(demo), {"submission": submission, **CONFIRMED})
    latest = demo.rounds.latest("number")
    assert response.url == latest.get_absolute_url()
    workshop.refresh_from_db()
    assert workshop.round == latest  # held in the new round


def test_a_planned_workshop_can_be_cancelled_with_the_round_it_was_planned_in(demo, client_as):
    first = demo.rounds.get()
    workshop = first.workshop
    response = client_as("konsulent").post(url(demo), {**CONFIRMED, "workshop": "cancel"})
    assert response.status_code == 302
    assert not Workshop.objects.filter(pk=workshop.pk).exists()
    assert demo.rounds.latest("number").number == 2
    first.refresh_from_db()
    assert first.status == RoundStatus.CLOSED


def test_starting_asks_what_becomes_of_the_planned_workshop_until_it_is_chosen(demo, client_as):
    first = demo.rounds.get()
    client = client_as("konsulent")
    question = html(client.post(url(demo)))
    # Neither answer is chosen for the facilitator.
    assert 'value="move"' in question and 'value="cancel"' in question and " checked" not in question
    response = client.post(url(demo), {"confirmed": "yes"})
    assert response.status_code == 200
    page = html(response)
    assert 'id="workshop-error"' in page and "flyttes til den nye runde eller aflyses" in page
    assert demo.rounds.count() == 1 and first.workshop.round == first
    response = client.post(url(demo), {"confirmed": "yes", "workshop": "somewhere"})
    assert response.status_code == 200 and demo.rounds.count() == 1


def _close(round_) -> str:
    return reverse("workshops:round_close", args=[round_.pk])


def test_closing_a_round_with_a_planned_workshop_asks_and_cancels_it_only_when_ticked(demo, client_as):
    first = demo.rounds.get()
    workshop = first.workshop
    client = client_as("konsulent")
    question = client.post(_close(first))
    assert question.status_code == 200
    assert workshop.title in html(question) and 'name="workshop" id="workshop-cancel"' in html(question)
    untick = client.post(_close(first), {"confirmed": "yes"})
    assert untick.status_code == 200 and 'id="workshop-error"' in html(untick)
    first.refresh_from_db()
    assert first.status == RoundStatus.OPEN and Workshop.objects.filter(pk=workshop.pk).exists()
    response = client.post(_close(first), {"confirmed": "yes", "workshop": "cancel"})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == RoundStatus.CLOSED and first.closed_on == today()
    assert not Workshop.objects.filter(pk=workshop.pk).exists()


def test_a_round_whose_workshop_was_held_closes_without_a_question(demo, client_as):
    first = demo.rounds.get()
    first.workshop.status = WorkshopStatus.CLOSED
    first.workshop.save(update_fields=["status"])
    response = client_as("konsulent").post(_close(first))
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == RoundStatus.CLOSED and Workshop.objects.filter(round=first).exists()
