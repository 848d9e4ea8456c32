"""The search page's filter lists (units and years), read once per municipality and kept in the cache.

Reading them from 100,000 items costs more than the search itself, and they change only when
items do: `index.index`, `index.forget` and `collect.withdraw` drop them. They are read from the
items shared in the whole municipality, so that no reader sees the unit of an item kept inside a
forløb they may not see.
"""

from collections.abc import Iterable

from django.core.cache import cache

from samskab.bank.forms import item_years, unit_choices
from samskab.bank.models import BankItem

TIMEOUT = 600  # seconds: a safety net where several processes share no cache


def _key(organisation_id: int) -> str:
    return f"bank-facets:{organisation_id}"


def facets(organisation_id: int | None) -> tuple[list[tuple[str, str]], list[int]]:
    """The unit choices and the years of the municipality's shared items."""
    if organisation_id is None:
        return [], []
    found = cache.get(_key(organisation_id))
    if found is None:
        items = BankItem.objects.filter(organisation_id=organisation_id, listed=True, shared=True)
        found = (unit_choices(items, organisation_id), item_years(items))
        cache.set(_key(organisation_id), found, TIMEOUT)
    return found


def forget(organisation_ids: Iterable[int]) -> None:
    cache.delete_many([_key(organisation_id) for organisation_id in set(organisation_ids)])
