"""Keeps the erfaringsbank in step with the rest of the app, and shows a solution's page the item it came from."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from samskab.bank import collect, index
from samskab.bank.models import BankItem
from samskab.bank.search import items_for
from samskab.processes.signals import solution_shown
from samskab.workshops.signals import minutes_approved, minutes_reopened


@receiver(post_save, sender=BankItem)
def keep_index(sender, instance: BankItem, raw: bool = False, **kwargs) -> None:
    """A saved item is indexed again (on PostgreSQL, saving the row writes its old vector back)."""
    if not raw:
        index.index([instance])


@receiver(minutes_approved, dispatch_uid="bank_collect")
def take_in(sender, evaluation_round, **kwargs) -> None:
    """An approved referat puts its reusable lessons, decided solutions and transfer cards in the bank."""
    collect.collect(evaluation_round)


@receiver(minutes_reopened, dispatch_uid="bank_withdraw")
def take_out(sender, evaluation_round, **kwargs) -> None:
    """A referat that is a draft again takes its items out of the bank until it is approved again."""
    collect.withdraw(evaluation_round)


@receiver(solution_shown, dispatch_uid="bank_origin")
def origin(sender, solution, user, **kwargs) -> dict:
    """"Brug hos os": the erfaringsbank item the solution was copied from, where the reader may find it."""
    return {"bank_origin": items_for(user).filter(adoptions__solution=solution).select_related("unit").first()}
