"""Reads of workshops that several pages and apps share."""

from samskab.rounds.models import EvaluationRound
from samskab.workshops.models import Workshop


def workshop_of(evaluation_round: EvaluationRound) -> Workshop | None:
    """The round's evaluation workshop, if one has been made."""
    return Workshop.objects.filter(round=evaluation_round).first()
