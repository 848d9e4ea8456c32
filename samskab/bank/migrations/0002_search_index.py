"""The erfaringsbank's full-text index: an FTS5 table on SQLite, a GIN index on PostgreSQL."""

from django.db import migrations

SQLITE = [
    # Holds the stemmed title and text of each item; rowid is the item's id (see bank/index.py).
    "CREATE VIRTUAL TABLE bank_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 0')",
]
SQLITE_UNDO = ["DROP TABLE IF EXISTS bank_fts"]
POSTGRESQL = ["CREATE INDEX bank_item_search ON bank_bankitem USING gin (search_vector)"]
POSTGRESQL_UNDO = ["DROP INDEX IF EXISTS bank_item_search"]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("bank", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            run({"sqlite": SQLITE_UNDO, "postgresql": POSTGRESQL_UNDO}),
        )
    ]
