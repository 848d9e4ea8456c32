from django.urls import reverse

from samskab.processes.models import Challenge, Process
from tests.helpers import assert_form_error, html, submission


def url(process: Process) -> str:
    return reverse("processes:challenge_create", args=[process.pk])


def data(**overrides) -> dict:
    values = {
        "title": "Vagtplanen laves i to systemer",
        "description": "Planen skrives først i Excel og så i vagtsystemet.",
        "why_problem": "Det tager en time hver uge.",
        "affected": "Planlæggerne",
        "priority": "5",
    }
    values.update(overrides)
    return values


def test_it_suggests_the_next_priority(demo, client_as):
    response = client_as("konsulent").get(url(demo))
    assert response.status_code == 200
    assert response.context["form"]["priority"].value() == demo.challenges.count() + 1


def test_the_facilitator_adds_a_challenge(demo, client_as):
    client = client_as("konsulent")
    response = client.post(url(demo), data(submission=submission(client.get(url(demo)))))
    challenge = Challenge.objects.get(title="Vagtplanen laves i to systemer")
    assert response.status_code == 302
    assert response.url == challenge.get_absolute_url()
    assert challenge.process == demo
    assert challenge.priority == 5

    page = html(client.get(response.url))
    assert "Planen skrives først i Excel og så i vagtsystemet." in page
    assert "Det tager en time hver uge." in page
    assert "Planlæggerne" in page
    assert "Vagtplanen laves i to systemer" in html(client.get(demo.get_absolute_url()))


def test_the_leader_adds_a_challenge(demo, client_as):
    assert client_as("leder").post(url(demo), data()).status_code == 302
    assert demo.challenges.filter(title="Vagtplanen laves i to systemer").exists()


def test_participants_and_med_members_may_not_add_a_challenge(demo, client_as):
    for username in ("medarbejder", "tr", "amr", "med"):
        assert client_as(username).post(url(demo), data()).status_code == 403
    assert not Challenge.objects.filter(title="Vagtplanen laves i to systemer").exists()


def test_others_do_not_find_the_process(demo, client_as):
    for username in ("leder-syd", "nabo", "admin"):
        assert client_as(username).post(url(demo), data()).status_code == 404
    assert client_as("konsulent").get(reverse("processes:challenge_create", args=[999999])).status_code == 404
    assert not Challenge.objects.filter(title="Vagtplanen laves i to systemer").exists()


def test_it_requires_a_title(demo, client_as):
    response = client_as("konsulent").post(url(demo), data(title="   "))
    assert_form_error(response, "title")
    assert "Det tager en time hver uge." in html(response)
    assert demo.challenges.count() == 4


def test_it_rejects_a_priority_that_is_not_a_number(demo, client_as):
    response = client_as("konsulent").post(url(demo), data(priority="høj"))
    assert_form_error(response, "priority")
    assert 'value="høj"' in html(response)


def test_it_rejects_a_priority_below_one(demo, client_as):
    assert_form_error(client_as("konsulent").post(url(demo), data(priority="0")), "priority")
    assert_form_error(client_as("konsulent").post(url(demo), data(priority="-3")), "priority")


def test_it_rejects_a_huge_priority(demo, client_as):
    response = client_as("konsulent").post(url(demo), data(priority="9" * 25))
    assert_form_error(response, "priority")
    assert demo.challenges.count() == 4


def test_it_rejects_fields_that_are_too_long(demo, client_as):
    response = client_as("konsulent").post(url(demo), data(affected="a" * 301, description="b" * 5001))
    assert_form_error(response, "affected")
    assert_form_error(response, "description")
    assert demo.challenges.count() == 4


def test_submitting_the_same_form_twice_creates_one_challenge(demo, client_as):
    client = client_as("konsulent")
    values = data(submission=submission(client.get(url(demo))))
    first = client.post(url(demo), values)
    second = client.post(url(demo), values)
    assert demo.challenges.filter(title="Vagtplanen laves i to systemer").count() == 1
    assert second.status_code == 302
    assert second.url == first.url


def test_markup_in_the_text_is_shown_as_text(demo, client_as):
    client = client_as("konsulent")
    client.post(url(demo), data(title='<b onmouseover="x()">Bøvl</b>', why_problem="<script>alert(1)</script>"))
    challenge = Challenge.objects.get(title__contains="Bøvl")
    for page in (html(client.get(challenge.get_absolute_url())), html(client.get(demo.get_absolute_url()))):
        assert "<script>alert(1)</script>" not in page
        assert '<b onmouseover="x()">' not in page
        assert "&lt;b onmouseover=" in page
