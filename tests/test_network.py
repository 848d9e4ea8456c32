"""Ambassadors, trained konsulenter, contact consultants and erfa-groups, over HTTP."""

from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from docx import Document
from docx.oxml.ns import qn

from samskab.bank import index
from samskab.bank.models import BankItem, ItemKind
from samskab.network.models import AgendaItem, ContactConsultant, ErfaGroup, ErfaMeeting, TrainedFacilitator
from samskab.organisations.models import Role, Unit
from samskab.processes.models import Participant, Process
from samskab.workshops.models import Lesson, Section, SectionKind
from tests.helpers import assert_form_error, html, row, submission


def unit(name: str) -> Unit:
    return Unit.objects.get(organisation__slug="demo-kommune", name=name)


# The directory of ambassadors.


def test_the_directory_lists_the_municipalitys_ambassadors_with_what_they_can_tell_about(demo, client_as, personas):
    Participant.objects.filter(process=demo, user=personas["medarbejder"]).update(tells_about="Tavlemøder to gange om ugen")
    nabo_process = Process.objects.get(title="Enklere indkøb")
    Participant.objects.filter(process=nabo_process).update(is_ambassador=True, tells_about="Indkøb uden tre godkendelser")

    response = client_as("leder-syd").get(reverse("network:network_ambassadors"))
    assert response.status_code == 200
    ambassador = row(response, str(personas["medarbejder"]))
    assert "Tavlemøder to gange om ugen" in ambassador
    assert personas["medarbejder"].email in ambassador
    assert "Hjemmeplejen Nord" in ambassador
    # leder-syd may not see the forløb: neither its title nor a link.
    assert demo.title not in ambassador and demo.get_absolute_url() not in ambassador
    assert "Indkøb uden tre godkendelser" not in html(response)
    assert str(personas["tr"]) not in html(response)  # not an ambassador

    own = row(client_as("tr").get(reverse("network:network_ambassadors")), str(personas["medarbejder"]))
    assert f'href="{demo.get_absolute_url()}"' in own

    theirs = client_as("nabo").get(reverse("network:network_ambassadors"))
    assert "Indkøb uden tre godkendelser" in html(theirs)
    assert "Tavlemøder to gange om ugen" not in html(theirs)
    assert client_as("admin").get(reverse("network:network_ambassadors")).status_code == 404


def test_the_directory_filters_by_unit_with_the_units_below(demo, client_as, personas):
    client = client_as("med")
    below = client.get(reverse("network:network_ambassadors"), {"unit": unit("Hjemmeplejen").pk})
    assert str(personas["medarbejder"]) in html(below)
    elsewhere = client.get(reverse("network:network_ambassadors"), {"unit": unit("Børn og Unge").pk})
    assert str(personas["medarbejder"]) not in html(elsewhere)
    assert client.get(reverse("network:network_ambassadors"), {"unit": "9999"}).context["form"].errors
    nabo_unit = Unit.objects.get(name="Nabo Kommune")
    assert_form_error(client.get(reverse("network:network_ambassadors"), {"unit": nabo_unit.pk}), "unit")


def test_the_directory_names_no_forloeb_that_the_reader_gets_404_on(demo, client_as):
    """A forløb's title is as private as the forløb: whoever gets 404 on it does not read it here."""
    client = client_as("leder-syd")
    assert client.get(demo.get_absolute_url()).status_code == 404
    page = html(client.get(reverse("network:network_ambassadors")))
    assert demo.title not in page
    assert demo.title in html(client_as("med").get(reverse("network:network_ambassadors")))  # a reader of the forløb


def test_the_facilitator_writes_what_an_ambassador_can_tell_about(demo, client_as, personas):
    participant = demo.participants.get(user=personas["tr"])
    url = reverse("processes:network_participant_tells_about", args=[demo.pk, participant.pk])
    assert client_as("tr").get(url).status_code == 403
    client = client_as("konsulent")
    too_long = "Om at få visitationen med " * 20
    response = client.post(url, {"is_ambassador": "on", "tells_about": too_long})
    assert_form_error(response, "tells_about")
    assert too_long.strip() in html(response)  # what they typed is kept
    response = client.post(url, {"tells_about": "Fleksible tidsrammer"})  # "ambassador" not ticked
    assert_form_error(response, "tells_about")
    assert "Fleksible tidsrammer" in html(response)
    response = client.post(url, {"is_ambassador": "on", "tells_about": "Fleksible tidsrammer"})
    assert response.status_code == 302
    saved = html(client.get(response.url))
    assert f"Det, {personas['tr'].get_full_name()} kan fortælle om som ambassadør, er gemt." in saved  # not just "Tina er gemt"
    participant.refresh_from_db()
    assert participant.is_ambassador and participant.tells_about == "Fleksible tidsrammer"
    assert "Fleksible tidsrammer" in row(client_as("leder-syd").get(reverse("network:network_ambassadors")), str(personas["tr"]))


# Trained konsulenter and contact consultants.


def test_only_central_konsulenter_list_the_trained_konsulenter(demo, client_as, personas):
    url = reverse("network:network_consultants")
    page = client_as("medarbejder").get(url)
    assert str(personas["konsulent"]) in row(page, personas["konsulent"].email)
    assert page.context["facilitator_form"] is None
    leder = personas["leder"]
    assert client_as("konsulent").post(url, {"user": leder.pk}).status_code == 403

    client = client_as("central")
    response = client.post(url, {"user": "", "note": "Kursus i 2024"})
    assert_form_error(response, "user")
    assert "Kursus i 2024" in html(response)
    assert client.post(url, {"user": leder.pk, "trained_on": "03-02-2025"}).status_code == 302
    trained = TrainedFacilitator.objects.get(user=leder)
    assert str(trained.trained_on) == "2025-02-03"
    remove = reverse("network:network_facilitator_remove", args=[trained.pk])
    assert client_as("leder").post(remove).status_code == 403
    assert client_as("nabo").post(remove).status_code == 404
    assert client.post(remove).status_code == 302
    assert not TrainedFacilitator.objects.filter(user=leder).exists()


def test_only_central_konsulenter_set_a_units_contact_consultant(demo, client_as, personas):
    url = reverse("network:network_consultants")
    south = unit("Hjemmeplejen Syd")
    data = {"unit": south.pk, "consultant": personas["central"].pk}
    assert client_as("konsulent").post(url, data).status_code == 403
    assert client_as("leder-syd").post(url, data).status_code == 403
    # nabo keeps Nabo Kommune's list: Demo Kommune's units are not among the choices.
    assert_form_error(client_as("nabo").post(url, data), "unit")

    client = client_as("central")
    assert_form_error(client.post(url, {"unit": south.pk, "consultant": ""}), "consultant")
    assert client.post(url, data).status_code == 302
    assert ContactConsultant.objects.get(unit=south).consultant == personas["central"]
    # Setting it again replaces it.
    client.post(url, {**data, "consultant": personas["konsulent"].pk})
    assert ContactConsultant.objects.get(unit=south).consultant == personas["konsulent"]
    contact = ContactConsultant.objects.get(unit=south)
    assert client_as("leder").post(reverse("network:network_contact_remove", args=[contact.pk])).status_code == 403
    assert client.post(reverse("network:network_contact_remove", args=[contact.pk])).status_code == 302
    assert not ContactConsultant.objects.filter(unit=south).exists()


def test_the_contact_consultant_shows_on_the_dashboard_and_the_process_page_of_a_unit_below(demo, client_as, personas):
    # The demo's contact consultant is Hjemmeplejen's; Hjemmeplejen Nord lies below it.
    karin = personas["konsulent"]
    for page in (reverse("processes:dashboard"), demo.get_absolute_url()):
        shown = html(client_as("amr").get(page))
        assert f"<strong>{karin.get_full_name()}</strong>" in shown
        assert f'href="mailto:{karin.email}"' in shown
    # Børn og Unge has nobody.
    assert "samskab-contact-consultant" not in html(client_as("central").get(reverse("processes:dashboard")))

    # A unit's own contact consultant comes before the one above it.
    ContactConsultant.objects.create(unit=demo.unit, consultant=personas["central"])
    shown = html(client_as("leder").get(demo.get_absolute_url()))
    assert f"<strong>{personas['central'].get_full_name()}</strong>" in shown
    assert f"<strong>{karin.get_full_name()}</strong>" not in shown


def test_the_contact_consultant_costs_the_dashboard_one_query(demo, client_as, personas):
    client = client_as("leder")
    client.get(reverse("processes:dashboard"))  # sessions and caches warmed
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("processes:dashboard"))
    for name in ("Ældre og Sundhed", "Hjemmeplejen Nord", "Demo Kommune"):
        ContactConsultant.objects.create(unit=unit(name), consultant=personas["central"])
    with CaptureQueriesContext(connection) as four:
        response = client.get(reverse("processes:dashboard"))
    assert f"<strong>{personas['central'].get_full_name()}</strong>" in html(response)
    assert len(four) == len(one)
    assert sum("network_contactconsultant" in query["sql"] for query in four.captured_queries) == 1


# Erfa-groups.


@pytest.fixture
def bank_item(demo) -> BankItem:
    """A lesson shared in the municipality, in the erfaringsbank's index."""
    evaluation_round = demo.rounds.get()
    section = Section.objects.filter(workshop__round=evaluation_round, kind=SectionKind.BOARD).first()
    lesson = Lesson.objects.create(section=section, text="Tavlemøder erstatter morgenmødet", reusable=True)
    item = BankItem.objects.create(
        organisation=demo.unit.organisation,
        process=demo,
        round=evaluation_round,
        unit=demo.unit,
        unit_path=demo.unit.path,
        kind=ItemKind.LESSON,
        title="Tavlemøder erstatter morgenmødet",
        text="Korte møder ved tavlen to gange om ugen.",
        date=evaluation_round.opened_on,
        source=lesson,
    )
    index.index([item])
    return item


def test_central_konsulenter_create_and_edit_erfa_groups(demo, client_as, personas):
    url = reverse("network:erfa_group_create")
    assert client_as("konsulent").get(url).status_code == 403
    assert client_as("admin").get(url).status_code == 404
    client = client_as("central")
    response = client.post(url, {"name": "", "purpose": "Vi deler erfaringer på tværs.", "submission": submission(client.get(url))})
    assert_form_error(response, "name")
    assert "Vi deler erfaringer på tværs." in html(response)
    members = [personas["leder"].pk, personas["leder-syd"].pk]
    form = submission(client.get(url))
    response = client.post(url, {"name": "Ledernes erfa-gruppe", "purpose": "", "members": members, "submission": form})
    again = client.post(url, {"name": "Ledernes erfa-gruppe", "purpose": "", "members": members, "submission": form})
    group = ErfaGroup.objects.get(name="Ledernes erfa-gruppe")
    assert response.url == again.url == group.get_absolute_url()  # a double submit makes one group
    assert set(group.members.values_list("username", flat=True)) == {"leder", "leder-syd"}

    page = client_as("tr").get(group.get_absolute_url())
    assert page.status_code == 200 and str(personas["leder-syd"]) in html(page)
    assert reverse("network:erfa_group_edit", args=[group.pk]) not in html(page)
    assert client_as("tr").get(reverse("network:erfa_group_edit", args=[group.pk])).status_code == 403
    assert client_as("nabo").get(group.get_absolute_url()).status_code == 404
    edit = client.post(reverse("network:erfa_group_edit", args=[group.pk]), {"name": "Lederne", "members": members})
    assert edit.status_code == 302
    group.refresh_from_db()
    assert group.name == "Lederne"


def test_members_plan_meetings_and_only_they_read_them(demo, client_as, personas):
    group = ErfaGroup.objects.get(name="Erfa-gruppe for samskabt styring")
    url = reverse("network:erfa_meeting_create", args=[group.pk])
    assert client_as("leder").get(url).status_code == 403  # not a member
    assert client_as("nabo").get(url).status_code == 404
    client = client_as("medarbejder")  # a member
    response = client.post(url, {"date": "31-02-2026", "place": "Kantinen", "submission": submission(client.get(url))})
    assert_form_error(response, "date")
    assert 'value="Kantinen"' in html(response)
    response = client.post(url, {"date": "12-03-2026", "place": "Kantinen", "submission": submission(client.get(url))})
    meeting = ErfaMeeting.objects.get(group=group, place="Kantinen")
    assert response.url == meeting.get_absolute_url()
    assert str(meeting.date) == "2026-03-12"

    outsider = client_as("leder-syd")  # of the municipality, not of the group
    assert outsider.get(meeting.get_absolute_url()).status_code == 404
    assert outsider.get(reverse("network:erfa_meeting_docx", args=[meeting.pk])).status_code == 404
    assert outsider.post(meeting.get_absolute_url(), {"text": "Et punkt"}).status_code == 404
    edit = reverse("network:erfa_meeting_edit", args=[meeting.pk])
    assert outsider.get(edit).status_code == 404
    group_page = html(outsider.get(group.get_absolute_url()))
    assert meeting.get_absolute_url() not in group_page  # the meeting is listed, not linked
    assert client.post(edit, {"date": "2026-03-12", "place": "Kantinen", "notes": "Vi talte om tavlemøder."}).status_code == 302
    meeting.refresh_from_db()
    assert meeting.notes == "Vi talte om tavlemøder."


def test_the_agenda_is_put_together_from_the_erfaringsbank(demo, client_as, personas, bank_item):
    meeting = ErfaMeeting.objects.get(group__name="Erfa-gruppe for samskabt styring")
    meeting.agenda.all().delete()
    client = client_as("konsulent")
    url = meeting.get_absolute_url()

    unsearchable = client.get(url, {"q": "og at"})  # only small words: the search says why it cannot search
    with translation.override(unsearchable.wsgi_request.LANGUAGE_CODE):
        [reason] = [str(error) for error in unsearchable.context["search_form"].errors["q"]]
    assert escape(reason) in html(unsearchable)
    assert 'value="og at"' in html(unsearchable)

    found = client.get(url, {"q": "tavlemødet"})  # another word form of the title's "Tavlemøder"
    assert bank_item in found.context["hits"].items
    assert "<mark>Tavlemøder</mark>" in html(found)
    add = reverse("network:erfa_agenda_add", args=[meeting.pk])
    assert client_as("leder").post(add, {"item": bank_item.pk}).status_code == 404  # not a member: no such meeting
    assert client.post(add, {"item": bank_item.pk, "q": "tavlemødet"}).status_code == 302
    assert client.post(add, {"item": bank_item.pk}).status_code == 302  # twice: still once on the agenda
    assert client.post(add, {"item": "not a number"}).status_code == 302
    assert list(meeting.agenda.values_list("bank_item", flat=True)) == [bank_item.pk]

    assert_form_error(client.post(url, {"text": ""}), "text")
    assert client.post(url, {"text": "Nyt fra forløbene"}).status_code == 302
    free = meeting.agenda.get(text="Nyt fra forløbene")
    assert [item.text for item in meeting.agenda.all()] == [bank_item.title, "Nyt fra forløbene"]
    client.post(reverse("network:erfa_agenda_move", args=[free.pk]), {"direction": "up"})
    assert [item.text for item in meeting.agenda.all()] == ["Nyt fra forløbene", bank_item.title]
    client.post(reverse("network:erfa_agenda_move", args=[free.pk]), {"direction": "up"})  # already first: stays
    assert [item.text for item in meeting.agenda.all()] == ["Nyt fra forløbene", bank_item.title]
    client.post(reverse("network:erfa_agenda_move", args=[free.pk]), {"direction": "down"})
    assert [item.text for item in meeting.agenda.all()] == [bank_item.title, "Nyt fra forløbene"]

    page = html(client_as("medarbejder").get(url))  # a member reads the agenda with its links
    assert f'href="{bank_item.get_absolute_url()}"' in page
    assert client_as("leder-syd").post(reverse("network:erfa_agenda_remove", args=[free.pk])).status_code == 404
    assert client.post(reverse("network:erfa_agenda_remove", args=[free.pk])).status_code == 302
    assert not AgendaItem.objects.filter(pk=free.pk).exists()


def test_an_item_kept_inside_its_process_does_not_go_on_the_agenda(demo, client_as, bank_item):
    BankItem.objects.filter(pk=bank_item.pk).update(shared=False)
    meeting = ErfaMeeting.objects.get(group__name="Erfa-gruppe for samskabt styring")
    before = meeting.agenda.count()
    client_as("konsulent").post(reverse("network:erfa_agenda_add", args=[meeting.pk]), {"item": bank_item.pk})
    assert meeting.agenda.count() == before


def test_the_meetings_notes_download_as_a_word_file(demo, client_as, personas, bank_item):
    meeting = ErfaMeeting.objects.get(group__name="Erfa-gruppe for samskabt styring")
    meeting.notes = "Karin fortalte om tavlemøderne.\n\nNæste gang: Solsikken."
    meeting.save()
    AgendaItem.objects.create(meeting=meeting, bank_item=bank_item, text=bank_item.title, order=99)
    response = client_as("medarbejder").get(reverse("network:erfa_meeting_docx", args=[meeting.pk]))  # a member
    assert response.status_code == 200
    assert client_as("leder-syd").get(reverse("network:erfa_meeting_docx", args=[meeting.pk])).status_code == 404
    assert response["Content-Disposition"] == f'attachment; filename="erfamoede-{meeting.date.isoformat()}.docx"'
    assert client_as("nabo").get(reverse("network:erfa_meeting_docx", args=[meeting.pk])).status_code == 404

    document = Document(BytesIO(response.content))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0][0] == "Heading 1" and "Erfa-gruppe for samskabt styring" in headings[0][1]
    assert [name for name, _text in headings[1:]] == ["Heading 2"] * 3
    text = "\n".join(p.text for p in document.paragraphs)
    for expected in (
        meeting.place,
        personas["medarbejder"].get_full_name(),
        "Velkommen og nyt fra forløbene",
        bank_item.title,
        "Hjemmeplejen Nord",
        "Karin fortalte om tavlemøderne.",
        "Næste gang: Solsikken.",
    ):
        assert expected in text
    links = [rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")]
    assert f"http://testserver{bank_item.get_absolute_url()}" in links
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "da-DK"
    assert document.core_properties.language == "da-DK"


def test_demo_konsulenter_are_trained_and_members_of_the_erfa_group(demo, personas):
    assert set(TrainedFacilitator.objects.values_list("user__username", flat=True)) == {"konsulent", "central"}
    assert ContactConsultant.objects.get(unit__name="Hjemmeplejen").consultant == personas["konsulent"]
    group = ErfaGroup.objects.get(name="Erfa-gruppe for samskabt styring")
    assert set(group.members.values_list("username", flat=True)) == {"konsulent", "central", "medarbejder"}
    assert group.meetings.get().agenda.filter(bank_item=None).exists()
    assert Participant.objects.get(process=demo, user=personas["medarbejder"]).role == Role.EMPLOYEE


def test_a_meeting_not_yet_held_is_not_the_latest_and_has_no_notes_to_offer(demo, client_as):
    from datetime import timedelta

    from django.utils import timezone

    group = ErfaGroup.objects.get(name="Erfa-gruppe for samskabt styring")
    coming = ErfaMeeting.objects.create(group=group, date=timezone.localdate() + timedelta(days=20), place="Rådhuset")
    with translation.override("da"):
        shown = coming.date.strftime("%d").lstrip("0") + ". "
    groups_page = html(client_as("medarbejder").get(reverse("network:erfa_groups")))
    line = groups_page[groups_page.index(escape(group.name)) :][:600]
    assert "næste møde " + shown in line and "seneste møde " + shown not in line
    page = html(client_as("medarbejder").get(coming.get_absolute_url()))
    assert "ikke holdt endnu" in page and "Hent dagsordenen (Word)" in page
    document = Document(BytesIO(client_as("medarbejder").get(reverse("network:erfa_meeting_docx", args=[coming.pk])).content))
    assert any("ikke holdt endnu" in paragraph.text for paragraph in document.paragraphs)
