"""Reads of a round's decisions that several pages share (the decisions' pages, the round report
and the round's page)."""

from django.db.models import QuerySet

from samskab.decisions.models import Decision, ProcessDecision
from samskab.rounds.models import EvaluationRound


def decisions_of(evaluation_round: EvaluationRound) -> QuerySet[Decision]:
    """The round's decisions on solutions, with the solution and who decided."""
    return Decision.objects.filter(round=evaluation_round).select_related("solution", "decided_by__user")


def process_decision_of(evaluation_round: EvaluationRound) -> ProcessDecision | None:
    """The round's decision on the forløb, if it has been made, with who decided."""
    return ProcessDecision.objects.filter(round=evaluation_round).select_related("decided_by__user").first()
