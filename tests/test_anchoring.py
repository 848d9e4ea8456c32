"""Forankring: the measures the method names, the forløb's own, and who keeps them."""

from django.urls import reverse

from samskab.anchoring.measures import NAMED_MEASURES
from samskab.anchoring.models import AnchoringMeasure, AnchoringStatus
from samskab.processes.models import Participant, Process
from tests.helpers import assert_form_error, html, row, submission, today


def page_url(process: Process) -> str:
    return reverse("anchoring", args=[process.pk])


def test_every_reader_sees_the_named_measures_once(demo, client_as):
    for username in ("med", "medarbejder", "konsulent"):
        response = client_as(username).get(page_url(demo))
        assert response.status_code == 200
    measures = AnchoringMeasure.objects.filter(process=demo)
    assert sorted(measures.values_list("key", flat=True)) == sorted(key for key, _title in NAMED_MEASURES)
    page = html(client_as("med").get(page_url(demo)))
    for measure in measures:
        assert measure.title in page
    assert "0 af 6 tiltag på plads" in page


def test_an_editor_sets_status_responsible_and_date(demo, client_as):
    client = client_as("leder")
    client.get(page_url(demo))
    measure = AnchoringMeasure.objects.get(process=demo, key="med_tema")
    mads = Participant.objects.get(process=demo, user__username="medarbejder")
    response = client.post(
        reverse("anchoring_measure_edit", args=[measure.pk]),
        {"title": measure.title, "status": AnchoringStatus.IN_PLACE, "responsible": mads.pk, "date": "1-3-2027", "note": "Fast punkt"},
    )
    assert response.status_code == 302
    page = client.get(page_url(demo))
    line = row(page, measure.title)
    assert "på plads" in line and mads.user.get_full_name() in line and "1. marts 2027" in line
    assert "1 af 6 tiltag på plads" in html(page)


def test_the_responsible_person_takes_part_in_the_forloeb(demo, client_as):
    client = client_as("konsulent")
    client.get(page_url(demo))
    measure = AnchoringMeasure.objects.get(process=demo, key="erfagruppe")
    other = Participant.objects.exclude(process=demo).first()
    assert other is not None, "the demo has a participant of another forløb"
    response = client.post(
        reverse("anchoring_measure_edit", args=[measure.pk]),
        {"title": "Erfa-gruppe med Syd", "status": AnchoringStatus.UNDER_WAY, "responsible": other.pk, "note": "Typed"},
    )
    assert_form_error(response, "responsible")
    assert "Erfa-gruppe med Syd" in html(response)  # what was typed is kept
    measure.refresh_from_db()
    assert measure.responsible is None


def test_an_own_measure_is_added_once_and_can_be_deleted(demo, client_as):
    client = client_as("konsulent")
    form = client.get(reverse("anchoring_measure_create", args=[demo.pk]))
    data = {"submission": submission(form), "title": "Ny medarbejder får en makker", "status": AnchoringStatus.NOT_STARTED, "date": today().isoformat()}
    for _attempt in range(2):  # a double click
        assert client.post(reverse("anchoring_measure_create", args=[demo.pk]), data).status_code == 302
    own = AnchoringMeasure.objects.get(process=demo, key="")
    assert own.title == "Ny medarbejder får en makker"
    assert "Ny medarbejder får en makker" in html(client.get(page_url(demo)))
    assert client.post(reverse("anchoring_measure_delete", args=[own.pk])).status_code == 302
    assert not AnchoringMeasure.objects.filter(pk=own.pk).exists()


def test_a_named_measure_cannot_be_deleted(demo, client_as):
    client = client_as("konsulent")
    client.get(page_url(demo))
    named = AnchoringMeasure.objects.get(process=demo, key="kontaktkonsulent")
    assert client.post(reverse("anchoring_measure_delete", args=[named.pk])).status_code == 404
    assert AnchoringMeasure.objects.filter(pk=named.pk).exists()


def test_readers_cannot_change_measures(demo, client_as):
    client_as("konsulent").get(page_url(demo))
    measure = AnchoringMeasure.objects.get(process=demo, key="konsulenter")
    url = reverse("anchoring_measure_edit", args=[measure.pk])
    assert client_as("medarbejder").post(url, {"title": "Ændret", "status": AnchoringStatus.IN_PLACE}).status_code == 403
    assert client_as("nabo").post(url, {"title": "Ændret", "status": AnchoringStatus.IN_PLACE}).status_code == 404
    measure.refresh_from_db()
    assert measure.status == AnchoringStatus.NOT_STARTED
