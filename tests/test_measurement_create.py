from decimal import Decimal

from django.urls import reverse

from samskab.processes.models import Indicator, Measurement, MeasurementPhase, Process
from tests.helpers import assert_form_error, html, submission, today


def indicator_of(process: Process) -> Indicator:
    return Indicator.objects.get(solution__challenge__process=process, name="Dage fra indberetning til godkendelse")


def url(indicator: Indicator) -> str:
    return reverse("processes:measurement_create", args=[indicator.pk])


def data(**overrides) -> dict:
    values = {"phase": MeasurementPhase.AFTER, "value": "9", "date": today().isoformat(), "note": "Efter sommerferien"}
    values.update(overrides)
    return values


def test_a_participant_adds_a_measurement_and_sees_it_on_the_solution(demo, client_as):
    indicator = indicator_of(demo)
    client = client_as("medarbejder")
    response = client.post(url(indicator), data(submission=submission(client.get(url(indicator)))))
    assert response.status_code == 302
    assert response.url == indicator.solution.get_absolute_url()
    measurement = indicator.measurements.get(note="Efter sommerferien")
    assert measurement.value == Decimal("9")
    assert "Efter sommerferien" in html(client.get(response.url))


def test_it_reads_a_decimal_comma(demo, client_as):
    indicator = indicator_of(demo)
    client_as("tr").post(url(indicator), data(value="12,5"))
    assert indicator.measurements.get(note="Efter sommerferien").value == Decimal("12.5")


def test_it_reads_a_decimal_point(demo, client_as):
    indicator = indicator_of(demo)
    client_as("tr").post(url(indicator), data(value="12.25"))
    assert indicator.measurements.get(note="Efter sommerferien").value == Decimal("12.25")


def test_it_rejects_a_value_that_is_not_a_number(demo, client_as):
    indicator = indicator_of(demo)
    for value in ("mange", "", "12,5,1", "NaN", "1e400"):
        response = client_as("tr").post(url(indicator), data(value=value))
        assert_form_error(response, "value")
        assert 'value="Efter sommerferien"' in html(response)
    assert not indicator.measurements.filter(note="Efter sommerferien").exists()


def test_it_rejects_too_many_decimals(demo, client_as):
    response = client_as("tr").post(url(indicator_of(demo)), data(value="1,234"))
    assert_form_error(response, "value")
    assert 'value="1,234"' in html(response)


def test_it_rejects_an_impossible_date_and_an_unknown_phase(demo, client_as):
    response = client_as("tr").post(url(indicator_of(demo)), data(date="31-02-2026", phase="midt"))
    assert_form_error(response, "date")
    assert_form_error(response, "phase")
    assert not Measurement.objects.filter(note="Efter sommerferien").exists()


def test_a_med_member_may_not_add_a_measurement(demo, client_as):
    indicator = indicator_of(demo)
    assert client_as("med").post(url(indicator), data()).status_code == 403
    assert client_as("leder-syd").post(url(indicator), data()).status_code == 404
    assert client_as("nabo").post(url(indicator), data()).status_code == 404
    assert client_as("tr").post(reverse("processes:measurement_create", args=[999999]), data()).status_code == 404
    assert not Measurement.objects.filter(note="Efter sommerferien").exists()


def test_submitting_the_same_form_twice_creates_one_measurement(demo, client_as):
    indicator = indicator_of(demo)
    client = client_as("amr")
    values = data(submission=submission(client.get(url(indicator))))
    first = client.post(url(indicator), values)
    second = client.post(url(indicator), values)
    assert indicator.measurements.filter(note="Efter sommerferien").count() == 1
    assert second.url == first.url


def test_the_newest_measurement_is_shown_in_the_chart(demo, client_as):
    indicator = indicator_of(demo)
    client = client_as("konsulent")
    client.post(url(indicator), data(value="7,5"))
    response = client.get(indicator.solution.get_absolute_url())
    chart = next(chart for shown, chart in response.context["indicators"] if shown == indicator)
    after = next(bar for bar in chart["bars"] if bar.phase == MeasurementPhase.AFTER)
    assert after.value == Decimal("7.5")
