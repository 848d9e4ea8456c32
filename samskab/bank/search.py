"""Searching the erfaringsbank: who sees which items, and the database's own full-text search.

Both databases get the same words: the user's text without the small words (`words.py`).
SQLite matches their stems in the `bank_fts` table and ranks with bm25; PostgreSQL matches
them with its `danish` configuration and ranks with ts_rank. Hits are marked in Python.
"""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext as _

from samskab.bank import words
from samskab.bank.models import BankItem
from samskab.organisations.access import is_top, scope_for
from samskab.processes.access import visible_processes

MAX_LENGTH = 200  # characters of search text
MAX_TERMS = 10
# Counting every match of a common word cost as much as ranking them: above this, the page says
# "more than 1,000" (bench/bench_bank.py).
COUNT_LIMIT = 1000


class Unsearchable(Exception):
    """The text cannot be searched for; the message says why, in the user's language."""


@dataclass
class Filters:
    unit_path: str = ""  # a unit's path: that unit and the units below
    theme: str = ""  # a theme key
    kind: str = ""
    decision: str = ""
    year: int | None = None


@dataclass
class Results:
    items: list[BankItem]
    total: int  # at most COUNT_LIMIT; `more` says there are more
    terms: list[str] = field(default_factory=list)
    more: bool = False


def items_for(user) -> QuerySet[BankItem]:
    """The items `user` may find: shared in their municipality, or from a forløb they may see."""
    scope = scope_for(user)
    if scope.organisation_id is None:
        return BankItem.objects.none()
    items = BankItem.objects.filter(organisation_id=scope.organisation_id, listed=True)
    if any(is_top(path) for path in scope.paths() + scope.med_paths):
        return items  # they see every forløb of the municipality: no item is kept from them
    return items.filter(Q(shared=True) | Q(process__in=visible_processes(user)))


def filtered(items: QuerySet[BankItem], filters: Filters) -> QuerySet[BankItem]:
    if filters.unit_path:
        items = items.filter(unit_path__startswith=filters.unit_path)
    if filters.theme:
        items = items.filter(theme_key=filters.theme)
    if filters.kind:
        items = items.filter(kind=filters.kind)
    if filters.decision:
        items = items.filter(decision=filters.decision)
    if filters.year:
        items = items.filter(date__gte=date(filters.year, 1, 1), date__lte=date(filters.year, 12, 31))
    return items


def terms_of(text: str) -> dict[str, str]:
    """The words to search for, by stem. Raises Unsearchable when the text gives nothing to search for."""
    if len(text) > MAX_LENGTH:
        raise Unsearchable(
            _("The search text can be at most %(max)d characters. Shorten it to the most telling words.")
            % {"max": MAX_LENGTH}
        )
    if not words.words(text):
        raise Unsearchable(_("Write at least one word to search for."))
    terms = words.search_words(text)
    if not terms:
        raise Unsearchable(_("The search only has common small words such as “og” and “at”. Add a more telling word."))
    return dict(list(terms.items())[:MAX_TERMS])


def search(user, text: str, filters: Filters, *, offset: int = 0, limit: int = 20) -> Results:
    """One page of items matching `text` (best first), or the newest items when `text` is blank."""
    items = filtered(items_for(user), filters).select_related("unit", "process", "round")
    text = text.strip()
    if not text:
        return Results(items=list(items[offset : offset + limit]), **_count(items))
    terms = terms_of(text)
    if connection.vendor == "postgresql":
        matching = _matching_postgresql(filtered(items_for(user), filters), list(terms.values()))
    else:
        matching = _matching_sqlite(filtered(items_for(user), filters), list(terms))
    # Rank the matches by id alone, then read the page's items: sorting every match with all its
    # columns cost more than the search itself.
    ranked = list(matching.values_list("pk", flat=True)[offset : offset + limit])
    counted = {"total": offset + len(ranked)} if 0 < len(ranked) < limit else _count(matching)
    found = items.in_bulk(ranked)
    page = [found[pk] for pk in ranked if pk in found]
    terms = list(terms)
    for item in page:
        item.marked_title = words.highlight(item.title, terms)
        item.marked_text = words.highlight(item.text, terms)
    return Results(items=page, terms=terms, **counted)


def _count(items: QuerySet[BankItem]) -> dict:
    """How many items there are, counting no further than COUNT_LIMIT."""
    total = items.order_by().values("pk")[: COUNT_LIMIT + 1].count()
    return {"total": min(total, COUNT_LIMIT), "more": total > COUNT_LIMIT}


def _matching_sqlite(items: QuerySet[BankItem], stems: list[str]) -> QuerySet[BankItem]:
    # Each stem is quoted: FTS5 then reads it as a plain word, never as an operator or syntax.
    match = " ".join(f'"{stem}"' for stem in stems)
    # The unary + keeps the join from reaching bank_fts by rowid: SQLite must then read the
    # matches from the full-text index and look each item up by its id. Without it the count
    # (no ORDER BY bm25) walked every item of the municipality and ran the MATCH once per item:
    # 11-48 s instead of 0.05 s with 100,000 items (bench/bench_bank.py).
    return items.extra(
        tables=["bank_fts"],
        where=["+bank_fts.rowid = bank_bankitem.id", "bank_fts MATCH %s"],
        params=[match],
        select={"rank": "bm25(bank_fts, 3.0, 1.0)"},
        order_by=["rank", "-date"],
    )


def _matching_postgresql(items: QuerySet[BankItem], query_words: list[str]) -> QuerySet[BankItem]:
    # plainto_tsquery: PostgreSQL stems the words with its danish configuration; no syntax is read.
    query = SearchQuery(" ".join(query_words), config="danish", search_type="plain")
    return items.filter(search_vector=query).annotate(rank=SearchRank(F("search_vector"), query)).order_by("-rank", "-date")
