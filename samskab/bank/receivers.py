"""Keeps the erfaringsbank in step with the rest of the app."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from samskab.bank import index
from samskab.bank.models import BankItem


@receiver(post_save, sender=BankItem)
def keep_index(sender, instance: BankItem, raw: bool = False, **kwargs) -> None:
    """A saved item is indexed again (on PostgreSQL, saving the row writes its old vector back)."""
    if not raw:
        index.index([instance])
