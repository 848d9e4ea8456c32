"""Reads of rounds and actions that several apps share."""

from django.contrib.contenttypes.models import ContentType
from django.db import models

from samskab.rounds.models import Action


def actions_from(source: models.Model) -> "models.QuerySet[Action]":
    """The actions that `source` put in a plan."""
    return Action.objects.filter(source_type=ContentType.objects.get_for_model(source), source_id=source.pk)
