"""The retention periods page in the municipality's administration."""

from samskab.privacy.models import RetentionPeriods
from tests.helpers import html


def test_the_administrator_sees_the_defaults_and_saves_new_periods(client_as, personas):
    client = client_as("central")
    page = html(client.get("/administration/persondata/"))
    assert "Opbevaringsperioder" in page and 'value="6"' in page and 'value="24"' in page

    response = client.post(
        "/administration/persondata/",
        {"workshop_raw_months": "3", "process_years": "10", "history_months": "12", "reminder_months": "1", "leaver_months": "6"},
    )

    assert response.status_code == 302
    periods = RetentionPeriods.objects.get(organisation=personas["central"].organisation)
    assert (periods.workshop_raw_months, periods.process_years, periods.history_months) == (3, 10, 12)


def test_a_period_out_of_range_is_refused_in_danish_and_keeps_what_was_typed(client_as):
    response = client_as("central").post(
        "/administration/persondata/",
        {"workshop_raw_months": "0", "process_years": "7", "history_months": "24", "reminder_months": "3", "leaver_months": "6"},
    )
    page = html(response)
    assert response.status_code == 200 and "skal være større end eller lig 1" in page and 'value="7"' in page
    assert not RetentionPeriods.objects.exists()


def test_nobody_else_finds_the_page(client_as):
    for username in ("konsulent", "leder", "nabo"):
        assert client_as(username).get("/administration/persondata/").status_code == 404
