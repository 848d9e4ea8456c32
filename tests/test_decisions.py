"""Analyse og beslut: a decision per solution changes it as the method says; the forløb decides how it goes on."""

import re
from datetime import timedelta

from django.urls import reverse

from samskab.decisions.models import Decision, DecisionKind, ProcessDecision, ProcessDecisionKind
from samskab.processes.models import Participant, Process, Solution, SolutionStatus
from samskab.rounds.models import Action, EvaluationRound
from samskab.rounds import services as round_services
from samskab.workshops import services
from tests.helpers import assert_form_error, html, submission, today


def solution_of(process: Process) -> Solution:
    return Solution.objects.filter(challenge__process=process).exclude(status=SolutionStatus.STOPPED).first()


def leader(process: Process) -> Participant:
    return Participant.objects.get(process=process, user__username="leder")


def open_round(process: Process) -> EvaluationRound:
    return process.rounds.get(status="aaben")


def decide(client, solution: Solution, **overrides):
    form = client.get(reverse("decisions:decision_create", args=[solution.pk]))
    version = re.search(r'name="version" value="(\d+)"', html(form))  # the round's decision, when there is one
    data = {
        "version": version.group(1) if version else "",
        "submission": submission(form),
        "kind": DecisionKind.CONTINUE,
        "rationale": "Målingerne viser en klar effekt.",
        "decided_by": leader(solution.challenge.process).pk,
        "decided_on": today().isoformat(),
    }
    data.update(overrides)
    return client.post(reverse("decisions:decision_create", args=[solution.pk]), data), data


def test_adjust_tries_the_solution_again_and_makes_each_adjustment_an_action(demo, client_as):
    solution = solution_of(demo)
    response, _data = decide(
        client_as("leder"), solution, kind=DecisionKind.ADJUST, adjustments="Kortere skabelon\n\nNy frist for godkendelse\n"
    )
    assert response.status_code == 302
    solution.refresh_from_db()
    assert solution.status == SolutionStatus.TRIAL
    actions = Action.objects.filter(round=open_round(demo)).order_by("pk")
    assert [action.what for action in actions] == ["Kortere skabelon", "Ny frist for godkendelse"]
    assert all(action.owner == leader(demo) for action in actions)
    page = html(client_as("med").get(reverse("decisions:solution_analysis", args=[solution.pk])))
    assert "justeres" in page and "Målingerne viser en klar effekt." in page
    assert "Beslutning: justeres" in html(client_as("med").get(solution.get_absolute_url()))  # in the timeline


def test_a_new_solution_stops_the_old_one_and_drafts_the_new_one_linked_to_it(demo, client_as):
    solution = solution_of(demo)
    response, _data = decide(client_as("konsulent"), solution, kind=DecisionKind.NEW, new_title="Digital godkendelse")
    assert response.status_code == 302
    solution.refresh_from_db()
    assert solution.status == SolutionStatus.STOPPED
    new = Solution.objects.get(title="Digital godkendelse")
    assert new.challenge == solution.challenge and new.status == SolutionStatus.NOT_STARTED
    assert Decision.objects.get(solution=solution).new_solution == new
    page = html(client_as("medarbejder").get(reverse("decisions:solution_analysis", args=[new.pk])))
    assert solution.title in page  # "Erstatter: …"


def test_continue_keeps_the_status_and_stop_stops(demo, client_as):
    solution = solution_of(demo)
    before = solution.status
    decide(client_as("leder"), solution, kind=DecisionKind.CONTINUE)
    solution.refresh_from_db()
    assert solution.status == before
    decide(client_as("leder"), solution, kind=DecisionKind.STOP, rationale="Ingen effekt efter to runder.")
    solution.refresh_from_db()
    assert solution.status == SolutionStatus.STOPPED
    decision = Decision.objects.get(solution=solution)  # one decision in the round, changed
    assert decision.history.count() == 2  # the earlier kind stays as its history


def test_bad_decisions_get_clear_messages_and_keep_what_was_typed(demo, client_as):
    solution = solution_of(demo)
    client = client_as("konsulent")
    response, _data = decide(client, solution, rationale="")
    assert_form_error(response, "rationale")
    response, _data = decide(client, solution, kind=DecisionKind.ADJUST, rationale="Skal justeres", adjustments="")
    assert_form_error(response, "adjustments")
    assert "Skal justeres" in html(response)
    response, _data = decide(client, solution, kind=DecisionKind.NEW, rationale="Ny vej", new_title=" ")
    assert_form_error(response, "new_title")
    employee = Participant.objects.get(process=demo, user__username="medarbejder")
    response, _data = decide(client, solution, decided_by=employee.pk)
    assert_form_error(response, "decided_by")
    response, _data = decide(client, solution, decided_on=(today() + timedelta(days=3)).isoformat())
    assert_form_error(response, "decided_on")
    assert not Decision.objects.filter(round__process=demo).exists()


def test_a_double_click_records_one_decision(demo, client_as):
    solution = solution_of(demo)
    client = client_as("leder")
    _response, data = decide(client, solution, kind=DecisionKind.ADJUST, adjustments="Ny skabelon")
    client.post(reverse("decisions:decision_create", args=[solution.pk]), data)
    assert Decision.objects.filter(round__process=demo).count() == 1
    assert Action.objects.count() == 1


def test_without_an_open_round_nothing_is_decided(demo, client_as):
    round_services.round_close(evaluation_round=open_round(demo), by=None)
    solution = solution_of(demo)
    client = client_as("konsulent")
    response = client.post(
        reverse("decisions:decision_create", args=[solution.pk]),
        {"kind": DecisionKind.STOP, "rationale": "x", "decided_by": leader(demo).pk, "decided_on": today().isoformat()},
    )
    assert response.status_code == 302
    assert not Decision.objects.filter(round__process=demo).exists()
    assert "Start en runde" in html(client.get(response.url))


def test_readers_cannot_decide(demo, client_as):
    solution = solution_of(demo)
    url = reverse("decisions:decision_create", args=[solution.pk])
    assert client_as("medarbejder").post(url, {"kind": DecisionKind.STOP}).status_code == 403
    assert client_as("nabo").post(url, {"kind": DecisionKind.STOP}).status_code == 404


def edit_data(decision: Decision, page, **overrides) -> dict:
    import re

    version = re.search(r'name="version" value="(\d+)"', html(page)).group(1)
    data = {
        "version": version,
        "kind": decision.kind,
        "rationale": decision.rationale,
        "decided_by": decision.decided_by_id,
        "decided_on": decision.decided_on.isoformat(),
        "discussed_in_med_on": "",
    }
    data.update(overrides)
    return data


def test_the_second_of_two_simultaneous_edits_sees_the_first_and_keeps_its_text(demo, client_as):
    solution = solution_of(demo)
    decide(client_as("leder"), solution)
    decision = Decision.objects.filter(round__process=demo).get()
    url = reverse("decisions:decision_edit", args=[decision.pk])
    lene, karin = client_as("leder"), client_as("konsulent")
    lene_page, karin_page = lene.get(url), karin.get(url)
    assert lene.post(url, edit_data(decision, lene_page, discussed_in_med_on=today().isoformat())).status_code == 302
    response = karin.post(url, edit_data(decision, karin_page, rationale="Karins begrundelse"))
    assert response.status_code == 200
    page = html(response)
    assert "Karins begrundelse" in page  # what she typed stays in the form
    assert "Målingerne viser en klar effekt." in page  # and the saved version is shown beside it
    decision.refresh_from_db()
    assert (decision.rationale, decision.discussed_in_med_on) == ("Målingerne viser en klar effekt.", today())
    # Having seen the other version, saving again replaces it.
    assert karin.post(url, edit_data(decision, response, rationale="Karins begrundelse")).status_code == 302
    decision.refresh_from_db()
    assert decision.rationale == "Karins begrundelse"


def test_a_closed_rounds_decisions_are_its_record(demo, client_as):
    solution = solution_of(demo)
    decide(client_as("leder"), solution)
    round_services.round_close(evaluation_round=open_round(demo), by=None)
    decision = Decision.objects.filter(round__process=demo).get()
    assert client_as("konsulent").get(reverse("decisions:decision_edit", args=[decision.pk])).status_code == 404


def test_the_process_decision_feeds_the_action_plan(demo, client_as):
    evaluation_round = open_round(demo)
    url = reverse("decisions:process_decision", args=[evaluation_round.pk])
    client = client_as("konsulent")
    form = client.get(url)
    data = {
        "submission": submission(form),
        "kind": ProcessDecisionKind.SPREAD,
        "rationale": "Metoden har virket; Syd vil gerne i gang.",
        "decided_by": leader(demo).pk,
        "decided_on": today().isoformat(),
    }
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code in (200, 302)  # a repeat changes nothing
    decision = ProcessDecision.objects.get()
    assert decision.kind == ProcessDecisionKind.SPREAD
    assert Action.objects.filter(round=evaluation_round).count() == 1
    page = html(client_as("med").get(url))
    assert "udbred til andre enheder" in page.lower() and "Syd vil gerne i gang." in page
    assert client_as("med").post(url, data).status_code == 403


def test_cards_linked_to_a_solution_are_evidence_once_the_minutes_are_approved(demo, client_as):
    import uuid

    from samskab.workshops.models import Card, Lesson, Minutes, MinutesStatus, SectionKind

    solution = solution_of(demo)
    workshop = open_round(demo).workshop
    section = workshop.sections.filter(kind=SectionKind.BOARD).first()
    card = Card.objects.create(client_id=uuid.uuid4(), section=section, text="Skabelonen sparer os ti minutter")
    hidden = Card.objects.create(client_id=uuid.uuid4(), section=section, text="Kollega X gør det forkert", hidden=True)
    lesson = Lesson.objects.create(section=section, text="Små skabeloner virker", reusable=True)
    lesson.cards.add(card)
    url = reverse("workshops:card_solutions", args=[card.pk])
    assert client_as("konsulent").post(url, {"solutions": [solution.pk]}).status_code == 302
    hidden.solutions.add(solution)
    analysis = reverse("decisions:solution_analysis", args=[solution.pk])
    facilitator_view = html(client_as("konsulent").get(analysis))
    assert "Skabelonen sparer os ti minutter" in facilitator_view and "Små skabeloner virker" in facilitator_view
    assert "Kollega X" not in facilitator_view
    assert "Skabelonen sparer" not in html(client_as("med").get(analysis))  # the draft is the facilitators'
    Minutes.objects.update_or_create(workshop=workshop, defaults={"status": MinutesStatus.APPROVED})
    assert "Skabelonen sparer os ti minutter" in html(client_as("med").get(analysis))
    assert client_as("leder").post(url, {"solutions": [solution.pk]}).status_code == 403


def test_the_conflict_message_points_to_where_the_other_version_is(demo, client_as):
    solution = solution_of(demo)
    decide(client_as("leder"), solution)
    decision = Decision.objects.filter(round__process=demo).get()
    url = reverse("decisions:decision_edit", args=[decision.pk])
    lene, karin = client_as("leder"), client_as("konsulent")
    lene_page, karin_page = lene.get(url), karin.get(url)
    lene.post(url, edit_data(decision, lene_page, rationale="Lenes begrundelse"))
    page = html(karin.post(url, edit_data(decision, karin_page, rationale="Karins begrundelse")))
    assert page.index('id="theirs-heading"') < page.index("Deres version ses over formularen")
