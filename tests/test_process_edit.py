from datetime import timedelta

from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from samskab.processes.models import Process, Step
from tests.helpers import assert_form_error, html


def url(process: Process) -> str:
    return reverse("processes:process_edit", args=[process.pk])


def data(process: Process, **overrides) -> dict:
    values = {
        "title": process.title,
        "purpose": process.purpose,
        "frame": process.frame,
        "start_date": process.start_date.isoformat(),
        "end_date": "",
        "step": process.step,
        "next_evaluation": process.next_evaluation.isoformat() if process.next_evaluation else "",
    }
    values.update(overrides)
    return values


def test_the_form_shows_what_is_saved(demo, client_as):
    response = client_as("konsulent").get(url(demo))
    assert response.status_code == 200
    assert f'value="{demo.title}"' in html(response)
    assert f'value="{demo.start_date.isoformat()}"' in html(response)


def test_the_facilitator_edits_the_process(demo, client_as):
    client = client_as("konsulent")
    values = data(demo, title="Mere tid hos borgerne", purpose="Et nyt formål.", step=Step.EVALUATE)
    response = client.post(url(demo), values)
    assert response.status_code == 302
    assert response.url == demo.get_absolute_url()
    demo.refresh_from_db()
    assert demo.title == "Mere tid hos borgerne"
    assert demo.step == Step.EVALUATE
    shown = client.get(response.url)
    page = html(shown)
    assert "Mere tid hos borgerne" in page
    assert "Et nyt formål." in page
    with translation.override(shown.wsgi_request.LANGUAGE_CODE):
        assert escape(str(Step.EVALUATE.label)) in page


def test_the_leader_edits_the_process(demo, client_as):
    response = client_as("leder").post(url(demo), data(demo, frame="Budgettet står fast."))
    assert response.status_code == 302
    demo.refresh_from_db()
    assert demo.frame == "Budgettet står fast."


def test_the_central_consultant_edits_the_process(demo, client_as):
    assert client_as("central").post(url(demo), data(demo, title="Centralt rettet")).status_code == 302


def test_participants_and_med_members_may_not_edit(demo, client_as):
    for username in ("medarbejder", "tr", "amr", "med"):
        client = client_as(username)
        assert client.get(url(demo)).status_code == 403
        assert client.post(url(demo), data(demo, title="Ændret")).status_code == 403
    demo.refresh_from_db()
    assert demo.title != "Ændret"


def test_the_leader_of_another_unit_and_another_municipality_get_not_found(demo, client_as):
    for username in ("leder-syd", "nabo"):
        assert client_as(username).post(url(demo), data(demo, title="Ændret")).status_code == 404
    demo.refresh_from_db()
    assert demo.title != "Ændret"


def test_an_unknown_process_is_not_found(demo, client_as):
    assert client_as("central").get(reverse("processes:process_edit", args=[999999])).status_code == 404
    assert client_as("central").get(reverse("processes:process", args=[999999])).status_code == 404


def test_it_rejects_an_end_before_the_start(demo, client_as):
    end = demo.start_date - timedelta(days=1)
    response = client_as("konsulent").post(url(demo), data(demo, title="Skrevet om", end_date=end.isoformat()))
    assert_form_error(response, "end_date")
    assert 'value="Skrevet om"' in html(response)
    demo.refresh_from_db()
    assert demo.end_date is None
    assert demo.title != "Skrevet om"


def test_it_rejects_a_next_evaluation_before_the_start(demo, client_as):
    before = demo.start_date - timedelta(days=1)
    response = client_as("konsulent").post(url(demo), data(demo, next_evaluation=before.isoformat()))
    assert_form_error(response, "next_evaluation")
    demo.refresh_from_db()
    assert demo.next_evaluation != before


def test_it_rejects_an_impossible_date(demo, client_as):
    response = client_as("konsulent").post(url(demo), data(demo, end_date="2026-02-31"))
    assert_form_error(response, "end_date")
    assert "2026-02-31" in html(response)


def test_it_rejects_a_purpose_that_is_too_long(demo, client_as):
    response = client_as("konsulent").post(url(demo), data(demo, purpose="ø" * 5001))
    assert_form_error(response, "purpose")


def test_the_history_shows_who_changed_what(demo, client_as, personas):
    old_title = demo.title
    client_as("leder").post(url(demo), data(demo, title="Mere tid hos borgerne"))
    response = client_as("med").get(reverse("processes:process_history", args=[demo.pk]))
    assert response.status_code == 200
    page = html(response)
    assert str(personas["leder"]) in page
    assert f"{old_title} → Mere tid hos borgerne" in page
