"""Forankring: the measures the method names, the forløb's own, and who keeps them."""

from django.urls import reverse

from samskab.anchoring.named_measures import NAMED_MEASURES
from samskab.anchoring.models import AnchoringMeasure, AnchoringStatus
from samskab.processes.models import Participant, Process
from tests.helpers import assert_form_error, html, row, submission, today


def page_url(process: Process) -> str:
    return reverse("anchoring:anchoring", args=[process.pk])


def test_every_reader_sees_the_named_measures_once(demo, client_as):
    for username in ("med", "medarbejder", "konsulent"):
        response = client_as(username).get(page_url(demo))
        assert response.status_code == 200
    measures = AnchoringMeasure.objects.filter(process=demo)
    assert sorted(measures.values_list("key", flat=True)) == sorted(key for key, _title in NAMED_MEASURES)
    page = html(client_as("med").get(page_url(demo)))
    for measure in measures:
        assert measure.title in page
    # The demo's network shows four of the named measures: the forløb's ambassadors, the municipality's
    # trained konsulenter, an erfa-group with the forløb's people, and the unit's contact consultant.
    assert "4 af 6 tiltag på plads" in page
    for key in ("ambassadoerer", "konsulenter", "erfagruppe", "kontaktkonsulent"):
        assert "I netværket:" in row(client_as("med").get(page_url(demo)), measures.get(key=key).title)
    for key in ("ledelsesgrundlag", "med_tema"):
        assert "I netværket:" not in row(client_as("med").get(page_url(demo)), measures.get(key=key).title)


def test_an_editor_sets_status_responsible_and_date(demo, client_as):
    client = client_as("leder")
    client.get(page_url(demo))
    measure = AnchoringMeasure.objects.get(process=demo, key="med_tema")
    mads = Participant.objects.get(process=demo, user__username="medarbejder")
    response = client.post(
        reverse("anchoring:anchoring_measure_edit", args=[measure.pk]),
        {"title": measure.title, "status": AnchoringStatus.IN_PLACE, "responsible": mads.pk, "date": "1-3-2027", "note": "Fast punkt"},
    )
    assert response.status_code == 302
    page = client.get(page_url(demo))
    line = row(page, measure.title)
    assert "på plads" in line and mads.user.get_full_name() in line and "1. marts 2027" in line
    assert "5 af 6 tiltag på plads" in html(page)  # the four the demo's network shows, and this one


def test_the_responsible_person_takes_part_in_the_forloeb(demo, client_as):
    client = client_as("konsulent")
    client.get(page_url(demo))
    measure = AnchoringMeasure.objects.get(process=demo, key="erfagruppe")
    other = Participant.objects.exclude(process=demo).first()
    assert other is not None, "the demo has a participant of another forløb"
    response = client.post(
        reverse("anchoring:anchoring_measure_edit", args=[measure.pk]),
        {"title": "Erfa-gruppe med Syd", "status": AnchoringStatus.UNDER_WAY, "responsible": other.pk, "note": "Typed"},
    )
    assert_form_error(response, "responsible")
    assert "Erfa-gruppe med Syd" in html(response)  # what was typed is kept
    measure.refresh_from_db()
    assert measure.responsible is None


def test_an_own_measure_is_added_once_and_can_be_deleted(demo, client_as):
    client = client_as("konsulent")
    form = client.get(reverse("anchoring:anchoring_measure_create", args=[demo.pk]))
    data = {"submission": submission(form), "title": "Ny medarbejder får en makker", "status": AnchoringStatus.NOT_STARTED, "date": today().isoformat()}
    for _attempt in range(2):  # a double click
        assert client.post(reverse("anchoring:anchoring_measure_create", args=[demo.pk]), data).status_code == 302
    own = AnchoringMeasure.objects.get(process=demo, key="")
    assert own.title == "Ny medarbejder får en makker"
    assert "Ny medarbejder får en makker" in html(client.get(page_url(demo)))
    assert client.post(reverse("anchoring:anchoring_measure_delete", args=[own.pk])).status_code == 302
    assert not AnchoringMeasure.objects.filter(pk=own.pk).exists()


def test_a_named_measure_cannot_be_deleted(demo, client_as):
    client = client_as("konsulent")
    client.get(page_url(demo))
    named = AnchoringMeasure.objects.get(process=demo, key="kontaktkonsulent")
    assert client.post(reverse("anchoring:anchoring_measure_delete", args=[named.pk])).status_code == 404
    assert AnchoringMeasure.objects.filter(pk=named.pk).exists()


def test_readers_cannot_change_measures(demo, client_as):
    client_as("konsulent").get(page_url(demo))
    measure = AnchoringMeasure.objects.get(process=demo, key="konsulenter")
    url = reverse("anchoring:anchoring_measure_edit", args=[measure.pk])
    assert client_as("medarbejder").post(url, {"title": "Ændret", "status": AnchoringStatus.IN_PLACE}).status_code == 403
    assert client_as("nabo").post(url, {"title": "Ændret", "status": AnchoringStatus.IN_PLACE}).status_code == 404
    measure.refresh_from_db()
    assert measure.status == AnchoringStatus.NOT_STARTED


def test_without_the_network_nothing_counts_as_in_place(demo, client_as):
    from samskab.network.models import ContactConsultant, ErfaGroup, TrainedFacilitator

    ContactConsultant.objects.all().delete()
    ErfaGroup.objects.all().delete()
    TrainedFacilitator.objects.all().delete()
    Participant.objects.filter(process=demo).update(is_ambassador=False)
    page = html(client_as("med").get(page_url(demo)))
    assert "0 af 6 tiltag på plads" in page and "I netværket:" not in page


def test_nobody_is_told_that_they_are_their_own_contact_consultant(demo, client_as):
    own = html(client_as("konsulent").get(demo.get_absolute_url()))  # the demo's contact consultant of Hjemmeplejen
    assert "Du er kontaktkonsulent for Hjemmeplejen" in own and "Jeres kontaktkonsulent" not in own
    assert "Jeres kontaktkonsulent" in html(client_as("leder").get(demo.get_absolute_url()))
