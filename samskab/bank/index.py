"""Keeps the erfaringsbank's full-text index in step with its items.

SQLite: the `bank_fts` FTS5 table holds each item's stemmed title and text (see `words.py`).
PostgreSQL: the item's `search_vector`, made by the database with its `danish` configuration.
Call `index` after items are created or changed (also after bulk_create), `forget` before
deleting them with a queryset (a cascade from the forløb leaves rows that match nothing).
"""

from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.db import connection

from samskab.bank import facets, words
from samskab.bank.models import BankItem

BATCH = 1000


def index(items: Iterable[BankItem]) -> None:
    items = list(items)
    facets.forget(item.organisation_id for item in items)
    for start in range(0, len(items), BATCH):
        batch = items[start : start + BATCH]
        if connection.vendor == "postgresql":
            BankItem.objects.filter(pk__in=[item.pk for item in batch]).update(search_vector=vector())
        else:
            _write_sqlite(batch)


def vector() -> SearchVector:
    """The item's words for PostgreSQL: the title counts more than the text and theme."""
    return SearchVector("title", weight="A", config="danish") + SearchVector("text", "theme", weight="B", config="danish")


def _write_sqlite(batch: list[BankItem]) -> None:
    with connection.cursor() as cursor:
        cursor.executemany("DELETE FROM bank_fts WHERE rowid = %s", [(item.pk,) for item in batch])
        cursor.executemany(
            "INSERT INTO bank_fts (rowid, title, text) VALUES (%s, %s, %s)",
            [(item.pk, words.stemmed(item.title), words.stemmed(f"{item.text} {item.theme}")) for item in batch],
        )


def forget(ids: Iterable[int]) -> None:
    ids = list(ids)
    facets.forget(BankItem.objects.filter(pk__in=ids).values_list("organisation_id", flat=True).distinct())
    if connection.vendor == "postgresql":
        return  # the vector lives on the row itself
    with connection.cursor() as cursor:
        cursor.executemany("DELETE FROM bank_fts WHERE rowid = %s", [(pk,) for pk in ids])
