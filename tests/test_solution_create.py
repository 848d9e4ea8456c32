from django.urls import reverse

from samskab.processes.models import Challenge, Process, Solution, SolutionStatus
from tests.helpers import assert_form_error, html, submission


def challenge_of(process: Process) -> Challenge:
    return process.challenges.get(title="Godkendelse af kørsel tager for lang tid")


def url(challenge: Challenge) -> str:
    return reverse("processes:solution_create", args=[challenge.pk])


def data(**overrides) -> dict:
    values = {
        "title": "Digital kørselsbog",
        "description": "Kørsel registreres i en app.",
        "expected_effect": "Godkendelse inden for en uge.",
        "owner": "",
        "start_date": "",
        "status": SolutionStatus.NOT_STARTED,
    }
    values.update(overrides)
    return values


def test_the_facilitator_adds_a_solution_with_an_owner(demo, client_as, personas):
    challenge = challenge_of(demo)
    client = client_as("konsulent")
    values = data(owner=personas["tr"].pk, start_date="15-01-2026", submission=submission(client.get(url(challenge))))
    response = client.post(url(challenge), values)
    solution = Solution.objects.get(title="Digital kørselsbog")
    assert response.status_code == 302
    assert response.url == solution.get_absolute_url()
    assert solution.challenge == challenge
    assert solution.owner == personas["tr"]
    assert solution.start_date.isoformat() == "2026-01-15"

    page = html(client.get(response.url))
    assert "Kørsel registreres i en app." in page
    assert "Godkendelse inden for en uge." in page
    assert str(personas["tr"]) in page
    assert "Digital kørselsbog" in html(client.get(challenge.get_absolute_url()))
    assert "Digital kørselsbog" in html(client.get(demo.get_absolute_url()))


def test_the_owner_can_only_be_chosen_among_the_participants(demo, client_as, personas):
    response = client_as("konsulent").get(url(challenge_of(demo)))
    owners = set(response.context["form"].fields["owner"].queryset)
    assert owners == {participant.user for participant in demo.participants.all()}


def test_it_rejects_an_owner_who_does_not_take_part(demo, client_as, personas):
    response = client_as("konsulent").post(url(challenge_of(demo)), data(owner=personas["med"].pk))
    assert_form_error(response, "owner")
    assert 'value="Digital kørselsbog"' in html(response)
    assert not Solution.objects.filter(title="Digital kørselsbog").exists()


def test_it_rejects_an_owner_from_another_municipality(demo, client_as, personas):
    response = client_as("konsulent").post(url(challenge_of(demo)), data(owner=personas["nabo"].pk))
    assert_form_error(response, "owner")
    assert not Solution.objects.filter(title="Digital kørselsbog").exists()


def test_it_rejects_an_owner_that_is_not_a_person(demo, client_as):
    response = client_as("konsulent").post(url(challenge_of(demo)), data(owner="nogen"))
    assert_form_error(response, "owner")


def test_it_rejects_a_missing_title_and_an_unknown_status(demo, client_as):
    response = client_as("konsulent").post(url(challenge_of(demo)), data(title="", status="maaske"))
    assert_form_error(response, "title")
    assert_form_error(response, "status")
    assert "Kørsel registreres i en app." in html(response)


def test_it_rejects_an_impossible_start_date(demo, client_as):
    response = client_as("konsulent").post(url(challenge_of(demo)), data(start_date="31-02-2026"))
    assert_form_error(response, "start_date")
    assert "31-02-2026" in html(response)
    assert not Solution.objects.filter(title="Digital kørselsbog").exists()


def test_participants_may_not_add_a_solution(demo, client_as):
    for username in ("medarbejder", "tr", "amr", "med"):
        assert client_as(username).post(url(challenge_of(demo)), data()).status_code == 403
    assert not Solution.objects.filter(title="Digital kørselsbog").exists()


def test_others_do_not_find_the_challenge(demo, client_as):
    for username in ("leder-syd", "nabo"):
        assert client_as(username).post(url(challenge_of(demo)), data()).status_code == 404
    assert client_as("konsulent").get(reverse("processes:solution_create", args=[999999])).status_code == 404


def test_submitting_the_same_form_twice_creates_one_solution(demo, client_as):
    challenge = challenge_of(demo)
    client = client_as("leder")
    values = data(submission=submission(client.get(url(challenge))))
    first = client.post(url(challenge), values)
    second = client.post(url(challenge), values)
    assert challenge.solutions.filter(title="Digital kørselsbog").count() == 1
    assert second.status_code == 302
    assert second.url == first.url
