from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from samskab.processes.models import Process
from samskab.workshops import services
from samskab.workshops.models import Workshop
from tests.helpers import assert_form_error, html


def workshop_of(process: Process) -> Workshop:
    return Workshop.objects.get(round__process=process)


def url(workshop: Workshop) -> str:
    return reverse("workshops:workshop_edit", args=[workshop.pk])


def data(workshop: Workshop, **overrides) -> dict:
    values = {
        "title": workshop.title,
        "date": workshop.date.isoformat(),
        "starts_at": workshop.starts_at.strftime("%H:%M") if workshop.starts_at else "",
        "place": workshop.place,
        "facilitators": [user.pk for user in workshop.facilitators.all()],
        "min_group_size": str(workshop.min_group_size),
        "votes_per_participant": str(workshop.votes_per_participant),
    }
    if workshop.anonymous:
        values["anonymous"] = "on"
    values.update(overrides)
    return values


def test_the_form_shows_what_is_saved(demo, client_as, personas):
    workshop = workshop_of(demo)
    response = client_as("konsulent").get(url(workshop))
    assert response.status_code == 200
    form = response.context["form"]
    assert form["title"].value() == workshop.title
    assert [int(pk) for pk in form["facilitators"].value()] == [personas["konsulent"].pk]
    assert f'value="{workshop.place}"' in html(response)


def test_the_facilitator_edits_the_workshop(demo, client_as):
    workshop = workshop_of(demo)
    client = client_as("konsulent")
    response = client.post(
        url(workshop), data(workshop, title="Ny titel", date="2030-05-01", starts_at="13:15", place="Kantinen")
    )
    assert response.status_code == 302
    assert response.url == workshop.get_absolute_url()
    workshop.refresh_from_db()
    assert workshop.title == "Ny titel"
    assert workshop.date.isoformat() == "2030-05-01"
    assert workshop.starts_at.strftime("%H:%M") == "13:15"
    assert workshop.place == "Kantinen"
    page = html(client.get(response.url))
    assert "Ny titel" in page
    assert "Kantinen" in page
    assert "13:15" in page
    assert "Ny titel" in html(client_as("med").get(workshop.round.get_absolute_url()))


def test_a_workshop_is_made_named_and_anonymous_again(demo, client_as):
    workshop = workshop_of(demo)
    client = client_as("konsulent")
    values = data(workshop)
    del values["anonymous"]
    client.post(url(workshop), values)
    workshop.refresh_from_db()
    assert workshop.anonymous is False
    response = client.get(workshop.get_absolute_url())
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        named = gettext("Named: cards show who wrote them")
        anonymous = gettext("Anonymous: cards and ratings without names")
    assert named in html(response)
    assert anonymous not in html(response)

    client.post(url(workshop), data(workshop, anonymous="on"))
    workshop.refresh_from_db()
    assert workshop.anonymous is True
    assert anonymous in html(client.get(workshop.get_absolute_url()))


def test_facilitators_are_chosen_among_the_participants(demo, client_as, personas):
    workshop = workshop_of(demo)
    chosen = [personas["konsulent"].pk, personas["leder"].pk, personas["tr"].pk]
    response = client_as("konsulent").post(url(workshop), data(workshop, facilitators=chosen))
    assert response.status_code == 302
    assert set(workshop.facilitators.values_list("username", flat=True)) == {"konsulent", "leder", "tr"}
    assert client_as("leder").get(workshop.get_absolute_url()).status_code == 200
    assert client_as("tr").get(workshop.get_absolute_url()).status_code == 200
    assert client_as("medarbejder").get(workshop.get_absolute_url()).status_code == 403


def test_only_participants_are_offered(demo, client_as, personas):
    workshop = workshop_of(demo)
    form = client_as("konsulent").get(url(workshop)).context["form"]
    offered = {user.username for user in form.fields["facilitators"].queryset}
    assert offered == {"konsulent", "leder", "medarbejder", "tr", "amr"}


def test_it_rejects_a_facilitator_who_does_not_take_part(demo, client_as, personas):
    workshop = workshop_of(demo)
    for outsider in ("central", "med", "leder-syd", "nabo"):
        values = data(workshop, title="Ændret", facilitators=[personas["konsulent"].pk, personas[outsider].pk])
        response = client_as("konsulent").post(url(workshop), values)
        assert_form_error(response, "facilitators")
        assert 'value="Ændret"' in html(response)
    workshop.refresh_from_db()
    assert workshop.title != "Ændret"
    assert list(workshop.facilitators.values_list("username", flat=True)) == ["konsulent"]


def test_removing_every_facilitator_keeps_the_one_who_saved(demo, client_as, personas):
    workshop = workshop_of(demo)
    workshop.facilitators.add(personas["leder"])
    response = client_as("leder").post(url(workshop), data(workshop, facilitators=[]))
    assert response.status_code == 302
    assert response.url == workshop.get_absolute_url()
    assert list(workshop.facilitators.all()) == [personas["leder"]]


def test_a_facilitator_who_hands_over_is_led_to_the_round(demo, client_as, personas):
    workshop = workshop_of(demo)
    response = client_as("konsulent").post(url(workshop), data(workshop, facilitators=[personas["leder"].pk]))
    assert response.status_code == 302
    assert list(workshop.facilitators.all()) == [personas["leder"]]
    assert response.url == workshop.round.get_absolute_url()
    assert client_as("konsulent").get(response.url).status_code == 200
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["success"]


def test_a_facilitator_from_outside_the_process_is_kept_when_others_save(demo, client_as, personas):
    """The central consultant created the workshop without taking part in the forløb."""
    evaluation_round = services.round_start(process=demo, by=None)
    workshop = Workshop(title="Runde 2", date=evaluation_round.opened_on)
    services.workshop_create(workshop=workshop, evaluation_round=evaluation_round, by=personas["central"])
    client = client_as("central")
    assert client.get(url(workshop)).status_code == 200
    chosen = [personas["central"].pk, personas["konsulent"].pk]
    assert client.post(url(workshop), data(workshop, facilitators=chosen)).status_code == 302
    assert set(workshop.facilitators.values_list("username", flat=True)) == {"central", "konsulent"}

    response = client_as("konsulent").post(url(workshop), data(workshop, place="Kantinen"))
    assert response.status_code == 302
    assert set(workshop.facilitators.values_list("username", flat=True)) == {"central", "konsulent"}


def test_it_keeps_what_was_typed_when_something_is_wrong(demo, client_as):
    workshop = workshop_of(demo)
    client = client_as("konsulent")
    response = client.post(url(workshop), data(workshop, title="", place="Kantinen"))
    assert_form_error(response, "title")
    assert 'value="Kantinen"' in html(response)
    assert_form_error(client.post(url(workshop), data(workshop, date="2030-13-01")), "date")
    assert_form_error(client.post(url(workshop), data(workshop, min_group_size="2")), "min_group_size")
    workshop.refresh_from_db()
    assert workshop.place != "Kantinen"
    assert workshop.min_group_size == 5


def test_only_facilitators_edit_the_workshop(demo, client_as):
    workshop = workshop_of(demo)
    for username in ("leder", "central", "medarbejder", "tr", "amr", "med"):
        assert client_as(username).get(url(workshop)).status_code == 403, username
        assert client_as(username).post(url(workshop), data(workshop, title="Ændret")).status_code == 403, username
    for username in ("leder-syd", "nabo", "admin"):
        assert client_as(username).get(url(workshop)).status_code == 404, username
        assert client_as(username).post(url(workshop), data(workshop, title="Ændret")).status_code == 404, username
    assert client_as("konsulent").get(reverse("workshops:workshop_edit", args=[999999])).status_code == 404
    workshop.refresh_from_db()
    assert workshop.title != "Ændret"


def test_the_join_code_cannot_be_changed(demo, client_as):
    workshop = workshop_of(demo)
    code = workshop.join_code
    client_as("konsulent").post(url(workshop), data(workshop, join_code="AAAAAA", status="lukket"))
    workshop.refresh_from_db()
    assert workshop.join_code == code
    assert workshop.status == "planlagt"
