"""Keeps the erfaringsbank's full-text index in step with its items.

Both databases index the same keys, made in Python (`words.keys`): the title, and the text with
the theme. SQLite holds them in the `bank_fts` FTS5 table; PostgreSQL in the item's
`search_vector`, made from them with the `simple` configuration (title weight A, text B).
Call `index` after items are created or changed (also after bulk_create), `forget` before
deleting them with a queryset (a cascade from the forløb leaves rows that match nothing).
`rebuild` indexes every item again (migration 0003 uses it).
"""

from collections.abc import Iterable

from django.db import connection

from samskab.bank import facets, words
from samskab.bank.models import BankItem

BATCH = 1000

# One statement per batch: the keys of each item as (id, title, text) rows.
POSTGRESQL_UPDATE = """
UPDATE bank_bankitem AS item
SET search_vector = setweight(to_tsvector('simple', row.title), 'A') || setweight(to_tsvector('simple', row.text), 'B')
FROM (VALUES {rows}) AS row (id, title, text)
WHERE item.id = row.id
"""


def index(items: Iterable[BankItem]) -> None:
    items = list(items)
    facets.forget(item.organisation_id for item in items)
    write(connection, [(item.pk, item.title, item.text, item.theme) for item in items])


def rebuild(items) -> None:
    """Index every item of `items` (a queryset, also of the migration's historical model) again."""
    rows = items.order_by("pk").values_list("pk", "title", "text", "theme")
    last = 0
    while batch := list(rows.filter(pk__gt=last)[:BATCH]):
        write(connection, batch)
        last = batch[-1][0]


def write(db, rows: list[tuple[int, str, str, str]]) -> None:
    """Write the keys of (id, title, text, theme) rows into the index of the database `db`."""
    for start in range(0, len(rows), BATCH):
        keyed = [(pk, words.keys(title), words.keys(f"{text} {theme}")) for pk, title, text, theme in rows[start : start + BATCH]]
        with db.cursor() as cursor:
            if db.vendor == "postgresql":
                sql = POSTGRESQL_UPDATE.format(rows=", ".join(["(%s::integer, %s::text, %s::text)"] * len(keyed)))
                cursor.execute(sql, [value for row in keyed for value in row])
            else:
                cursor.executemany("DELETE FROM bank_fts WHERE rowid = %s", [(pk,) for pk, _, _ in keyed])
                cursor.executemany("INSERT INTO bank_fts (rowid, title, text) VALUES (%s, %s, %s)", keyed)


def forget(ids: Iterable[int]) -> None:
    ids = list(ids)
    facets.forget(BankItem.objects.filter(pk__in=ids).values_list("organisation_id", flat=True).distinct())
    if connection.vendor == "postgresql":
        return  # the vector lives on the row itself
    with connection.cursor() as cursor:
        cursor.executemany("DELETE FROM bank_fts WHERE rowid = %s", [(pk,) for pk in ids])
