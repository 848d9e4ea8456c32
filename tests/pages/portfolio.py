"""The municipality's portfolio in the page registry."""

from collections.abc import Callable

from tests.pages.naming import reverse
from tests.pages.page import Page, World

from samskab.organisations.models import Unit


def _portfolio(name: str) -> Callable[[World], str]:
    """The portfolio (or its download) narrowed to the demo municipality's top unit."""

    def url(world: World) -> str:
        top = Unit.objects.get(organisation=world.organisation, parent__isnull=True)
        return f"{reverse(name)}?enhed={top.pk}"

    return url


PAGES: list[Page] = [
    # The municipality's portfolio: central konsulenter and the MED-hovedudvalg (no demo persona sits in
    # it; tests/test_portfolio.py covers a member). Everybody else 404. Opened filtered on Demo Kommune's
    # top unit: to nabo, central konsulent of Nabo Kommune, that unit does not exist (404).
    Page("portfolio", _portfolio("portfolio"), audience=frozenset({"central"}), seen_by=frozenset()),
    Page("portfolio_xlsx", _portfolio("portfolio_xlsx"), audience=frozenset({"central"}), seen_by=frozenset(), html=False),
]
