"""Kommunikationsplan: a guided flow, one question at a time, makes the plan's rows; ambassadors carry them."""

import re

from django.urls import reverse

from samskab.communication.forms import QUESTIONS
from samskab.communication.models import CommunicationRow, Reached
from samskab.processes.models import Participant, Process
from samskab.rounds.models import Action, EvaluationRound
from tests.helpers import html, row, submission, today


def open_round(process: Process) -> EvaluationRound:
    return process.rounds.get(status="aaben")


def answers(process: Process) -> dict:
    ambassador = Participant.objects.get(process=process, user__username="medarbejder")
    return {
        "audience": "Kolleger, der ikke deltog",
        "message": "Vi skriver ikke længere besøgsnotater to steder.",
        "why": "Så de ved, hvor notatet ligger.",
        "channel": "Personalemøde",
        "when": today().isoformat(),
        "sender": ambassador.pk,
        "how_we_know": "Spørgsmål på næste personalemøde",
    }


def asked(response) -> str:
    """The name of the question the page asks (the only visible field)."""
    names = re.findall(r'<(?:input|textarea|select)[^>]*name="([a-z_]+)"[^>]*>', html(response))
    visible = [name for name in names if name in QUESTIONS and f'type="hidden" name="{name}"' not in html(response)]
    assert len(visible) == 1, visible
    return visible[0]


def test_the_guide_asks_one_question_at_a_time_and_adds_the_row_once(demo, client_as):
    evaluation_round = open_round(demo)
    url = reverse("communication:communication_row_create", args=[evaluation_round.pk])
    client = client_as("konsulent")
    page = client.get(url)
    data = {"submission": submission(page), "step": 0}
    given = answers(demo)
    for step, name in enumerate(QUESTIONS):
        assert asked(page) == name
        data.update(step=step, **{name: given[name]})
        page = client.post(url, data)
    assert page.status_code == 302
    client.post(url, data)  # a double click on the last question
    saved = CommunicationRow.objects.get(round=evaluation_round)
    assert (saved.audience, saved.channel, saved.sender.user.username) == ("Kolleger, der ikke deltog", "Personalemøde", "medarbejder")
    plan = client_as("med").get(reverse("communication:communication", args=[evaluation_round.pk]))
    line = row(plan, "Kolleger, der ikke deltog")
    assert "Vi skriver ikke længere besøgsnotater to steder." in line and "ambassadør" in line
    assert "Personalemøde" in re.search(r"<li><strong>Mads.*?</li>", html(plan), re.DOTALL).group(0)


def test_an_unanswered_question_is_asked_again_and_going_back_keeps_the_answers(demo, client_as):
    evaluation_round = open_round(demo)
    url = reverse("communication:communication_row_create", args=[evaluation_round.pk])
    client = client_as("leder")
    response = client.post(url, {"step": 0, "audience": ""})
    assert asked(response) == "audience"
    assert "Skriv, hvem der skal vide det." in html(response)
    response = client.post(url, {"step": 1, "audience": "MED-udvalget", "message": "Vores erfaringer"})
    assert asked(response) == "why"
    back = client.post(url, {"step": 2, "audience": "MED-udvalget", "message": "Vores erfaringer", "back": "1"})
    assert asked(back) == "message"
    assert "Vores erfaringer" in html(back) and 'value="MED-udvalget"' in html(back)
    assert not CommunicationRow.objects.exists()


def test_two_edits_at_once_do_not_overwrite_each_other(demo, client_as):
    evaluation_round = open_round(demo)
    saved = CommunicationRow.objects.create(round=evaluation_round, audience="Ledelsen", message="Status", channel="Mail")
    url = reverse("communication:communication_row_edit", args=[saved.pk])
    data = {"version": saved.version, "audience": "Ledelsen", "message": "Status", "channel": "Mail", "status": "planlagt", "reached": Reached.UNKNOWN}
    assert client_as("leder").post(url, {**data, "reached": Reached.YES}).status_code == 302
    response = client_as("konsulent").post(url, {**data, "message": "Karins budskab"})
    assert response.status_code == 200
    assert "Karins budskab" in html(response) and "en anden har gemt" in html(response).lower()
    saved.refresh_from_db()
    assert (saved.message, saved.reached) == ("Status", Reached.YES)


def test_readers_see_the_plan_but_cannot_add_to_it(demo, client_as):
    evaluation_round = open_round(demo)
    assert client_as("tr").get(reverse("communication:communication", args=[evaluation_round.pk])).status_code == 200
    url = reverse("communication:communication_row_create", args=[evaluation_round.pk])
    assert client_as("tr").post(url, {"step": 0, "audience": "x"}).status_code == 403
    assert client_as("nabo").get(url).status_code == 404


def test_a_row_becomes_an_action_of_its_sender_once(demo, client_as):
    evaluation_round = open_round(demo)
    sender = Participant.objects.get(process=demo, user__username="medarbejder")
    saved = CommunicationRow.objects.create(
        round=evaluation_round, audience="MED-udvalget", message="Vores erfaringer", channel="MED-møde", sender=sender, when=today()
    )
    client = client_as("konsulent")
    for _attempt in range(2):
        assert client.post(reverse("communication:communication_row_action", args=[saved.pk])).status_code == 302
    action = Action.objects.get(round=evaluation_round)
    assert (action.owner, action.deadline, action.source) == (sender, today(), saved)
    assert "MED-udvalget" in action.what
    assert "Vores erfaringer" in html(client_as("medarbejder").get(reverse("actionplan:my_actions")))
