"""The erfaringsbank's pages of the page registry, and the URLs of its demo items (Børnehuset Solsikken)."""

from collections.abc import Callable

from tests.pages.naming import reverse
from tests.pages.page import IN_DEMO_KOMMUNE, LOGGED_IN, Page

from samskab.bank.models import BankItem


def item_url(name: str, kind: str = "laeringspunkt") -> Callable:
    """`name` reversed with the first demo item of `kind` from Børnehuset Solsikken."""

    def url(world) -> str:
        item = BankItem.objects.filter(process__unit__name="Børnehuset Solsikken", kind=kind).order_by("pk").first()
        return reverse(name, args=[item.pk])

    return url


PAGES: list[Page] = [
    # Everybody searches their own municipality's bank and opens its shared items (Demo Kommune's are
    # from Børnehuset Solsikken). Only editors of that forløb (the central konsulent) share or keep an
    # item inside it; "Brug hos os" is for those who edit a forløb of their own.
    Page("bank_search", lambda w: reverse("bank:bank_search"), audience=LOGGED_IN),
    Page("bank_search:found", lambda w: reverse("bank:bank_search") + "?q=dokumentationen&kind=laeringspunkt", audience=LOGGED_IN),
    # Only small words: the Danish message (GET form: tests/test_bank_pages.py reads it over HTTP).
    Page("bank_search:unsearchable", lambda w: reverse("bank:bank_search") + "?q=og+at", audience=LOGGED_IN),
    # A word the bank lacks searched by its parts, and a word left out: the notes above the results.
    Page("bank_search:parts", lambda w: reverse("bank:bank_search") + "?q=budgetindk%C3%B8b+-dokumentation", audience=LOGGED_IN),
    Page("bank_item", item_url("bank_item"), audience=IN_DEMO_KOMMUNE),
    Page("bank_item:solution", item_url("bank_item", "loesning"), audience=IN_DEMO_KOMMUNE),
    Page(
        "bank_share",
        item_url("bank_share"),
        audience=frozenset({"central"}),
        seen_by=IN_DEMO_KOMMUNE,
        method="POST",
        ok=302,
    ),
    Page(
        "bank_adopt",
        item_url("bank_adopt"),
        audience=frozenset({"konsulent", "leder", "central", "leder-syd"}),
        seen_by=IN_DEMO_KOMMUNE,
    ),
    Page(
        "bank_adopt:post",
        item_url("bank_adopt"),
        audience=frozenset({"konsulent", "leder", "central", "leder-syd"}),
        seen_by=IN_DEMO_KOMMUNE,
        method="POST",
        invalid={"process": ""},
    ),
]
