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
    return reverse("attendance", args=[workshop.pk])


def field(process: Process, username: str) -> str:
    return f"p{process.participants.get(user__username=username).pk}"


def recorded(workshop: Workshop) -> dict[str, str]:
    return dict(workshop.attendance.values_list("participant__user__username", "status"))


def data(process: Process, **statuses: str) -> dict:
    """Every participant's choice as the form sends it: not recorded unless given."""
    values = {f"p{p.pk}": "" for p in process.participants.all()}
    values.update({field(process, username): status for username, status in statuses.items()})
    return values


def test_the_form_lists_the_participants_with_what_is_recorded(demo, client_as, personas):
    response = client_as("konsulent").get(url(workshop_of(demo)))
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.fields) == {f"p{p.pk}" for p in demo.participants.all()}
    assert form[field(demo, "amr")].value() == AFBUD  # the demo's afbud
    assert form[field(demo, "leder")].value() == ""
    page = html(response)
    for username in ("konsulent", "leder", "medarbejder", "tr", "amr"):
        assert str(personas[username]) in page
    assert str(personas["med"]) not in page


def test_the_facilitator_records_who_came_and_who_sent_afbud(demo, client_as):
    workshop = workshop_of(demo)
    client = client_as("konsulent")
    response = client.post(url(workshop), data(demo, konsulent=CAME, leder=CAME, medarbejder=CAME, tr=AFBUD, amr=""))
    assert response.status_code == 302
    assert response.url == workshop.get_absolute_url()
    assert recorded(workshop) == {"konsulent": CAME, "leder": CAME, "medarbejder": CAME, "tr": AFBUD}

    response = client.get(response.url)
    assert (response.context["attended"], response.context["apologies"]) == (3, 1)
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        counts = gettext("%(attended)s attended, %(apologies)s sent apologies") % {"attended": 3, "apologies": 1}
    assert counts in html(response)

    form = client.get(url(workshop)).context["form"]
    assert form[field(demo, "tr")].value() == AFBUD
    assert form[field(demo, "amr")].value() == ""


def test_changing_a_choice_replaces_it(demo, client_as):
    workshop = workshop_of(demo)
    client = client_as("konsulent")
    client.post(url(workshop), data(demo, amr=CAME))
    assert recorded(workshop) == {"amr": CAME}
    assert Attendance.objects.filter(workshop=workshop).count() == 1
    client.post(url(workshop), data(demo))
    assert recorded(workshop) == {}
    assert client.get(workshop.get_absolute_url()).context["attended"] == 0


def test_an_unknown_choice_is_refused(demo, client_as):
    workshop = workshop_of(demo)
    response = client_as("konsulent").post(url(workshop), data(demo, leder="maybe", tr=CAME))
    assert response.status_code == 200
    assert field(demo, "leder") in response.context["form"].errors
    assert "form-error-message" in html(response)
    assert recorded(workshop) == {"amr": AFBUD}


def test_people_outside_the_process_cannot_be_recorded(demo, client_as):
    workshop = workshop_of(demo)
    south = Participant.objects.get(process__title="Færre faste skemaer")
    values = data(demo, leder=CAME)
    values.update({f"p{south.pk}": CAME, "p999999": AFBUD, "participant": south.pk})
    assert client_as("konsulent").post(url(workshop), values).status_code == 302
    assert recorded(workshop) == {"leder": CAME}
    assert not Attendance.objects.filter(participant=south).exists()


def test_only_facilitators_record_attendance(demo, client_as):
    workshop = workshop_of(demo)
    for username in ("leder", "central", "medarbejder", "tr", "amr", "med"):
        assert client_as(username).get(url(workshop)).status_code == 403, username
        assert client_as(username).post(url(workshop), data(demo, leder=CAME)).status_code == 403, username
    for username in ("leder-syd", "nabo", "admin"):
        assert client_as(username).post(url(workshop), data(demo, leder=CAME)).status_code == 404, username
    assert recorded(workshop) == {"amr": AFBUD}
