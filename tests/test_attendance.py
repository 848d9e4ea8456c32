"""Fremmøde: the facilitator ticks who of the forløb's participants came and who sent afbud."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from samskab.processes.models import Participant, Process
from samskab.workshops.models import Attendance, AttendanceStatus, Workshop
from tests.helpers import html

CAME, AFBUD = AttendanceStatus.ATTENDED, AttendanceStatus.APOLOGIES


def workshop_of(process: Process) -> Workshop:
    return Workshop.objects.get(round__process=process)


def url(workshop: Workshop) -> str:
    return reverse("workshops:attendance", args=[workshop.pk])


def pk(process: Process, username: str) -> str:
    return str(process.participants.get(user__username=username).pk)


def recorded(workshop: Workshop) -> dict[str, str]:
    return dict(workshop.attendance.values_list("participant__user__username", "status"))


def data(process: Process, came=(), afbud=()) -> dict:
    """The form as the browser sends it: its CSRF token, and the ticked boxes of each list (none: nothing)."""
    return {
        "csrfmiddlewaretoken": "sent-by-every-browser",
        "attended": [pk(process, u) for u in came],
        "apologies": [pk(process, u) for u in afbud],
    }


def test_the_form_lists_the_participants_as_checkboxes_with_what_is_recorded(demo, client_as, personas):
    response = client_as("konsulent").get(url(workshop_of(demo)))
    assert response.status_code == 200
    form = response.context["form"]
    assert form["apologies"].value() == [pk(demo, "amr")]  # the demo's afbud
    assert form["attended"].value() == []
    page = html(response)
    for username in ("konsulent", "leder", "medarbejder", "tr", "amr"):
        assert str(personas[username]) in page
    assert str(personas["med"]) not in page
    participants = demo.participants.count()
    assert page.count('type="checkbox" name="attended"') == participants
    assert page.count('type="checkbox" name="apologies"') == participants
    assert page.count('class="form-checkbox"') == 2 * participants
    with translation.override("da"):
        assert gettext("optional") not in page  # not after every name, nor on the lists
    assert "attendance.js" in page and "data-check-all" in page


def test_the_facilitator_records_who_came_and_who_sent_afbud(demo, client_as):
    workshop = workshop_of(demo)
    client = client_as("konsulent")
    response = client.post(url(workshop), data(demo, came=["konsulent", "leder", "medarbejder"], afbud=["tr"]))
    assert response.status_code == 302
    assert response.url == workshop.get_absolute_url()
    assert recorded(workshop) == {"konsulent": CAME, "leder": CAME, "medarbejder": CAME, "tr": AFBUD}

    response = client.get(response.url)
    assert (response.context["attended"], response.context["apologies"]) == (3, 1)
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        counts = gettext("%(attended)s attended, %(apologies)s sent apologies") % {"attended": 3, "apologies": 1}
    assert counts in html(response)

    form = client.get(url(workshop)).context["form"]
    assert form["apologies"].value() == [pk(demo, "tr")]
    assert sorted(form["attended"].value()) == sorted(pk(demo, u) for u in ("konsulent", "leder", "medarbejder"))


def test_unticking_takes_a_record_away(demo, client_as):
    workshop = workshop_of(demo)
    client = client_as("konsulent")
    client.post(url(workshop), data(demo, came=["amr"]))
    assert recorded(workshop) == {"amr": CAME}
    assert Attendance.objects.filter(workshop=workshop).count() == 1
    client.post(url(workshop), data(demo))
    assert recorded(workshop) == {}
    assert client.get(workshop.get_absolute_url()).context["attended"] == 0


def test_someone_ticked_in_both_lists_is_refused_in_danish_and_the_ticks_are_kept(demo, client_as, personas):
    workshop = workshop_of(demo)
    response = client_as("konsulent").post(url(workshop), data(demo, came=["leder", "tr"], afbud=["leder"]))
    assert response.status_code == 200
    assert "apologies" in response.context["form"].errors
    page = html(response)
    assert "form-error-message" in page and str(personas["leder"]) in page.split("form-error-message")[1]
    assert "Sæt kun ét flueben" in page
    # What was ticked is ticked again.
    assert f'value="{pk(demo, "tr")}" class="form-checkbox" id="id_attended_' in page.replace(" checked", "")
    checked = [chunk for chunk in page.split("<input")[1:] if 'name="attended"' in chunk and " checked" in chunk.split(">")[0]]
    assert len(checked) == 2
    assert recorded(workshop) == {"amr": AFBUD}


def test_people_outside_the_process_cannot_be_recorded(demo, client_as):
    workshop = workshop_of(demo)
    south = Participant.objects.get(process__title="Færre faste skemaer")
    values = data(demo, came=["leder"])
    values["attended"].append(str(south.pk))
    response = client_as("konsulent").post(url(workshop), values)
    assert response.status_code == 200  # not one of the choices: the form says so
    assert "attended" in response.context["form"].errors
    assert recorded(workshop) == {"amr": AFBUD}
    assert not Attendance.objects.filter(participant=south).exists()


def test_only_facilitators_record_attendance(demo, client_as):
    workshop = workshop_of(demo)
    for username in ("leder", "central", "medarbejder", "tr", "amr", "med"):
        assert client_as(username).get(url(workshop)).status_code == 403, username
        assert client_as(username).post(url(workshop), data(demo, came=["leder"])).status_code == 403, username
    for username in ("leder-syd", "nabo", "admin"):
        assert client_as(username).post(url(workshop), data(demo, came=["leder"])).status_code == 404, username
    assert recorded(workshop) == {"amr": AFBUD}
