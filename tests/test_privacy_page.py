"""The privacy page ("Sådan behandler vi dine data") says the municipality's actual retention periods."""

from samskab.privacy.models import RetentionPeriods
from tests.helpers import html


def test_the_privacy_page_gives_the_default_periods(client, demo):
    page = html(client.get(f"/privatliv/{demo.unit.organisation.slug}/"))
    assert "slettes 6 måneder efter godkendelsen af workshoppens referat" in page
    assert "5 år efter dets slutdato" in page and "24 måneder efter ændringen" in page
    assert "en note om det i 3 måneder" in page and "senest efter 8 timer" in page
    assert "/konto/mine-data/" in page


def test_the_privacy_page_follows_the_municipalitys_own_periods(client, demo):
    organisation = demo.unit.organisation
    RetentionPeriods.objects.create(organisation=organisation, workshop_raw_months=1, process_years=10, history_months=12)
    page = html(client.get(f"/privatliv/{organisation.slug}/"))
    assert "slettes 1 måned efter" in page and "10 år efter dets slutdato" in page and "12 måneder efter ændringen" in page


def test_a_logged_in_person_is_sent_to_their_municipalitys_page(client_as, demo):
    response = client_as("leder").get("/privatliv/")
    assert response.status_code == 302 and response["Location"] == f"/privatliv/{demo.unit.organisation.slug}/"
