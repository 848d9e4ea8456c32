"""Reads of the anchoring check that several pages share."""

from samskab.anchoring.models import AnchoringCheck
from samskab.rounds.models import EvaluationRound


def check_of(evaluation_round: EvaluationRound) -> AnchoringCheck | None:
    """The round's anchoring check, if it has one yet."""
    return AnchoringCheck.objects.filter(round=evaluation_round).first()
