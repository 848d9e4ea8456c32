"""Konkludér: the facilitator records aftaler (who does what by when) as actions of the round."""

from datetime import timedelta
from urllib.parse import quote

import pytest
from django.urls import reverse

from samskab.processes.models import Participant
from samskab.rounds.models import Action
from samskab.workshops import live
from samskab.workshops.models import Phase
from tests.facilitation_helpers import close, running_board
from tests.helpers import assert_form_error, html, submission, today


@pytest.fixture
def board(demo):
    return running_board(demo, Phase.CONCLUDE)


@pytest.fixture
def owner(demo) -> Participant:
    return demo.participants.get(user__username="medarbejder")


def _new(client, board, **data):
    page = client.get(reverse("workshops:action_create", args=[board.pk]))
    data.setdefault("submission", submission(page))
    return client.post(reverse("workshops:action_create", args=[board.pk]), data)


def _data(owner, **data):
    return {"what": "Fortæl om tavlemøderne på personalemødet", "owner": owner.pk, "deadline": today() + timedelta(days=14), **data}


def test_the_facilitator_records_an_agreement_in_the_round(board, client_as, owner):
    response = _new(client_as("konsulent"), board, **_data(owner, why="Så kollegerne kender dem"))
    assert response.status_code == 302
    assert response["Location"].endswith("#aftaler")
    action = Action.objects.get()
    assert (action.round, action.section, action.owner) == (board.workshop.round, board, owner)
    assert action.deadline == today() + timedelta(days=14)
    assert action.why == "Så kollegerne kender dem"


def test_a_double_click_stores_one_agreement(board, client_as, owner):
    client = client_as("konsulent")
    page = client.get(reverse("workshops:workshop_run", args=[board.workshop.pk]))
    data = {**_data(owner), "submission": submission(page)}
    client.post(reverse("workshops:action_create", args=[board.pk]), data)
    client.post(reverse("workshops:action_create", args=[board.pk]), data)
    assert Action.objects.count() == 1


def test_a_date_in_the_past_is_refused_with_a_clear_message(board, client_as, owner):
    response = _new(client_as("konsulent"), board, **_data(owner, deadline=today() - timedelta(days=1)))
    assert_form_error(response, "deadline")
    assert "Fortæl om tavlemøderne" in html(response)
    assert not Action.objects.exists()


def test_someone_outside_the_process_cannot_be_responsible(board, client_as, personas):
    other_process = Participant.objects.exclude(process=board.workshop.round.process).first()
    client = client_as("konsulent")
    if other_process is not None:
        assert_form_error(_new(client, board, **_data(other_process)), "owner")
    assert_form_error(_new(client, board, what="Noget", owner="", deadline=today()), "owner")
    assert not Action.objects.exists()


@pytest.mark.parametrize("field", ["what", "deadline"])
def test_what_and_when_are_needed(board, client_as, owner, field):
    response = _new(client_as("konsulent"), board, **_data(owner, **{field: ""}))
    assert_form_error(response, field)


def test_an_unreadable_date_says_how_to_write_it(board, client_as, owner):
    assert_form_error(_new(client_as("konsulent"), board, **_data(owner, deadline="i morgen")), "deadline")


def test_editing_keeps_a_passed_deadline_but_refuses_moving_it_into_the_past(board, client_as, owner):
    passed = today() - timedelta(days=3)
    action = Action.objects.create(round=board.workshop.round, section=board, what="Gammel", owner=owner, deadline=passed)
    client = client_as("konsulent")
    assert client.get(reverse("actionplan:plan_action_edit", args=[action.pk])).status_code == 200
    edit = {"owner": owner.pk, "version": action.version}
    response = client.post(reverse("actionplan:plan_action_edit", args=[action.pk]), {**edit, "what": "Gammel, rettet", "deadline": passed})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.what == "Gammel, rettet"
    response = client.post(
        reverse("actionplan:plan_action_edit", args=[action.pk]),
        {**edit, "version": action.version, "what": "Gammel", "deadline": passed - timedelta(days=1)},
    )
    assert_form_error(response, "deadline")


def test_two_edits_of_an_agreement_at_once_do_not_overwrite_each_other(board, client_as, owner):
    action = Action.objects.create(round=board.workshop.round, section=board, what="Fælles", owner=owner, deadline=today())
    url = reverse("actionplan:plan_action_edit", args=[action.pk])
    seen = {"owner": owner.pk, "deadline": today(), "version": action.version}
    assert client_as("konsulent").post(url, {**seen, "what": "Karins udgave"}).status_code == 302
    response = client_as("konsulent").post(url, {**seen, "what": "Anden udgave"})
    assert response.status_code == 200
    assert "Anden udgave" in html(response) and "Karins udgave" in html(response)
    action.refresh_from_db()
    assert action.what == "Karins udgave"


def test_deleting_an_agreement(board, client_as, owner):
    action = Action.objects.create(round=board.workshop.round, section=board, what="Væk", owner=owner, deadline=today())
    client = client_as("konsulent")
    assert client.get(reverse("workshops:action_delete", args=[action.pk])).status_code == 200
    client.post(reverse("workshops:action_delete", args=[action.pk]))
    assert not Action.objects.exists()


def test_agreements_reach_the_projector_while_concluding(board, client_as, owner):
    Action.objects.create(round=board.workshop.round, section=board, what="Del erfaringerne", owner=owner, deadline=today())
    client = client_as("konsulent")
    projector = reverse("workshops:projector", args=[board.workshop.pk])
    page = html(client.get(projector))
    assert "Del erfaringerne" in page and str(owner.user) in page
    board.phase = Phase.DISCUSS
    board.save()
    assert "Del erfaringerne" not in html(client.get(projector))


def test_an_action_of_the_round_without_a_section_is_not_edited_here(board, client_as, owner):
    action = Action.objects.create(round=board.workshop.round, what="Fra handleplanen", owner=owner, deadline=today())
    assert client_as("konsulent").get(reverse("workshops:action_edit", args=[action.pk])).status_code == 404


def test_a_closed_workshop_refuses_agreements(board, client_as, owner):
    action = Action.objects.create(round=board.workshop.round, section=board, what="Uændret", owner=owner, deadline=today())
    close(board.workshop)
    client = client_as("konsulent")
    assert client.post(reverse("workshops:action_create", args=[board.pk]), _data(owner)).status_code == 302
    client.post(reverse("workshops:action_edit", args=[action.pk]), _data(owner, what="Ændret"))
    client.post(reverse("workshops:action_delete", args=[action.pk]))
    assert list(Action.objects.values_list("what", flat=True)) == ["Uændret"]


@pytest.mark.parametrize("username, status", [("leder", 403), ("amr", 403), ("med", 403), ("nabo", 404)])
def test_only_the_facilitators_record_agreements(board, client_as, owner, username, status):
    action = Action.objects.create(round=board.workshop.round, section=board, what="Uændret", owner=owner, deadline=today())
    client = client_as(username)
    assert client.post(reverse("workshops:action_create", args=[board.pk]), _data(owner)).status_code == status
    assert client.post(reverse("workshops:action_edit", args=[action.pk]), _data(owner, what="Ændret")).status_code == status
    assert client.post(reverse("workshops:action_delete", args=[action.pk])).status_code == status
    assert list(Action.objects.values_list("what", flat=True)) == ["Uændret"]


# One edit page for an action, whether it is called an aftale (in the workshop) or a handling (in the plan).


def _aftale(board, owner, what="Fælles") -> Action:
    return Action.objects.create(round=board.workshop.round, section=board, what=what, owner=owner, deadline=today())


def test_the_run_page_edits_an_aftale_on_its_one_edit_page_and_comes_back(board, client_as, owner):
    action = _aftale(board, owner)
    client = client_as("konsulent")
    run = reverse("workshops:workshop_run", args=[board.workshop.pk])
    edit = f"{reverse('actionplan:plan_action_edit', args=[action.pk])}?next={quote(run + '#aftaler', safe='')}"
    assert edit.replace("&", "&amp;") in html(client.get(run))
    page = client.get(edit)
    assert "Ret aftalen" in html(page) and "status" not in page.context["form"].fields  # an aftale: what, who, when, why
    response = client.post(edit, {**_data(owner, what="Rettet"), "version": action.version, "next": f"{run}#aftaler"})
    assert response.status_code == 302 and response["Location"] == f"{run}#aftaler"
    action.refresh_from_db()
    assert action.what == "Rettet"


def test_the_old_address_of_an_aftale_leads_to_its_one_edit_page(board, client_as, owner):
    action = _aftale(board, owner)
    client = client_as("konsulent")
    old = reverse("workshops:action_edit", args=[action.pk])
    response = client.get(old)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("actionplan:plan_action_edit", args=[action.pk]) + "?next=")
    response = client.post(old, {**_data(owner, what="Sendt til den gamle adresse"), "version": action.version})
    assert response.status_code == 307  # the form's data goes along
    client.post(old, {**_data(owner, what="Sendt til den gamle adresse"), "version": action.version}, follow=True)
    action.refresh_from_db()
    assert action.what == "Sendt til den gamle adresse"


def test_going_back_leaves_the_site_never(board, client_as, owner):
    action = _aftale(board, owner)
    url = reverse("actionplan:plan_action_edit", args=[action.pk])
    for elsewhere in ("https://example.org/", "//example.org/", "javascript:alert(1)"):
        response = client_as("konsulent").post(url, {**_data(owner), "version": Action.objects.get().version, "next": elsewhere})
        assert response["Location"] == reverse("actionplan:round_plan", args=[board.workshop.round.pk])


def test_an_aftale_changed_shows_on_the_workshops_screens(board, client_as, owner, monkeypatch, django_capture_on_commit_callbacks):
    action = _aftale(board, owner)
    changed = []
    monkeypatch.setattr(live, "changed", changed.append)
    with django_capture_on_commit_callbacks(execute=True):
        client_as("konsulent").post(reverse("actionplan:plan_action_edit", args=[action.pk]), {**_data(owner), "version": action.version})
    assert changed == [board.workshop.pk]


def test_while_the_workshop_agrees_it_the_owner_changes_only_the_status(board, client_as, owner):
    action = _aftale(board, owner)
    form = client_as("medarbejder").get(reverse("actionplan:plan_action_edit", args=[action.pk])).context["form"]
    assert set(form.fields) == {"status", "done_on", "version"}


def test_once_the_workshop_has_closed_its_aftaler_are_handlinger_of_the_plan(board, client_as, owner):
    action = _aftale(board, owner)
    close(board.workshop)
    page = client_as("konsulent").get(reverse("actionplan:plan_action_edit", args=[action.pk]))
    assert "status" in page.context["form"].fields and "Redigér handling" in html(page)
