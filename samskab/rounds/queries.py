"""Reads of rounds and actions that several apps share."""

from django.contrib.contenttypes.models import ContentType
from django.db import models

from samskab.rounds.models import Action, EvaluationRound, RoundStatus


def actions_from(source: models.Model) -> "models.QuerySet[Action]":
    """The actions that `source` put in a plan."""
    return Action.objects.filter(source_type=ContentType.objects.get_for_model(source), source_id=source.pk)


def open_round(process) -> EvaluationRound | None:
    """The forløb's open round, where its decisions and new actions are made (None between rounds)."""
    return process.rounds.filter(status=RoundStatus.OPEN).first()
