"""How far a round has come with each part of step 6, for its page: one line per part instead of a block each.

It reads from every app of the round (the workshop and its referat, decisions, the anchoring check,
the action plan, the communication plan, the round report), which is why it sits in the top layer.
"""

from dataclasses import dataclass

from django.db.models import Max

from samskab.actionplan.plan import FINISHED, round_plan
from samskab.anchoring.queries import check_of
from samskab.communication.models import CommunicationRow
from samskab.decisions.models import Decision, ProcessDecision
from samskab.decisions.queries import process_decision_of
from samskab.processes.models import Solution
from samskab.rounds.models import EvaluationRound
from samskab.workshops.models import MinutesVersion, Workshop
from samskab.workshops.queries import workshop_of
from samskab.workshops.template import ANCHORING_STATEMENTS


@dataclass
class RoundProgress:
    workshop: Workshop | None
    minutes_version: int | None  # the last approved version of the referat
    solutions: int
    decided: int
    process_decision: ProcessDecision | None
    statements: int
    scored: int
    actions: int
    actions_finished: int
    messages: int
    report_version: int | None

    @property
    def all_decided(self) -> bool:
        return self.solutions > 0 and self.decided == self.solutions and self.process_decision is not None


def round_progress(evaluation_round: EvaluationRound, *, seen_by) -> RoundProgress:
    workshop = workshop_of(evaluation_round)
    minutes_version = None
    if workshop is not None:
        minutes_version = MinutesVersion.objects.filter(minutes__workshop=workshop).aggregate(last=Max("number"))["last"]
    decisions = Decision.objects.filter(round=evaluation_round)
    drafts = decisions.exclude(new_solution=None).values("new_solution")
    check = check_of(evaluation_round)
    plan = round_plan(evaluation_round, seen_by=seen_by)
    report = getattr(evaluation_round, "report", None)
    return RoundProgress(
        workshop=workshop,
        minutes_version=minutes_version,
        solutions=Solution.objects.filter(challenge__process_id=evaluation_round.process_id).exclude(pk__in=drafts).count(),
        decided=decisions.count(),
        process_decision=process_decision_of(evaluation_round),
        statements=len(ANCHORING_STATEMENTS),
        scored=check.scores.exclude(average=None).count() if check else 0,
        actions=len(plan),
        actions_finished=sum(1 for action in plan if action.status in FINISHED),
        messages=CommunicationRow.objects.filter(round=evaluation_round).count(),
        report_version=report.versions.aggregate(last=Max("number"))["last"] if report else None,
    )
