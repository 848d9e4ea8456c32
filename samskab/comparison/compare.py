"""Two evaluation rounds of a forløb side by side: statuses, decisions, actions and the anchoring check.

A solution's status "in" a round is the status of its newest follow-up up to the round's end (its
closing day, or today for the open round; for the earlier round at the latest the day before the
later round opened), so an earlier round shows what was true then.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

from samskab.actionplan.plan import round_plan
from samskab.anchoring import scores as anchoring
from samskab.anchoring.queries import check_of
from samskab.decisions.models import Decision
from samskab.processes.models import FollowUp, Solution, SolutionStatus
from samskab.rounds.models import ActionStatus, EvaluationRound


@dataclass
class SolutionRow:
    solution: Solution
    status_a: SolutionStatus | None
    status_b: SolutionStatus | None
    decisions_a: list = field(default_factory=list)
    decisions_b: list = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.status_a != self.status_b


@dataclass
class ActionCounts:
    total: int
    done: int
    dropped: int


def round_end(evaluation_round: EvaluationRound) -> date:
    return evaluation_round.closed_on or timezone.localdate()


def _statuses_at(solutions: list[Solution], day: date) -> dict[int, SolutionStatus]:
    statuses = {}
    follow_ups = FollowUp.objects.filter(solution__in=solutions, date__lte=day).order_by("solution_id", "date", "pk")
    for solution_id, status in follow_ups.values_list("solution_id", "status"):
        statuses[solution_id] = SolutionStatus(status)  # the newest comes last
    return statuses


def _actions(evaluation_round: EvaluationRound, seen_by) -> ActionCounts:
    """The actions of the round's plan as its page lists them: its own and those carried over."""
    statuses = [action.status for action in round_plan(evaluation_round, seen_by=seen_by)]
    return ActionCounts(
        total=len(statuses),
        done=statuses.count(ActionStatus.DONE),
        dropped=statuses.count(ActionStatus.DROPPED),
    )


def compare(first: EvaluationRound, second: EvaluationRound, *, seen_by) -> dict:
    """The comparison of `first` (the earlier) and `second`, as plain data for the page of `seen_by`."""
    solutions = list(
        Solution.objects.filter(challenge__process_id=first.process_id).select_related("challenge").order_by("challenge__priority", "challenge_id", "pk")
    )
    # The earlier round ends, at the latest, the day before the later one opened: starting a round
    # closes the one before on the same day, and that day's follow-ups belong to the new round.
    at_a = _statuses_at(solutions, min(round_end(first), second.opened_on - timedelta(days=1)))
    at_b = _statuses_at(solutions, round_end(second))
    decisions = Decision.objects.filter(round__in=[first, second]).order_by("decided_on", "pk")
    rows = {solution.pk: SolutionRow(solution, at_a.get(solution.pk), at_b.get(solution.pk)) for solution in solutions}
    for decision in decisions:
        row = rows.get(decision.solution_id)
        if row is not None:
            (row.decisions_a if decision.round_id == first.pk else row.decisions_b).append(decision)
    check_a = check_of(first)
    check_b = check_of(second)
    return {
        "solutions": list(rows.values()),
        "changed": sum(1 for row in rows.values() if row.changed),
        "actions_a": _actions(first, seen_by),
        "actions_b": _actions(second, seen_by),
        "anchoring": anchoring.rows(check_b, check_a) if check_a or check_b else [],
    }
