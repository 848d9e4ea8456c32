from decimal import Decimal

from django.urls import reverse
from django.utils import translation

from samskab.core.history import KIND
from samskab.processes.models import Indicator, Measurement, MeasurementPhase, Process
from tests.helpers import assert_form_error, html


def after_of(process: Process) -> Measurement:
    """The after-measurement (11 days) of the demo's waiting time for mileage approval."""
    indicator = Indicator.objects.get(solution__challenge__process=process, name="Dage fra indberetning til godkendelse")
    return indicator.measurements.get(phase=MeasurementPhase.AFTER)


def edit_url(measurement: Measurement) -> str:
    return reverse("processes:measurement_edit", args=[measurement.pk])


def delete_url(measurement: Measurement) -> str:
    return reverse("processes:measurement_delete", args=[measurement.pk])


def data(measurement: Measurement, **overrides) -> dict:
    values = {
        "phase": measurement.phase,
        "value": str(measurement.value),
        "date": measurement.date.isoformat(),
        "note": "Talt igen efter kvartalet",
    }
    values.update(overrides)
    return values


def after_bar(response) -> Decimal | None:
    chart = response.context["indicators"][0][1]
    return next((bar.value for bar in chart["bars"] if bar.phase == MeasurementPhase.AFTER), None) if chart else None


def entered_by(process: Process, username: str, client) -> Measurement:
    """A measurement the participant `username` enters through the page."""
    indicator = after_of(process).indicator
    url = reverse("processes:measurement_create", args=[indicator.pk])
    response = client.post(url, {"phase": MeasurementPhase.AFTER, "value": "9", "date": "2026-01-05", "note": f"Målt af {username}"})
    assert response.status_code == 302
    return indicator.measurements.get(note=f"Målt af {username}")


def test_the_form_shows_what_is_saved(demo, client_as):
    measurement = after_of(demo)
    response = client_as("leder").get(edit_url(measurement))
    assert response.status_code == 200
    assert response.context["form"]["value"].value() == measurement.value


def test_editors_correct_a_measurement_and_the_change_shows(demo, client_as):
    measurement = after_of(demo)
    solution = measurement.indicator.solution
    for username, typed, saved in [
        ("konsulent", "9", Decimal("9")),
        ("central", "8.5", Decimal("8.5")),
        ("leder", "12,5", Decimal("12.5")),
    ]:
        client = client_as(username)
        response = client.post(edit_url(measurement), data(measurement, value=typed, note=f"Rettet af {username}"))
        assert response.status_code == 302
        assert response.url == solution.get_absolute_url()
        measurement.refresh_from_db()
        assert measurement.value == saved
        page = client.get(solution.get_absolute_url())
        assert f"Rettet af {username}" in html(page)
        assert after_bar(page) == saved


def test_the_edit_shows_in_the_history_of_the_solution(demo, client_as, personas):
    measurement = after_of(demo)
    client_as("konsulent").post(edit_url(measurement), data(measurement, value="14"))
    response = client_as("med").get(measurement.indicator.solution.get_absolute_url())
    newest = response.context["entries"][0]
    assert newest.who == personas["konsulent"]
    assert measurement.indicator.name in newest.label
    changes = {change.new: change.old for change in newest.changes}
    assert changes.pop("Talt igen efter kvartalet") == "–"
    [(new, old)] = changes.items()  # and the value, however it is written
    assert Decimal(old.replace(",", ".")) == 11 and Decimal(new.replace(",", ".")) == 14


def test_bad_input_keeps_what_was_typed(demo, client_as):
    measurement = after_of(demo)
    for values in (data(measurement, value="mange"), data(measurement, value="1,234"), data(measurement, value="")):
        response = client_as("leder").post(edit_url(measurement), values)
        assert_form_error(response, "value")
        assert 'value="Talt igen efter kvartalet"' in html(response)
        assert f'value="{values["value"]}"' in html(response)
    measurement.refresh_from_db()
    assert (measurement.value, measurement.note) == (Decimal("11"), "")


def test_it_rejects_an_impossible_date_and_an_unknown_phase(demo, client_as):
    measurement = after_of(demo)
    response = client_as("leder").post(edit_url(measurement), data(measurement, date="31-02-2026", phase="midt"))
    assert_form_error(response, "date")
    assert_form_error(response, "phase")
    measurement.refresh_from_db()
    assert measurement.phase == MeasurementPhase.AFTER


def test_a_med_member_reads_but_may_not_edit_or_delete(demo, client_as):
    measurement = after_of(demo)
    client = client_as("med")
    page = html(client.get(measurement.indicator.solution.get_absolute_url()))
    assert edit_url(measurement) not in page
    assert delete_url(measurement) not in page
    assert client.get(edit_url(measurement)).status_code == 403
    assert client.post(edit_url(measurement), data(measurement, value="1")).status_code == 403
    assert client.get(delete_url(measurement)).status_code == 403
    assert client.post(delete_url(measurement)).status_code == 403
    measurement.refresh_from_db()
    assert measurement.value == Decimal("11")


def test_others_do_not_find_the_measurement(demo, client_as):
    measurement = after_of(demo)
    for username in ("leder-syd", "nabo", "admin"):
        client = client_as(username)
        assert client.post(edit_url(measurement), data(measurement, value="1")).status_code == 404
        assert client.get(delete_url(measurement)).status_code == 404
        assert client.post(delete_url(measurement)).status_code == 404
    client = client_as("tr")
    assert client.get(reverse("processes:measurement_edit", args=[999999])).status_code == 404
    assert client.post(reverse("processes:measurement_delete", args=[999999])).status_code == 404
    measurement.refresh_from_db()
    assert measurement.value == Decimal("11")


def test_a_participant_corrects_and_deletes_only_the_measurements_they_entered(demo, client_as):
    theirs = after_of(demo)  # entered by the leder
    client = client_as("tr")
    mine = entered_by(demo, "tr", client)
    assert mine.author.username == "tr"
    assert client.post(edit_url(mine), data(mine, value="7,25")).status_code == 302
    mine.refresh_from_db()
    assert mine.value == Decimal("7.25")
    assert client.get(edit_url(theirs)).status_code == 403
    assert client.post(edit_url(theirs), data(theirs, value="1")).status_code == 403
    assert client.get(delete_url(theirs)).status_code == 403
    assert client.post(delete_url(theirs)).status_code == 403
    theirs.refresh_from_db()
    assert theirs.value == Decimal("11")
    assert client.post(delete_url(mine)).status_code == 302
    assert not Measurement.objects.filter(pk=mine.pk).exists()


def test_another_participant_may_not_touch_a_participants_measurement(demo, client_as):
    mine = entered_by(demo, "tr", client_as("tr"))
    client = client_as("amr")
    assert client.post(edit_url(mine), data(mine, value="1")).status_code == 403
    assert client.post(delete_url(mine)).status_code == 403
    assert Measurement.objects.get(pk=mine.pk).value == Decimal("9")


def test_participants_see_edit_and_delete_links_only_for_their_own_measurements(demo, client_as):
    mine = entered_by(demo, "amr", client_as("amr"))
    page = html(client_as("amr").get(mine.indicator.solution.get_absolute_url()))
    assert edit_url(mine) in page and delete_url(mine) in page
    for other in mine.indicator.measurements.exclude(pk=mine.pk):
        assert edit_url(other) not in page
        assert delete_url(other) not in page
    editor_page = html(client_as("leder").get(mine.indicator.solution.get_absolute_url()))
    for shown in mine.indicator.measurements.all():
        assert edit_url(shown) in editor_page and delete_url(shown) in editor_page


def test_the_delete_page_asks_first_and_deletes_nothing(demo, client_as):
    measurement = after_of(demo)
    response = client_as("leder").get(delete_url(measurement))
    assert response.status_code == 200
    assert measurement.indicator.solution.get_absolute_url() in html(response)
    assert Measurement.objects.filter(pk=measurement.pk).exists()


def test_an_editor_deletes_a_measurement(demo, client_as, personas):
    measurement = after_of(demo)
    indicator = measurement.indicator
    client = client_as("leder")
    response = client.post(delete_url(measurement))
    assert response.status_code == 302
    assert response.url == indicator.solution.get_absolute_url()
    assert not Measurement.objects.filter(pk=measurement.pk).exists()
    assert indicator.measurements.count() == 1  # the before-measurement stays
    page = client.get(response.url)
    assert after_bar(page) is None
    newest = page.context["entries"][0]
    assert newest.who == personas["leder"]
    with translation.override(page.wsgi_request.LANGUAGE_CODE):
        assert newest.kind == str(KIND["-"])
