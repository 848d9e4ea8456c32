from datetime import timedelta

from django.urls import reverse

from samskab.organisations.models import Role
from samskab.processes.models import Process, Step
from tests.helpers import assert_form_error, html, submission, today


def url(demo) -> str:
    return reverse("processes:process_create", args=[demo.unit.pk])


def data(**overrides) -> dict:
    values = {
        "title": "Færre skemaer i køkkenet",
        "purpose": "Mere tid til maden.",
        "frame": "Fødevarekontrollens krav står fast.",
        "start_date": today().isoformat(),
        "end_date": "",
        "step": Step.CHALLENGES,
        "next_evaluation": "",
    }
    values.update(overrides)
    return values


def test_it_shows_the_form_to_the_facilitator(demo, client_as):
    response = client_as("konsulent").get(url(demo))
    assert response.status_code == 200
    assert 'name="title"' in html(response)


def test_the_facilitator_creates_a_process_and_takes_part_as_consultant(demo, client_as):
    client = client_as("konsulent")
    response = client.post(url(demo), data(submission=submission(client.get(url(demo)))))
    process = Process.objects.get(title="Færre skemaer i køkkenet")
    assert response.status_code == 302
    assert response.url == process.get_absolute_url()
    assert process.unit == demo.unit
    assert process.participants.get().role == Role.CONSULTANT

    page = html(client.get(response.url))
    assert "Færre skemaer i køkkenet" in page
    assert "Mere tid til maden." in page
    assert "Fødevarekontrollens krav står fast." in page


def test_the_leader_creates_a_process_and_takes_part_as_leader(demo, client_as, personas):
    response = client_as("leder").post(url(demo), data())
    assert response.status_code == 302
    process = Process.objects.get(title="Færre skemaer i køkkenet")
    assert process.participants.get().user == personas["leder"]
    assert process.participants.get().role == Role.LEADER


def test_it_reads_danish_dates(demo, client_as):
    client_as("konsulent").post(url(demo), data(start_date="01-03-2026", end_date="31.12.2026"))
    process = Process.objects.get(title="Færre skemaer i køkkenet")
    assert process.start_date.isoformat() == "2026-03-01"
    assert process.end_date.isoformat() == "2026-12-31"


def test_an_employee_may_not_create_a_process(demo, client_as):
    client = client_as("medarbejder")
    assert client.get(url(demo)).status_code == 403
    assert client.post(url(demo), data()).status_code == 403
    assert not Process.objects.filter(title="Færre skemaer i køkkenet").exists()


def test_a_med_member_may_not_create_a_process(demo, client_as):
    assert client_as("med").post(url(demo), data()).status_code == 403


def test_the_leader_of_another_unit_cannot_see_the_unit(demo, client_as):
    assert client_as("leder-syd").get(url(demo)).status_code == 404
    assert client_as("leder-syd").post(url(demo), data()).status_code == 404


def test_another_municipality_cannot_see_the_unit(demo, client_as):
    assert client_as("nabo").post(url(demo), data()).status_code == 404
    assert not Process.objects.filter(title="Færre skemaer i køkkenet").exists()


def test_an_unknown_unit_is_not_found(demo, client_as):
    assert client_as("central").get(reverse("processes:process_create", args=[999999])).status_code == 404


def test_it_requires_a_title_and_a_start_date(demo, client_as):
    response = client_as("konsulent").post(url(demo), data(title="", start_date=""))
    assert_form_error(response, "title")
    assert_form_error(response, "start_date")
    assert not Process.objects.filter(unit=demo.unit).exclude(pk=demo.pk).exists()  # nothing new at the unit


def test_it_rejects_a_title_that_is_too_long(demo, client_as):
    response = client_as("konsulent").post(url(demo), data(title="x" * 201))
    assert_form_error(response, "title")
    assert 'value="' + "x" * 201 + '"' in html(response)


def test_it_rejects_an_impossible_date(demo, client_as):
    response = client_as("konsulent").post(url(demo), data(start_date="31-02-2026"))
    assert_form_error(response, "start_date")
    assert "31-02-2026" in html(response)
    assert not Process.objects.filter(title="Færre skemaer i køkkenet").exists()


def test_it_rejects_an_end_before_the_start(demo, client_as):
    start = today()
    response = client_as("konsulent").post(
        url(demo), data(start_date=start.isoformat(), end_date=(start - timedelta(days=1)).isoformat())
    )
    assert_form_error(response, "end_date")
    assert "Færre skemaer i køkkenet" in html(response)  # what was typed stays
    assert not Process.objects.filter(title="Færre skemaer i køkkenet").exists()


def test_it_rejects_a_next_evaluation_before_the_start(demo, client_as):
    start = today()
    response = client_as("konsulent").post(
        url(demo), data(start_date=start.isoformat(), next_evaluation=(start - timedelta(days=7)).isoformat())
    )
    assert_form_error(response, "next_evaluation")
    assert not Process.objects.filter(title="Færre skemaer i køkkenet").exists()


def test_it_rejects_an_unknown_step(demo, client_as):
    response = client_as("konsulent").post(url(demo), data(step="9"))
    assert_form_error(response, "step")


def test_submitting_the_same_form_twice_creates_one_process(demo, client_as):
    client = client_as("konsulent")
    values = data(submission=submission(client.get(url(demo))))
    first = client.post(url(demo), values)
    second = client.post(url(demo), values)
    assert Process.objects.filter(title="Færre skemaer i køkkenet").count() == 1
    assert first.status_code == second.status_code == 302
    assert second.url == first.url


def test_two_forms_create_two_processes(demo, client_as):
    client = client_as("konsulent")
    client.post(url(demo), data(submission=submission(client.get(url(demo)))))
    client.post(url(demo), data(submission=submission(client.get(url(demo)))))
    assert Process.objects.filter(title="Færre skemaer i køkkenet").count() == 2


def test_it_shows_markup_in_the_title_as_text(demo, client_as):
    client = client_as("konsulent")
    response = client.post(url(demo), data(title="<script>alert(1)</script>"), follow=True)
    page = html(response)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
