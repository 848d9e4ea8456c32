"""URLs of the erfaringsbank's demo items (Børnehuset Solsikken), for the page registry."""

from collections.abc import Callable

from tests.pages.naming import reverse

from samskab.bank.models import BankItem


def item_url(name: str, kind: str = "laeringspunkt") -> Callable:
    """`name` reversed with the first demo item of `kind` from Børnehuset Solsikken."""

    def url(world) -> str:
        item = BankItem.objects.filter(process__unit__name="Børnehuset Solsikken", kind=kind).order_by("pk").first()
        return reverse(name, args=[item.pk])

    return url
