"""What a decision of the round does to its solution: the status, and the actions or draft it makes.

- videreføres: the solution keeps its status; nothing is written in its timeline (a decision is
  not a follow-up: the solution can still be "uden opfølgning").
- justeres: the status becomes "afprøves" and each adjustment becomes an action of the round's plan,
  with the owner and deadline the leader chose.
- ny samskabt styringsløsning: the old solution is stopped and a draft of the new one is made
  under the same challenge, linked both ways (the new "replaces" the old).
- stoppes: the status becomes "stoppet".

A status change is written as a follow-up dated the day of the decision, so the solution's
timeline tells what was decided and why. A solution has one decision per round; changing it
undoes what the earlier kind made where nothing has happened to it yet (actions not started, a
draft nobody touched) and keeps the rest, which the view names.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from samskab.core.concurrency import Conflict
from samskab.core.history import written_by
from samskab.decisions.models import Decision, DecisionKind, ProcessDecision, ProcessDecisionKind
from samskab.processes.models import FollowUp, Participant, Solution, SolutionStatus
from samskab.processes.services import follow_up_add
from samskab.rounds.models import Action, ActionStatus
from samskab.rounds.queries import actions_from
from samskab.rounds.services import action_add_once

STATUS_AFTER = {
    DecisionKind.ADJUST: SolutionStatus.TRIAL,
    DecisionKind.NEW: SolutionStatus.STOPPED,
    DecisionKind.STOP: SolutionStatus.STOPPED,
}


@dataclass
class Outcome:
    """What recording a decision did besides the decision itself, for the message to the leader."""

    decision: Decision
    actions_made: int = 0
    actions_kept: list[Action] = field(default_factory=list)  # started actions of an earlier kind
    draft_kept: Solution | None = None  # the earlier "new solution" draft, kept because work began on it


def _locked_current(decision: Decision, seen_version: int | None) -> Decision | None:
    """The stored decision, locked; Conflict when someone saved another version since `seen_version`."""
    if decision.pk is None:
        return None
    current = Decision.objects.select_for_update().get(pk=decision.pk)
    if seen_version is None or current.version != seen_version:
        raise Conflict(current)
    decision.version = current.version + 1
    return current


def _is_untouched(draft: Solution) -> bool:
    return (
        draft.status == SolutionStatus.NOT_STARTED
        and not draft.follow_ups.exists()
        and not draft.indicators.exists()
        and not draft.decisions.exists()
    )


def _undo(earlier: Decision, outcome: Outcome) -> None:
    """Take back what the earlier kind made, where nothing has happened to it yet."""
    if earlier.kind == DecisionKind.ADJUST:
        actions = actions_from(earlier)
        outcome.actions_kept = list(actions.exclude(status=ActionStatus.NOT_STARTED))
        actions.filter(status=ActionStatus.NOT_STARTED).delete()
    if earlier.kind == DecisionKind.NEW and earlier.new_solution_id:
        draft = earlier.new_solution
        outcome.decision.new_solution = None
        if _is_untouched(draft):
            draft.delete()
        else:
            outcome.draft_kept = draft


def _add_adjustments(decision: Decision, lines: list[str], *, owner: Participant | None, deadline: date | None, by) -> int:
    """Each adjustment line an action of the round, once: a line already in the plan is not added again."""
    why = _("Decision to adjust “%(solution)s”") % {"solution": decision.solution.title}
    made = 0
    for line in lines:
        _action, new = action_add_once(
            evaluation_round=decision.round,
            source=decision,
            key=line,
            what=line,
            why=why,
            owner=owner or decision.decided_by,
            deadline=deadline,
            by=by,
        )
        made += new
    return made


@transaction.atomic
def decision_record(
    *,
    decision: Decision,
    seen_version: int | None = None,
    adjustments: list[str],
    new_title: str = "",
    action_owner: Participant | None = None,
    action_deadline: date | None = None,
    by,
) -> Outcome:
    """Record the round's decision on a solution (new, or changed while the round is open) and carry it out.

    `decision` carries the form's fields and its solution and round. Raises Conflict when an edit
    was made over a version someone else has since saved.
    """
    solution = Solution.objects.select_for_update().get(pk=decision.solution_id)
    earlier = _locked_current(decision, seen_version)
    outcome = Outcome(decision=decision)
    kind = DecisionKind(decision.kind)
    changed_kind = earlier is None or earlier.kind != kind
    if earlier is None:
        decision.status_before = solution.status
    elif changed_kind:
        _undo(earlier, outcome)
    if kind == DecisionKind.NEW and decision.new_solution_id is None:
        decision.new_solution = Solution.objects.create(
            challenge=solution.challenge, title=new_title.strip(), owner=solution.owner, status=SolutionStatus.NOT_STARTED
        )
    decision.save()
    status = STATUS_AFTER.get(kind, decision.status_before or solution.status)
    if changed_kind and (kind != DecisionKind.CONTINUE or status != solution.status):
        said = _("Decision: %(decision)s. %(rationale)s") if earlier is None else _("Decision changed to: %(decision)s. %(rationale)s")
        follow_up_add(
            follow_up=FollowUp(
                date=decision.decided_on,
                status=status,
                happened=said % {"decision": kind.label, "rationale": decision.rationale},
            ),
            solution=solution,
            by=by,
        )
    if kind == DecisionKind.ADJUST:
        outcome.actions_made = _add_adjustments(decision, adjustments, owner=action_owner, deadline=action_deadline, by=by)
    return outcome


# What a decision on the forløb puts in the action plan.
PROCESS_ACTIONS = {
    ProcessDecisionKind.NEW_ROUND: gettext_noop("Plan the next evaluation round"),
    ProcessDecisionKind.SPREAD: gettext_noop("Tell the other units about the method and offer them a process"),
    ProcessDecisionKind.HAND_OVER: gettext_noop("Hand the new ways of working over to daily operation"),
}


def _process_action(decision: ProcessDecision) -> dict:
    kind = ProcessDecisionKind(decision.kind)
    return {
        "what": _(PROCESS_ACTIONS[kind]),
        "why": _("Decision on the process: %(decision)s") % {"decision": kind.label},
    }


@transaction.atomic
def process_decision_record(*, decision: ProcessDecision, seen_version: int | None = None, by) -> ProcessDecision:
    """Record the forløb's decision, new or changed; its consequence is one action of the round.

    A changed decision changes that action while it has not started, so the plan (and the next
    round, which carries unfinished actions over) never holds the consequence of a decision that
    no longer stands. An action already under way stays, and the new consequence is added.
    """
    if decision.pk is not None:
        current = ProcessDecision.objects.select_for_update().get(pk=decision.pk)
        if seen_version is None or current.version != seen_version:
            raise Conflict(current)
        decision.version = current.version + 1
    written_by(decision, by).save()
    kind = decision.kind
    actions = actions_from(decision).filter(round=decision.round)
    if actions.filter(source_key=kind).exists():
        return decision
    waiting = actions.filter(status=ActionStatus.NOT_STARTED).first()
    if waiting is not None:  # the consequence of the earlier kind, not yet started: it becomes this one's
        waiting.source_key = kind
        waiting.what, waiting.why = _process_action(decision).values()
        waiting.owner = decision.decided_by
        waiting.version += 1  # an edit form open on the old text must not overwrite this silently
        waiting.save(update_fields=["source_key", "what", "why", "owner", "version", "updated_at"])
    else:
        action_add_once(
            evaluation_round=decision.round, source=decision, key=kind, owner=decision.decided_by, by=by, **_process_action(decision)
        )
    return decision
