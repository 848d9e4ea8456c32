"""The test database as it stands after the session's set-up, put back after a flush.

Transactional tests (the browser tests, the live sockets) commit, and pytest-django empties
every table after each of them. Putting back a copy is much cheaper than loading the demo
again: SQLite's backup API copies the in-memory database whole (sequences included);
PostgreSQL gets every table's rows back through COPY, and its sequences set past them.
Measured: about 1 ms on SQLite and 90 ms on PostgreSQL, against 0.3-2 s for loading the demo.
"""

import sqlite3
import time

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import OperationalError, connection, transaction

SNAPSHOT = pytest.StashKey[tuple["Snapshot", object]]()  # in the config's stash: the snapshot, and the db blocker
MIGRATED = pytest.StashKey["MigratedRows"]()


class Snapshot:
    """Every table of the default database, taken once and restored as often as needed."""

    def __init__(self) -> None:
        self.copy: sqlite3.Connection | None = None
        self.tables: dict[str, bytes] = {}  # PostgreSQL: each table's rows in COPY's text format

    @classmethod
    def take(cls) -> "Snapshot":
        snapshot = cls()
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            snapshot.copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(snapshot.copy)
            return snapshot
        with connection.cursor() as cursor:
            for table in _tables():
                with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} TO STDOUT") as copy:
                    snapshot.tables[table] = b"".join(bytes(data) for data in copy)
        return snapshot

    def restore(self) -> None:
        connection.ensure_connection()
        if self.copy is not None:
            self.copy.backup(connection.connection)
        else:
            self._copy_rows_back()
        ContentType.objects.clear_cache()  # the flush made new content types; their ids are gone again

    def _copy_rows_back(self) -> None:
        style = no_style()
        with transaction.atomic(), connection.cursor() as cursor:
            for table in self.tables:  # DELETE: on these few rows, much cheaper than TRUNCATE
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
            for table, data in self.tables.items():
                if data:
                    with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} FROM STDIN") as copy:
                        copy.write(data)
            for statement in connection.ops.sequence_reset_sql(style, apps.get_models(include_auto_created=True)):
                cursor.execute(statement)


class MigratedRows:
    """The rows the migrations leave (content types, permissions), read before the demo is loaded.

    A test that uses the database but not the demo gets them back inside its own transaction:
    every table emptied, these rows inserted again. Its rollback brings the demo back.
    """

    def __init__(self) -> None:
        self.rows: dict[str, tuple[list[str], list[tuple]]] = {}
        with connection.cursor() as cursor:
            for table in self.tables():
                cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
                rows = cursor.fetchall()
                if rows:
                    self.rows[table] = ([column[0] for column in cursor.description], rows)
        self.filled = self.tables()  # until the demo is loaded: see note_filled

    def note_filled(self) -> None:
        """After the demo is loaded: the tables that hold rows in the state each test starts from.

        Only these need emptying; the others (about 40 of 90) are empty already. On PostgreSQL
        that halves put_back (each DELETE is a statement and its trigger set-up, rows or not).
        """
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            self.filled = []
            for table in self.tables():
                cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {quote(table)})")
                if cursor.fetchone()[0]:
                    self.filled.append(table)

    @staticmethod
    def tables() -> list[str]:
        # SQLite's sequences are a table, and change with the transaction: new rows are numbered
        # as in a database without the demo. PostgreSQL's sequences do not roll back: left alone.
        return _tables() + (["sqlite_sequence"] if connection.vendor == "sqlite" else [])

    def put_back(self) -> None:
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            for table in self.filled:
                cursor.execute(f"DELETE FROM {quote(table)}")
            for table, (columns, rows) in self.rows.items():
                names, marks = ", ".join(quote(column) for column in columns), ", ".join(["%s"] * len(columns))
                cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows)


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


def flush_by_delete(monkeypatch: pytest.MonkeyPatch) -> None:
    """PostgreSQL: pytest-django's flush after a transactional test deletes the rows instead of
    truncating the tables. TRUNCATE makes new files for each of the ~80 tables and their indexes
    (seconds); deleting the demo's few hundred rows takes milliseconds. Foreign keys are checked
    at commit (Django makes them DEFERRABLE INITIALLY DEFERRED), so the order does not matter."""
    if connection.vendor != "postgresql":
        return
    operations = type(connection.ops)
    truncate = operations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences:
            return truncate(self, style, tables, reset_sequences=True, allow_cascade=allow_cascade)
        return [f"DELETE FROM {self.quote_name(table)};" for table in tables]

    monkeypatch.setattr(operations, "sql_flush", sql_flush)


def flush_waits_for_the_live_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite: the flush after a browser test tries again while a table is locked.

    The live server answers in threads of its own on the same in-memory database (shared cache).
    A request the browser sent just before its tab closed can still be reading when the flush
    begins, and SQLite's shared cache then refuses the DELETE at once ("database table is
    locked"; a busy timeout does not apply to it). The flush is one transaction, so trying it
    again a moment later, once that request is answered, starts from the same state.
    """
    if connection.vendor != "sqlite":
        return
    operations = type(connection.ops)
    flush = operations.execute_sql_flush

    def execute_sql_flush(self, sql_list):
        for attempt in range(50):
            try:
                return flush(self, sql_list)
            except OperationalError as error:
                if "locked" not in str(error) or attempt == 49:
                    raise
                time.sleep(0.1)

    monkeypatch.setattr(operations, "execute_sql_flush", execute_sql_flush)
