"""Searching the erfaringsbank: who sees which items, and the database's own full-text search.

Both databases index the same keys, made in Python (`words.py`: folded, stemmed), and are asked
the same question: SQLite in its `bank_fts` table (ranked with bm25), PostgreSQL in `search_vector`
(the `simple` configuration over those keys, ranked with ts_rank). An item is found by any of the
words searched for; items with more of them come first. A word of four letters or more also finds
the longer words it begins (`forældre` finds "forældrebestyrelsen"); a long word that is not a
word of the reader's bank is also looked for by its parts (`vagtplanlægning` by "vagtplan" and
"lægning"). `-word` and `NOT word` leave out the items that have it. Hits are marked in Python.
"""

from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import date

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, transaction
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils.translation import gettext as _

from samskab.bank import words
from samskab.bank.models import BankItem
from samskab.organisations.access import is_top, scope_for
from samskab.processes.access import visible_processes

MAX_LENGTH = 200  # characters of search text
MAX_TERMS = 10  # words searched for or left out
LONG_WORD = 8  # letters: a word this long that the bank does not hold may be a compound
LOOKUPS = 30  # at most this many look-ups for compound parts per search
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
    terms: list[words.Term] = field(default_factory=list)  # what is marked in the items
    more: bool = False
    split: list[words.Wanted] = field(default_factory=list)  # words looked for by their parts
    left_out: list[str] = field(default_factory=list)  # words whose items are left out


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


def read(text: str) -> words.Query:
    """The search text read (see `words.read`). Raises Unsearchable when it gives nothing to search for."""
    if len(text) > MAX_LENGTH:
        raise Unsearchable(
            _("The search text can be at most %(max)d characters. Shorten it to the most telling words.")
            % {"max": MAX_LENGTH}
        )
    query = words.read(text, most=MAX_TERMS)
    if query.small_words_only:
        raise Unsearchable(_("The search only has common small words such as “og” and “at”. Add a more telling word."))
    if not query.wanted and query.unwanted:
        raise Unsearchable(
            _("Write at least one word to search for. Words after a minus or NOT are only left out of the results.")
        )
    if not query.wanted:
        raise Unsearchable(_("Write at least one word to search for."))
    return query


def search(user, text: str, filters: Filters, *, offset: int = 0, limit: int = 20) -> Results:
    """One page of items matching `text` (best first), or the newest items when `text` is blank."""
    items = filtered(items_for(user), filters).select_related("unit", "process", "round")
    text = text.strip()
    if not text:
        return Results(items=list(items[offset : offset + limit]), **_count(items))
    query = read(text)
    database = PostgreSQL if connection.vendor == "postgresql" else SQLite
    _split_compounds(database, items_for(user), query)
    candidates = filtered(items_for(user), filters)
    with database.planned():
        ranked = _ranked(database, candidates, query, offset, limit)
        if 0 < len(ranked) < limit:
            counted = {"total": offset + len(ranked)}
        else:
            counted = _count(database.matching(candidates, query))
    found = items.in_bulk(ranked)
    page = [found[pk] for pk in ranked if pk in found]
    terms = query.terms()
    for item in page:
        item.marked_title = words.highlight(item.title, terms)
        item.marked_text = words.highlight(item.text, terms)
    split = [wanted for wanted in query.wanted if wanted.parts]
    left_out = [wanted.word for wanted in query.unwanted]
    return Results(items=page, terms=terms, split=split, left_out=left_out, **counted)


def _ranked(database, items: QuerySet[BankItem], query: words.Query, offset: int, limit: int) -> list[int]:
    """The ids of one page of matches, best first.

    Items with every word come first: when they fill the page, it is read from them alone, which
    spares ranking every item with any of the words (the page is the same). The matches are ranked
    by id alone and the page's items read after: sorting every match with all its columns costs
    more than the search itself.
    """
    if len(query.wanted) > 1:
        ids = list(database.matching(items, query, every=True).values_list("pk", flat=True)[offset : offset + limit])
        if len(ids) == limit:
            return ids
    return list(database.matching(items, query).values_list("pk", flat=True)[offset : offset + limit])


def _count(items: QuerySet[BankItem]) -> dict:
    """How many items there are, counting no further than COUNT_LIMIT."""
    total = items.order_by().values("pk")[: COUNT_LIMIT + 1].count()
    return {"total": min(total, COUNT_LIMIT), "more": total > COUNT_LIMIT}


def _split_compounds(database, visible: QuerySet[BankItem], query: words.Query) -> None:
    """A long word that is not a word of any item the reader may find is also looked for by its parts.

    The head is the longest beginning of the word that is a word of the bank ("vagtplan" of
    "vagtplanlægning"); the rest comes along when it is a word of the bank too. Each look-up is
    for one exact key: PostgreSQL reads a prefix look-up with LIMIT 1 by scanning every item.
    """
    lookups = LOOKUPS
    for wanted in query.wanted:
        if wanted.starred or len(wanted.word) < LONG_WORD or database.finds(visible, [words.Term(words.key(wanted.word))]):
            continue
        for head, rests in words.splits(wanted.word):
            if lookups <= 0:
                return
            lookups -= 1
            if database.finds(visible, [words.Term(words.key(head))]):
                rest = next((rest for rest in rests if database.finds(visible, [words.Term(words.key(rest))])), "")
                wanted.parts = (head, rest) if rest else (head,)
                break


def _counted(expression, wanted: list[words.Wanted], both: str) -> list[str]:
    """Expressions whose hits, summed, order the items found as the number of words they have.

    One per word; for two words only whether an item has both (it has at least one): the same
    order from half the work.
    """
    each = [expression(word.terms()) for word in wanted]
    if len(each) == 2:
        return [both.join(f"({one})" for one in each)]
    return each


class SQLite:
    """FTS5 in the `bank_fts` table: each key quoted, so it is read as a plain word, never as syntax."""

    planned = staticmethod(nullcontext)

    @staticmethod
    def expression(terms: list[words.Term]) -> str:
        return " OR ".join(f'"{term.key}"*' if term.prefix else f'"{term.key}"' for term in terms)

    @classmethod
    def any_of(cls, wanted: list[words.Wanted], joined_by: str = " OR ") -> str:
        return joined_by.join(f"({cls.expression(word.terms())})" for word in wanted)

    @staticmethod
    def joined(items: QuerySet[BankItem], match: str) -> QuerySet[BankItem]:
        # The unary + keeps the join from reaching bank_fts by rowid: SQLite must then read the
        # matches from the full-text index and look each item up by its id. Without it the count
        # (no ORDER BY bm25) walks every item of the municipality and runs the MATCH once per item,
        # which a municipality's 100,000 items turn from a blink into many seconds (bench/bench_bank.py).
        where = ["+bank_fts.rowid = bank_bankitem.id", "bank_fts MATCH %s"]
        return items.extra(tables=["bank_fts"], where=where, params=[match])

    @classmethod
    def finds(cls, items: QuerySet[BankItem], terms: list[words.Term]) -> bool:
        return cls.joined(items, cls.expression(terms)).exists()

    @classmethod
    def matching(cls, items: QuerySet[BankItem], query: words.Query, every: bool = False) -> QuerySet[BankItem]:
        """The items with any of the words, most words first; with `every`, only those with all of them."""
        match = cls.any_of(query.wanted, " AND " if every else " OR ")
        if query.unwanted:
            match = f"({match}) NOT ({cls.any_of(query.unwanted)})"
        # bm25 is the same for an item whether the words are joined by AND or OR.
        select, params, order = {"rank": "bm25(bank_fts, 3.0, 1.0)"}, [], ["rank", "-date", "-id"]
        if len(query.wanted) > 1 and not every:
            # How many of the words an item has: each word's matches are read once into a temporary index.
            params = [f"({expression})" for expression in _counted(cls.expression, query.wanted, " AND ")]
            has = "(bank_bankitem.id IN (SELECT rowid FROM bank_fts WHERE bank_fts MATCH %s))"
            select = {"words": " + ".join([has] * len(params)), **select}
            order = ["-words", *order]
        return cls.joined(items, match).extra(select=select, select_params=params, order_by=order)


class PostgreSQL:
    """`search_vector` (GIN index) asked with to_tsquery over the same keys, each quoted."""

    @staticmethod
    def expression(terms: list[words.Term]) -> str:
        # Asking for the exact key too (so that exact hits rank higher) made two words twice as slow.
        return " | ".join(f"'{term.key}':*" if term.prefix else f"'{term.key}'" for term in terms)

    @classmethod
    def any_of(cls, wanted: list[words.Wanted], joined_by: str = " | ") -> str:
        return joined_by.join(f"({cls.expression(word.terms())})" for word in wanted)

    @staticmethod
    @contextmanager
    def planned():
        """Reads the matches from the GIN index, never by testing every item.

        PostgreSQL's planner prices a prefix ('moed':*) in the GIN index high and testing each row
        low, and so chooses a parallel scan of all items, which is slower than the index for a
        common word among a municipality's items (bench/bench_bank.py).
        """
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('enable_seqscan')")
            [before] = cursor.fetchone()
            cursor.execute("SET LOCAL enable_seqscan = off")
            yield
            # Only for the search: inside an outer transaction SET LOCAL would outlast this block.
            cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [before])

    @staticmethod
    def query(text: str) -> SearchQuery:
        return SearchQuery(text, config="simple", search_type="raw")

    @classmethod
    def finds(cls, items: QuerySet[BankItem], terms: list[words.Term]) -> bool:
        return items.filter(search_vector=cls.query(cls.expression(terms))).exists()

    @classmethod
    def matching(cls, items: QuerySet[BankItem], query: words.Query, every: bool = False) -> QuerySet[BankItem]:
        """The items with any of the words, most words first; with `every`, only those with all of them."""
        match, ranked_by = cls.any_of(query.wanted, " & " if every else " | "), cls.any_of(query.wanted)
        if query.unwanted:
            leave_out = f" & !({cls.any_of(query.unwanted)})"
            match, ranked_by = f"({match}){leave_out}", f"({ranked_by}){leave_out}"
        # Ranked by the words joined by OR either way: ts_rank reads & and | differently.
        items = items.filter(search_vector=cls.query(match))
        items = items.annotate(rank=SearchRank(F("search_vector"), cls.query(ranked_by)))
        order = ["-rank", "-date", "-pk"]
        if len(query.wanted) > 1 and not every:
            has = [
                Case(When(search_vector=cls.query(f"({expression})"), then=Value(1)), default=Value(0), output_field=IntegerField())
                for expression in _counted(cls.expression, query.wanted, " & ")
            ]
            items = items.annotate(words=sum(has[1:], has[0]))
            order = ["-words", *order]
        return items.order_by(*order)
