from django.urls import reverse

from samskab.processes.models import Indicator, Process, Solution
from tests.helpers import assert_form_error, html, submission


def solution_of(process: Process) -> Solution:
    return Solution.objects.get(challenge__process=process, title="Fleksible tidsrammer i et pilotteam")


def url(solution: Solution) -> str:
    return reverse("processes:indicator_create", args=[solution.pk])


def test_the_facilitator_adds_an_indicator(demo, client_as):
    solution = solution_of(demo)
    client = client_as("konsulent")
    values = {"name": "Borgere der oplever ro", "unit": "procent", "submission": submission(client.get(url(solution)))}
    response = client.post(url(solution), values)
    assert response.status_code == 302
    assert response.url == solution.get_absolute_url()
    assert solution.indicators.get().name == "Borgere der oplever ro"
    page = html(client.get(solution.get_absolute_url()))
    assert "Borgere der oplever ro" in page
    assert "procent" in page
    assert reverse("processes:measurement_create", args=[solution.indicators.get().pk]) in page


def test_the_leader_adds_an_indicator(demo, client_as):
    assert client_as("leder").post(url(solution_of(demo)), {"name": "Ventetid"}).status_code == 302
    assert solution_of(demo).indicators.filter(name="Ventetid").exists()


def test_participants_may_not_add_an_indicator(demo, client_as):
    solution = solution_of(demo)
    for username in ("medarbejder", "tr", "amr", "med"):
        assert client_as(username).post(url(solution), {"name": "Ventetid"}).status_code == 403
    for username in ("leder-syd", "nabo"):
        assert client_as(username).post(url(solution), {"name": "Ventetid"}).status_code == 404
    assert not Indicator.objects.filter(name="Ventetid").exists()


def test_it_requires_a_name_and_keeps_the_unit(demo, client_as):
    response = client_as("konsulent").post(url(solution_of(demo)), {"name": "", "unit": "minutter"})
    assert_form_error(response, "name")
    assert 'value="minutter"' in html(response)
    assert not solution_of(demo).indicators.exists()


def test_it_rejects_a_unit_that_is_too_long(demo, client_as):
    response = client_as("konsulent").post(url(solution_of(demo)), {"name": "Ventetid", "unit": "m" * 51})
    assert_form_error(response, "unit")


def test_submitting_the_same_form_twice_creates_one_indicator(demo, client_as):
    solution = solution_of(demo)
    client = client_as("konsulent")
    values = {"name": "Ventetid", "unit": "", "submission": submission(client.get(url(solution)))}
    client.post(url(solution), values)
    client.post(url(solution), values)
    assert solution.indicators.count() == 1
