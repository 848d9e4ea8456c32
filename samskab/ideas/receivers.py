"""Keeps the list of ideas in step with referater and forløb decisions (see collect.py)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from samskab.decisions.models import ProcessDecision
from samskab.ideas import collect
from samskab.workshops.models import Card
from samskab.workshops.signals import minutes_approved, minutes_reopened


@receiver(minutes_approved, dispatch_uid="ideas_minutes_approved")
def on_minutes_approved(sender, evaluation_round, **kwargs) -> None:
    collect.collect_round(evaluation_round)


@receiver(minutes_reopened, dispatch_uid="ideas_minutes_reopened")
def on_minutes_reopened(sender, evaluation_round, **kwargs) -> None:
    collect.withdraw_round(evaluation_round)


@receiver(post_save, sender=ProcessDecision, dispatch_uid="ideas_process_decision_saved")
def on_process_decision_saved(sender, instance: ProcessDecision, raw: bool = False, **kwargs) -> None:
    if not raw:
        collect.collect_decision(instance)


@receiver(post_delete, sender=ProcessDecision, dispatch_uid="ideas_process_decision_deleted")
def on_process_decision_deleted(sender, instance: ProcessDecision, **kwargs) -> None:
    collect.source_deleted(ProcessDecision, instance.pk)


@receiver(post_delete, sender=Card, dispatch_uid="ideas_card_deleted")
def on_card_deleted(sender, instance: Card, **kwargs) -> None:
    collect.source_deleted(Card, instance.pk)
