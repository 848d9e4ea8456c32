import re

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from samskab.organisations.models import Role
from samskab.processes.models import Participant, Process
from tests.helpers import assert_form_error, html, row


def url(process: Process) -> str:
    return reverse("processes:participants", args=[process.pk])


def remove_url(participant: Participant) -> str:
    return reverse("processes:participant_remove", args=[participant.process_id, participant.pk])


def test_everyone_who_reads_the_process_sees_its_participants(demo, client_as, personas):
    for username in ("medarbejder", "med", "central"):
        response = client_as(username).get(url(demo))
        assert response.status_code == 200
        assert str(personas["tr"]) in html(response)
    assert client_as("med").get(url(demo)).context["form"] is None


def ambassador_cell(response, person) -> str:
    """The text of the ambassador column in the person's row: yes or no in the page's language."""
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        yes, no = gettext("yes"), gettext("no")
    cells = row(response, str(person))
    has = {answer: re.search(rf"<td[^>]*>{answer}</td>", cells) is not None for answer in (yes, no)}
    assert has[yes] != has[no]
    return "yes" if has[yes] else "no"


def test_the_ambassador_is_marked(demo, client_as, personas):
    response = client_as("konsulent").get(url(demo))
    assert ambassador_cell(response, personas["medarbejder"]) == "yes"
    assert ambassador_cell(response, personas["tr"]) == "no"


def test_the_facilitator_adds_a_participant_as_ambassador(demo, client_as, personas):
    client = client_as("konsulent")
    response = client.post(url(demo), {"user": personas["med"].pk, "role": Role.EMPLOYEE, "is_ambassador": "on"})
    assert response.status_code == 302
    assert response.url == url(demo)
    participant = demo.participants.get(user=personas["med"])
    assert participant.role == Role.EMPLOYEE
    assert participant.is_ambassador
    assert ambassador_cell(client.get(url(demo)), personas["med"]) == "yes"


def test_a_new_participant_gains_access_to_the_process(demo, client_as, personas):
    client_as("leder").post(url(demo), {"user": personas["central"].pk, "role": Role.TR})
    participant = demo.participants.get(user=personas["central"])
    assert not participant.is_ambassador
    assert client_as("med").get(url(demo)).status_code == 200


def test_a_participant_from_the_unit_below_gets_contribute_access(demo, client_as, personas):
    """leder-syd sees nothing of Hjemmeplejen Nord until added; then she may add follow-ups."""
    solution = demo.challenges.first().solutions.first()
    follow_up = reverse("processes:follow_up_create", args=[solution.pk])
    assert client_as("leder-syd").get(follow_up).status_code == 404
    client_as("konsulent").post(url(demo), {"user": personas["leder-syd"].pk, "role": Role.EMPLOYEE})
    assert client_as("leder-syd").get(follow_up).status_code == 200
    assert client_as("leder-syd").get(reverse("processes:process_edit", args=[demo.pk])).status_code == 403


def test_it_rejects_a_person_from_another_municipality(demo, client_as, personas):
    response = client_as("konsulent").post(url(demo), {"user": personas["nabo"].pk, "role": Role.EMPLOYEE})
    assert_form_error(response, "user")
    assert not demo.participants.filter(user=personas["nabo"]).exists()


def test_it_rejects_someone_who_already_takes_part(demo, client_as, personas):
    response = client_as("konsulent").post(url(demo), {"user": personas["tr"].pk, "role": Role.EMPLOYEE})
    assert_form_error(response, "user")
    assert demo.participants.get(user=personas["tr"]).role == Role.TR


def test_it_rejects_a_missing_person_and_an_unknown_role(demo, client_as):
    response = client_as("konsulent").post(url(demo), {"user": "", "role": "direktør"})
    assert_form_error(response, "user")
    assert_form_error(response, "role")
    assert demo.participants.count() == 5


def test_participants_and_med_members_may_not_add_anyone(demo, client_as, personas):
    for username in ("medarbejder", "tr", "amr", "med"):
        response = client_as(username).post(url(demo), {"user": personas["central"].pk, "role": Role.EMPLOYEE})
        assert response.status_code == 403
    response = client_as("leder-syd").post(url(demo), {"user": personas["central"].pk, "role": Role.EMPLOYEE})
    assert response.status_code == 404
    assert not demo.participants.filter(user=personas["central"]).exists()


def test_the_leader_removes_a_participant_who_then_loses_access(demo, client_as, personas):
    participant = demo.participants.get(user=personas["amr"])
    solution = demo.challenges.first().solutions.first()
    client = client_as("leder")
    response = client.post(remove_url(participant))
    assert response.status_code == 302
    assert response.url == url(demo)
    assert not demo.participants.filter(user=personas["amr"]).exists()
    assert personas["amr"] not in [p.user for p in client.get(url(demo)).context["participants"]]
    # The AMR still belongs to Hjemmeplejen Nord, so reads the process, but no longer contributes.
    assert client_as("amr").get(demo.get_absolute_url()).status_code == 200
    assert client_as("amr").get(reverse("processes:follow_up_create", args=[solution.pk])).status_code == 403


def test_removing_needs_a_post(demo, client_as, personas):
    participant = demo.participants.get(user=personas["amr"])
    assert client_as("leder").get(remove_url(participant)).status_code == 405
    assert demo.participants.filter(user=personas["amr"]).exists()


def test_participants_may_not_remove_anyone(demo, client_as, personas):
    participant = demo.participants.get(user=personas["amr"])
    assert client_as("tr").post(remove_url(participant)).status_code == 403
    assert client_as("nabo").post(remove_url(participant)).status_code == 404
    assert demo.participants.filter(pk=participant.pk).exists()


def test_a_participant_of_another_process_cannot_be_removed_through_this_one(demo, client_as):
    other = Participant.objects.get(process__title="Færre faste skemaer")
    response = client_as("central").post(reverse("processes:participant_remove", args=[demo.pk, other.pk]))
    assert response.status_code == 404
    assert Participant.objects.filter(pk=other.pk).exists()
    assert client_as("konsulent").post(reverse("processes:participant_remove", args=[demo.pk, 999999])).status_code == 404


def test_the_history_shows_who_added_and_removed_participants(demo, client_as, personas):
    client = client_as("konsulent")
    client.post(url(demo), {"user": personas["central"].pk, "role": Role.EMPLOYEE})
    client.post(remove_url(demo.participants.get(user=personas["central"])))
    response = client.get(reverse("processes:process_history", args=[demo.pk]))
    entries = response.context["participant_entries"]
    assert [(entry.who, entry.kind) for entry in entries[:2]] == [
        (personas["konsulent"], entries[0].kind),
        (personas["konsulent"], entries[1].kind),
    ]
    assert entries[0].kind != entries[1].kind
    assert str(personas["central"]) in entries[0].label


def test_an_editor_makes_a_participant_an_ambassador_and_back(demo, client_as):
    participant = demo.participants.get(user__username="amr")
    assert not participant.is_ambassador
    client = client_as("konsulent")
    url = f"/forloeb/{demo.pk}/deltagere/{participant.pk}/ambassadoer/"
    assert client.post(url).status_code == 302
    participant.refresh_from_db()
    assert participant.is_ambassador
    client.post(url)
    participant.refresh_from_db()
    assert not participant.is_ambassador


def test_a_participant_cannot_make_anyone_an_ambassador(demo, client_as):
    participant = demo.participants.get(user__username="amr")
    response = client_as("medarbejder").post(f"/forloeb/{demo.pk}/deltagere/{participant.pk}/ambassadoer/")
    assert response.status_code == 403
    participant.refresh_from_db()
    assert not participant.is_ambassador
