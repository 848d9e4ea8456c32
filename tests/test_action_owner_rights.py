"""An action's owner who may not edit the forløb changes only its status and done date."""

import re
from datetime import timedelta

from django.urls import reverse

from samskab.processes.models import Participant
from samskab.rounds.models import Action, ActionStatus
from tests.helpers import html, today


def an_action(process, owner="medarbejder") -> Action:
    return Action.objects.create(
        round=process.rounds.get(status="aaben"),
        what="Ryd op i mappen",
        owner=Participant.objects.get(process=process, user__username=owner),
        deadline=today() + timedelta(days=14),
    )


def version(page) -> str:
    return re.search(r'name="version" value="(\d+)"', html(page)).group(1)


def test_the_owner_is_shown_only_status_and_done_date(demo, client_as):
    action = an_action(demo)
    page = html(client_as("medarbejder").get(reverse("actionplan:plan_action_edit", args=[action.pk])))
    assert 'name="status"' in page and 'name="done_on"' in page
    assert 'name="what"' not in page and 'name="owner"' not in page and 'name="deadline"' not in page


def test_the_owner_cannot_change_what_who_or_when(demo, client_as):
    action = an_action(demo)
    client = client_as("medarbejder")
    url = reverse("actionplan:plan_action_edit", args=[action.pk])
    response = client.post(
        url,
        {
            "version": version(client.get(url)),
            "what": "Noget helt andet",
            "owner": Participant.objects.get(process=demo, user__username="tr").pk,
            "deadline": (today() + timedelta(days=300)).isoformat(),
            "status": ActionStatus.IN_PROGRESS,
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.IN_PROGRESS
    assert action.what == "Ryd op i mappen"
    assert action.owner.user.username == "medarbejder"
    assert action.deadline == today() + timedelta(days=14)


def test_the_owner_sets_the_done_date_but_not_in_the_future(demo, client_as):
    action = an_action(demo)
    client = client_as("medarbejder")
    url = reverse("actionplan:plan_action_edit", args=[action.pk])
    tomorrow = (today() + timedelta(days=1)).isoformat()
    response = client.post(url, {"version": version(client.get(url)), "status": ActionStatus.DONE, "done_on": tomorrow})
    assert response.status_code == 200
    action.refresh_from_db()
    assert action.status == ActionStatus.NOT_STARTED
    response = client.post(url, {"version": version(client.get(url)), "status": ActionStatus.DONE})
    action.refresh_from_db()
    assert (action.status, action.done_on) == (ActionStatus.DONE, today())


def test_an_editor_still_changes_every_field(demo, client_as):
    action = an_action(demo)
    client = client_as("leder")
    url = reverse("actionplan:plan_action_edit", args=[action.pk])
    response = client.post(
        url,
        {
            "version": version(client.get(url)),
            "what": "Ryd op i begge mapper",
            "owner": Participant.objects.get(process=demo, user__username="tr").pk,
            "deadline": action.deadline.isoformat(),
            "status": ActionStatus.IN_PROGRESS,
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.what, action.owner.user.username) == ("Ryd op i begge mapper", "tr")


def test_another_participant_may_not_edit_the_action(demo, client_as):
    action = an_action(demo)
    assert client_as("tr").get(reverse("actionplan:plan_action_edit", args=[action.pk])).status_code == 403
