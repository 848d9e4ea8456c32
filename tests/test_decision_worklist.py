"""Rundens beslutninger: one decision per solution and round, changeable while the round is open, made from a worklist.

Issue 17: two conflicting decisions in one round, a wrong kind that could not be corrected,
"videreføres" clearing "uden opfølgning", a new solution without a link back, a MED date in the
future, and a changed forløb decision leaving its first action behind.
"""

from datetime import timedelta

from django.urls import reverse

from samskab.decisions.models import Decision, DecisionKind, ProcessDecision, ProcessDecisionKind
from samskab.processes.models import FollowUp, Participant, Solution, SolutionStatus
from samskab.rounds.models import Action, ActionStatus
from tests.helpers import assert_form_error, html, submission, today

WORKLIST_POST = {"from": "worklist"}


def solutions(process) -> list[Solution]:
    return list(Solution.objects.filter(challenge__process=process).order_by("pk"))


def leader(process) -> Participant:
    return Participant.objects.get(process=process, user__username="leder")


def worklist_url(process) -> str:
    return reverse("decisions:round_decisions", args=[process.rounds.get(status="aaben").pk])


def decide(client, solution: Solution, **fields):
    """Post the worklist's form for `solution`, as the page gave it (its submission id and version)."""
    page = html(client.get(worklist_url(solution.challenge.process)))
    data = {
        **WORKLIST_POST,
        "kind": DecisionKind.CONTINUE,
        "rationale": "Opfølgningerne viser, at det virker.",
        "decided_by": leader(solution.challenge.process).pk,
        "decided_on": today().isoformat(),
    }
    prefix = f's{solution.pk}_'
    import re

    form = re.search(rf'<form[^>]*action="{reverse("decisions:decision_create", args=[solution.pk])}".*?</form>', page, re.DOTALL)
    assert form, "the worklist has no form for the solution"
    for name in ("submission", "version"):
        found = re.search(rf'name="{name}" value="([^"]*)"', form.group(0))
        if found:
            data[name] = found.group(1)
    assert f'id="{prefix}rationale"' in form.group(0)
    data.update(fields)
    return client.post(reverse("decisions:decision_create", args=[solution.pk]), data)


def test_the_worklist_lists_every_solution_with_its_evidence_and_what_waits(demo, client_as):
    page = html(client_as("leder").get(worklist_url(demo)))
    for solution in solutions(demo):
        assert f'id="solution-{solution.pk}"' in page and solution.title in page
    assert page.count("venter på beslutning") == len(solutions(demo))
    assert f"0 af {len(solutions(demo))} løsninger har en beslutning" in page


def test_a_decision_made_in_the_worklist_stays_in_the_worklist(demo, client_as):
    client = client_as("leder")
    first = solutions(demo)[0]
    response = decide(client, first, kind=DecisionKind.STOP, rationale="Skabelonen bruges ikke.")
    assert response.status_code == 302
    assert response.url == worklist_url(demo) + f"#solution-{first.pk}"
    page = html(client.get(response.url))
    assert f"1 af {len(solutions(demo))} løsninger har en beslutning" in page
    assert "Skabelonen bruges ikke." in page


def test_an_error_in_the_worklist_comes_back_in_the_worklist_with_what_was_typed(demo, client_as):
    solution = solutions(demo)[0]
    response = decide(client_as("leder"), solution, kind=DecisionKind.ADJUST, rationale="Skal justeres lidt", adjustments="")
    assert_form_error(response, "adjustments")
    page = html(response)
    assert "Skal justeres lidt" in page
    assert f'id="solution-{solutions(demo)[1].pk}"' in page  # still the whole worklist
    assert not Decision.objects.filter(solution=solution).exists()


def test_the_only_leader_is_chosen_already_and_fields_a_kind_needs_are_not_called_optional(demo, client_as):
    page = html(client_as("konsulent").get(worklist_url(demo)))
    solution = solutions(demo)[0]
    chosen = f'<option value="{leader(demo).pk}" selected>'
    assert chosen in page
    label = page[page.index(f'for="s{solution.pk}_adjustments"') :][:300]
    assert "justeres" in label and "frivilligt" not in label


def test_readers_see_the_worklist_without_forms(demo, client_as):
    page = html(client_as("medarbejder").get(worklist_url(demo)))
    assert solutions(demo)[0].title in page
    assert 'name="rationale"' not in page
    assert client_as("nabo").get(worklist_url(demo)).status_code == 404


def test_deciding_again_in_the_round_changes_the_decision_and_keeps_its_history(demo, client_as):
    client = client_as("leder")
    solution = solutions(demo)[2]
    decide(client, solution, kind=DecisionKind.CONTINUE)
    decide(client, solution, kind=DecisionKind.STOP, rationale="Det virkede alligevel ikke.")
    decision = Decision.objects.get(solution=solution)  # one decision in the round, not two
    assert decision.kind == DecisionKind.STOP
    assert [entry.kind for entry in decision.history.order_by("history_date")] == [DecisionKind.CONTINUE, DecisionKind.STOP]
    solution.refresh_from_db()
    assert solution.status == SolutionStatus.STOPPED


def test_changing_adjust_to_continue_takes_back_the_waiting_adjustments_and_the_status(demo, client_as):
    client = client_as("leder")
    solution = solutions(demo)[0]
    before = solution.status
    decide(client, solution, kind=DecisionKind.ADJUST, adjustments="Kortere skabelon\nNy frist")
    started = Action.objects.get(what="Ny frist")
    started.status = ActionStatus.IN_PROGRESS
    started.save()
    response = decide(client, solution, kind=DecisionKind.CONTINUE)
    assert list(Action.objects.filter(round__process=demo).values_list("what", flat=True)) == ["Ny frist"]
    assert "Ny frist" in html(client.get(response.url))  # named as kept, since it is under way
    solution.refresh_from_db()
    assert solution.status == before


def test_adjustments_get_the_owner_and_deadline_the_leader_chose_and_are_not_added_twice(demo, client_as):
    client = client_as("leder")
    solution = solutions(demo)[0]
    employee = Participant.objects.get(process=demo, user__username="medarbejder")
    deadline = today() + timedelta(days=30)
    fields = {
        "kind": DecisionKind.ADJUST,
        "adjustments": "Kortere skabelon",
        "action_owner": employee.pk,
        "action_deadline": deadline.isoformat(),
    }
    decide(client, solution, **fields)
    decide(client, solution, **{**fields, "rationale": "Præciseret begrundelse"})
    action = Action.objects.get(round__process=demo)
    assert (action.what, action.owner, action.deadline) == ("Kortere skabelon", employee, deadline)


def test_continue_writes_nothing_in_the_timeline(demo, client_as):
    solution = solutions(demo)[2]
    follow_ups = FollowUp.objects.filter(solution=solution).count()
    decide(client_as("leder"), solution, kind=DecisionKind.CONTINUE)
    assert FollowUp.objects.filter(solution=solution).count() == follow_ups


def test_a_new_solution_starts_empty_and_links_both_ways_and_an_untouched_draft_goes_when_the_decision_changes(
    demo, client_as
):
    client = client_as("leder")
    old = solutions(demo)[1]
    decide(client, old, kind=DecisionKind.NEW, rationale="Tablets virker ikke uden net.", new_title="Mobil uden net")
    new = Solution.objects.get(title="Mobil uden net")
    assert new.description == ""  # not the old one's reason
    assert old.title in html(client_as("medarbejder").get(new.get_absolute_url()))  # "Erstatter: …"
    page = html(client.get(worklist_url(demo)))
    assert f'id="solution-{new.pk}"' not in page  # the draft is not waiting for a decision of this round
    decide(client, old, kind=DecisionKind.STOP)
    assert not Solution.objects.filter(pk=new.pk).exists()


def test_a_draft_that_work_began_on_stays_when_the_decision_changes(demo, client_as):
    client = client_as("leder")
    old = solutions(demo)[1]
    decide(client, old, kind=DecisionKind.NEW, new_title="Mobil uden net")
    new = Solution.objects.get(title="Mobil uden net")
    FollowUp.objects.create(solution=new, date=today(), status=SolutionStatus.TRIAL, happened="Afprøves i team 2")
    decide(client, old, kind=DecisionKind.STOP)
    assert Solution.objects.filter(pk=new.pk).exists()
    assert Decision.objects.get(solution=old).new_solution is None


def test_a_med_date_in_the_future_is_refused(demo, client_as):
    tomorrow = (today() + timedelta(days=1)).isoformat()
    response = decide(client_as("leder"), solutions(demo)[0], discussed_in_med_on=tomorrow)
    assert_form_error(response, "discussed_in_med_on")
    url = reverse("decisions:process_decision", args=[demo.rounds.get().pk])
    client = client_as("leder")
    data = {
        "submission": submission(client.get(url)),
        "kind": ProcessDecisionKind.NEW_ROUND,
        "rationale": "En runde mere.",
        "decided_by": leader(demo).pk,
        "decided_on": today().isoformat(),
        "discussed_in_med_on": tomorrow,
    }
    assert_form_error(client.post(url, data), "discussed_in_med_on")


def test_a_changed_process_decision_changes_its_action_instead_of_adding_one(demo, client_as):
    evaluation_round = demo.rounds.get()
    url = reverse("decisions:process_decision", args=[evaluation_round.pk])
    client = client_as("leder")
    data = {
        "submission": submission(client.get(url)),
        "kind": ProcessDecisionKind.SPREAD,
        "rationale": "Syd vil gerne.",
        "decided_by": leader(demo).pk,
        "decided_on": today().isoformat(),
    }
    client.post(url, data)
    first = Action.objects.get(round=evaluation_round)
    decision = ProcessDecision.objects.get()
    client.post(url, {**data, "kind": ProcessDecisionKind.NEW_ROUND, "version": decision.version})
    action = Action.objects.get(round=evaluation_round)  # still one
    assert action.pk == first.pk and action.what != first.what
    action.status = ActionStatus.IN_PROGRESS
    action.save()
    decision.refresh_from_db()
    client.post(url, {**data, "kind": ProcessDecisionKind.HAND_OVER, "version": decision.version})
    assert Action.objects.filter(round=evaluation_round).count() == 2  # the one under way stays
