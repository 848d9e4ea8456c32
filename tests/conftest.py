"""Shared fixtures: the demo municipality and its personas.

Demo Kommune is loaded once per test session (per xdist worker), when the test database is
made. Each test runs inside its own transaction, rolled back afterwards, so a test may change
the demo freely and need not clean up. A test that uses the database without the `demo`
fixture (or `personas`, `client_as`) finds it as the migrations leave it: the demo's rows are
deleted inside its transaction. After a transactional test (browser tests, live sockets), whose
commits pytest-django flushes away, the database is put back from a snapshot (tests/snapshot.py).
Outside the database, each test starts with an empty cache and a new live hub.

Personas (see samskab/demo/kommune.py): konsulent (facilitator), leder, medarbejder, tr, amr
(participants), med (MED member, not taking part), central (central konsulent), leder-syd
(leader of the second unit), nabo (another municipality: sees nothing of Demo Kommune).
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client

from samskab.accounts.models import User
from samskab.demo import kommune as demo_data
from samskab.processes.models import Process
from samskab.workshops import live
from tests import migrated
from tests.signed_in import signed_in_client
from tests.snapshot import MIGRATED, SNAPSHOT, MigratedRows, Snapshot, flush_by_delete, flush_waits_for_the_live_server


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Each worker's test database is not migrated again but copied (tests/migrated.py).

    SQLite: Django makes the tables from the models (MIGRATE False), and django_db_setup below
    replaces the whole database with the migrated file: the same tables, plus what only the
    migrations make (the search index, its triggers) and the migration records. PostgreSQL: the
    test database is created from the migrated template, where Django finds every table made.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    test = database.setdefault("TEST", {})
    if database["ENGINE"] == "django.db.backends.sqlite3":
        migrated.template()
        test["MIGRATE"] = False
    elif database["ENGINE"] == "django.db.backends.postgresql":
        test["TEMPLATE"] = migrated.postgres_template(database)
        test["MIGRATE"] = False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """pytest-django's test database, migrated, with Demo Kommune loaded once, and its snapshot."""
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            migrated.load_into(connection.connection)
            ContentType.objects.clear_cache()
        request.config.stash[MIGRATED] = migrated_rows = MigratedRows()
        demo_data.load()
        migrated_rows.note_filled()
        request.config.stash[SNAPSHOT] = (Snapshot.take(), django_db_blocker)
    with pytest.MonkeyPatch.context() as patch:
        flush_by_delete(patch)
        flush_waits_for_the_live_server(patch)
        yield


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test's flush (the last step of its teardown), put the database back.

    Not after the session's last test: its teardown has dropped the test database already.
    """
    result = yield
    taken = item.config.stash.get(SNAPSHOT, None)
    if taken and nextitem is not None and _flushes(item):
        snapshot, blocker = taken
        with blocker.unblock():
            snapshot.restore()
    return result


def _flushes(item) -> bool:
    """Whether pytest-django ran the test as a TransactionTestCase (which flushes every table)."""
    names = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    return (
        "transactional_db" in names
        or "live_server" in names
        or "django_db_reset_sequences" in names
        or bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
    )


@pytest.fixture(autouse=True)
def without_the_demo(request):
    """A test that uses the database but not the demo finds it as the migrations leave it."""
    marker = request.node.get_closest_marker("django_db")
    uses_database = "db" in request.fixturenames or marker is not None
    if not uses_database or "demo" in request.fixturenames or _flushes(request.node):
        return
    request.getfixturevalue("db")  # the test's transaction
    request.config.stash[MIGRATED].put_back()


@pytest.fixture
def demo(db) -> Process:
    """Demo Kommune (loaded once for the session, see django_db_setup). Returns the Hjemmeplejen Nord forløb."""
    return Process.objects.get(title="Mindre bøvl, mere tid hos borgerne")


@pytest.fixture
def personas(demo) -> dict[str, User]:
    return {user.username: user for user in User.objects.all()}


@pytest.fixture
def client_as(personas):
    """client_as("leder") gives a test client logged in as that persona (tests/signed_in.py: after
    the persona's first sign-in in this process, a new session with that sign-in's content)."""

    def make(username: str) -> Client:
        return signed_in_client(personas[username])

    return make


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache (counters of wrong join codes live there).

    With REDIS_URL set, as in CI's PostgreSQL run, this empties that Redis database: point the
    tests at a Redis of their own (samskab/test_settings.py gives each xdist worker its own).
    """
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def new_live_hub(monkeypatch):
    """Every test starts with a new live hub, as a new server process would: the demo's
    workshops have the same ids in every test, and must not inherit an earlier test's numbers."""
    monkeypatch.setattr(live, "_hub", None)
