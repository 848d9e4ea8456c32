"""Rundens beslutninger as a worklist: every solution that waits for the round's decision, with its evidence in brief.

The leader decides from here, one solution after another, without opening each solution's
analysis. Every solution of the forløb is on it (a stopped one may still be replaced by a new
one), except the drafts that the round's own "new solution" decisions made.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from samskab.decisions.models import Decision
from samskab.processes.models import Challenge, FollowUp, Indicator, MeasurementPhase
from samskab.rounds.models import EvaluationRound


@dataclass
class Measured:
    indicator: str
    before: Decimal | None
    after: Decimal | None


@dataclass
class WorkItem:
    solution: object
    decision: Decision | None
    last_follow_up: FollowUp | None
    measured: list[Measured]


@dataclass
class ChallengeItems:
    challenge: Challenge
    items: list[WorkItem] = field(default_factory=list)


@dataclass
class Worklist:
    challenges: list[ChallengeItems]

    @property
    def items(self) -> list[WorkItem]:
        return [item for group in self.challenges for item in group.items]

    @property
    def decided(self) -> int:
        return sum(1 for item in self.items if item.decision is not None)

    @property
    def total(self) -> int:
        return len(self.items)


def _measured(indicator: Indicator) -> Measured:
    latest = {}
    for measurement in indicator.measurements.all():  # ordered by date: the newest of each phase wins
        latest[measurement.phase] = measurement.value
    return Measured(str(indicator), latest.get(MeasurementPhase.BEFORE), latest.get(MeasurementPhase.AFTER))


def worklist(evaluation_round: EvaluationRound) -> Worklist:
    decisions = {
        decision.solution_id: decision
        for decision in Decision.objects.filter(round=evaluation_round).select_related("decided_by__user", "new_solution")
    }
    drafted = {decision.new_solution_id for decision in decisions.values() if decision.new_solution_id}
    challenges = (
        Challenge.objects.filter(process=evaluation_round.process)
        .order_by("pk")
        .prefetch_related(
            "solutions__indicators__measurements",
            Prefetch("solutions__follow_ups", queryset=FollowUp.objects.order_by("-date", "-pk"), to_attr="newest_first"),
        )
    )
    groups = []
    for challenge in challenges:
        group = ChallengeItems(challenge)
        for solution in challenge.solutions.all():
            decision = decisions.get(solution.pk)
            if solution.pk in drafted:
                continue
            follow_ups = solution.newest_first
            group.items.append(
                WorkItem(
                    solution=solution,
                    decision=decision,
                    last_follow_up=follow_ups[0] if follow_ups else None,
                    measured=[_measured(indicator) for indicator in solution.indicators.all()],
                )
            )
        if group.items:
            groups.append(group)
    return Worklist(groups)
