"""What a decision does to its solution (DOMAIN.md, step 6): the status, and the actions or draft it makes.

videreføres keeps the status; justeres sets "afprøves" and makes each adjustment an action;
ny samskabt styringsløsning stops the old solution and drafts the new one under the same
challenge, linked to it; stoppes sets "stoppet". The status changes through a follow-up dated
the day of the decision, so the solution's timeline tells what was decided and why.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from samskab.decisions.models import Decision, DecisionKind, ProcessDecision, ProcessDecisionKind
from samskab.processes.models import FollowUp, Solution, SolutionStatus
from samskab.processes.services import follow_up_add
from samskab.workshops.models import Action

STATUS_AFTER = {
    DecisionKind.ADJUST: SolutionStatus.TRIAL,
    DecisionKind.NEW: SolutionStatus.STOPPED,
    DecisionKind.STOP: SolutionStatus.STOPPED,
}


@transaction.atomic
def decide(decision: Decision, *, adjustments: list[str], new_title: str, by) -> Decision:
    """Record `decision` (unsaved, with solution, round and the form's fields) and carry it out."""
    solution = Solution.objects.select_for_update().get(pk=decision.solution_id)
    kind = DecisionKind(decision.kind)
    if kind == DecisionKind.NEW:
        decision.new_solution = Solution.objects.create(
            challenge=solution.challenge,
            title=new_title.strip(),
            description=decision.rationale,
            owner=solution.owner,
            status=SolutionStatus.NOT_STARTED,
        )
    decision.save()
    follow_up_add(
        follow_up=FollowUp(
            date=decision.decided_on,
            status=STATUS_AFTER.get(kind, solution.status),
            happened=_("Decision: %(decision)s. %(rationale)s") % {"decision": kind.label, "rationale": decision.rationale},
        ),
        solution=solution,
        by=by,
    )
    if kind == DecisionKind.ADJUST:
        why = _("Decision to adjust “%(solution)s”") % {"solution": solution.title}
        Action.objects.bulk_create(
            Action(round=decision.round, what=line, why=why, owner=decision.decided_by, source=decision) for line in adjustments
        )
    return decision


# What a decision on the forløb puts in the action plan.
PROCESS_ACTIONS = {
    ProcessDecisionKind.NEW_ROUND: gettext_noop("Plan the next evaluation round"),
    ProcessDecisionKind.SPREAD: gettext_noop("Tell the other units about the method and offer them a process"),
    ProcessDecisionKind.HAND_OVER: gettext_noop("Hand the new ways of working over to daily operation"),
}


@transaction.atomic
def decide_process(decision: ProcessDecision) -> ProcessDecision:
    """Record the forløb's decision; its consequence becomes an action of the round."""
    decision.save()
    Action.objects.create(
        round=decision.round,
        what=_(PROCESS_ACTIONS[ProcessDecisionKind(decision.kind)]),
        why=_("Decision on the process: %(decision)s") % {"decision": decision.get_kind_display()},
        owner=decision.decided_by,
        source=decision,
    )
    return decision
