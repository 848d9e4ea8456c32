from django.urls import reverse
from django.utils import translation

from samskab.core.history import KIND
from samskab.processes.models import Indicator, Measurement, Process
from tests.helpers import assert_form_error, html


def indicator_of(process: Process) -> Indicator:
    return Indicator.objects.get(solution__challenge__process=process, name="Dage fra indberetning til godkendelse")


def edit_url(indicator: Indicator) -> str:
    return reverse("processes:indicator_edit", args=[indicator.pk])


def delete_url(indicator: Indicator) -> str:
    return reverse("processes:indicator_delete", args=[indicator.pk])


def data(**overrides) -> dict:
    values = {"name": "Dage fra kørsel til udbetaling", "unit": "hverdage"}
    values.update(overrides)
    return values


def test_the_form_shows_what_is_saved(demo, client_as):
    indicator = indicator_of(demo)
    response = client_as("konsulent").get(edit_url(indicator))
    assert response.status_code == 200
    assert f'value="{indicator.name}"' in html(response)


def test_every_editor_edits_the_indicator_and_the_change_shows(demo, client_as):
    indicator = indicator_of(demo)
    solution = indicator.solution
    for username in ("konsulent", "leder", "central"):
        client = client_as(username)
        response = client.post(edit_url(indicator), data(name=f"Ventetid ({username})"))
        assert response.status_code == 302
        assert response.url == solution.get_absolute_url()
        indicator.refresh_from_db()
        assert (indicator.name, indicator.unit) == (f"Ventetid ({username})", "hverdage")
        page = html(client.get(solution.get_absolute_url()))
        assert f"Ventetid ({username})" in page
        assert "hverdage" in page


def test_the_edit_shows_in_the_history_of_the_solution(demo, client_as, personas):
    indicator = indicator_of(demo)
    before = indicator.name
    client_as("leder").post(edit_url(indicator), data())
    response = client_as("medarbejder").get(indicator.solution.get_absolute_url())
    newest = response.context["entries"][0]
    assert newest.who == personas["leder"]
    assert (before, "Dage fra kørsel til udbetaling") in [(change.old, change.new) for change in newest.changes]
    assert f"{before} → Dage fra kørsel til udbetaling" in html(response)


def test_bad_input_keeps_what_was_typed(demo, client_as):
    indicator = indicator_of(demo)
    for values in (data(name=""), data(name="x" * 201)):
        response = client_as("konsulent").post(edit_url(indicator), values)
        assert_form_error(response, "name")
        assert 'value="hverdage"' in html(response)
    indicator.refresh_from_db()
    assert indicator.name == "Dage fra indberetning til godkendelse"


def test_participants_and_med_members_may_not_edit_or_delete(demo, client_as):
    indicator = indicator_of(demo)
    for username in ("medarbejder", "tr", "amr", "med"):
        client = client_as(username)
        page = html(client.get(indicator.solution.get_absolute_url()))
        assert edit_url(indicator) not in page
        assert delete_url(indicator) not in page
        assert client.get(edit_url(indicator)).status_code == 403
        assert client.post(edit_url(indicator), data()).status_code == 403
        assert client.get(delete_url(indicator)).status_code == 403
        assert client.post(delete_url(indicator)).status_code == 403
    indicator.refresh_from_db()
    assert indicator.name == "Dage fra indberetning til godkendelse"


def test_others_do_not_find_the_indicator(demo, client_as):
    indicator = indicator_of(demo)
    for username in ("leder-syd", "nabo", "admin"):
        client = client_as(username)
        assert client.post(edit_url(indicator), data()).status_code == 404
        assert client.get(delete_url(indicator)).status_code == 404
        assert client.post(delete_url(indicator)).status_code == 404
    client = client_as("konsulent")
    assert client.get(reverse("processes:indicator_edit", args=[999999])).status_code == 404
    assert client.post(reverse("processes:indicator_delete", args=[999999])).status_code == 404
    assert Indicator.objects.filter(pk=indicator.pk, name="Dage fra indberetning til godkendelse").exists()


def test_editors_see_edit_and_delete_links(demo, client_as):
    indicator = indicator_of(demo)
    page = html(client_as("leder").get(indicator.solution.get_absolute_url()))
    assert edit_url(indicator) in page
    assert delete_url(indicator) in page


def test_the_delete_page_asks_first_and_deletes_nothing(demo, client_as):
    indicator = indicator_of(demo)
    response = client_as("konsulent").get(delete_url(indicator))
    assert response.status_code == 200
    assert indicator.name in html(response)
    assert indicator.solution.get_absolute_url() in html(response)  # cancel goes back
    assert Indicator.objects.filter(pk=indicator.pk).exists()


def test_deleting_an_indicator_deletes_its_measurements(demo, client_as, personas):
    indicator = indicator_of(demo)
    solution = indicator.solution
    measurements = list(indicator.measurements.values_list("pk", flat=True))
    assert len(measurements) == 2
    client = client_as("konsulent")
    response = client.post(delete_url(indicator))
    assert response.status_code == 302
    assert response.url == solution.get_absolute_url()
    assert not Indicator.objects.filter(pk=indicator.pk).exists()
    assert not Measurement.objects.filter(pk__in=measurements).exists()
    page = client.get(solution.get_absolute_url())
    assert indicator.name not in [shown.name for shown, chart in page.context["indicators"]]
    # The history still tells what was deleted, and by whom: the indicator and each measurement.
    deleted = [entry for entry in page.context["entries"] if entry.who == personas["konsulent"]][: 1 + len(measurements)]
    assert sum(indicator.name in entry.label for entry in deleted) == 1 + len(measurements)
    with translation.override(page.wsgi_request.LANGUAGE_CODE):
        assert {entry.kind for entry in deleted} == {str(KIND["-"])}
