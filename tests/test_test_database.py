"""The suite's own set-up: the demo loaded once per session, the snapshot that puts it back
after a transactional test's flush, and a Redis database per xdist worker."""

import threading
import time

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, connections

from samskab.demo import kommune as demo_data
from samskab.organisations.models import Organisation, Unit
from samskab.processes.models import Process
from samskab.test_settings import worker_redis_url
from samskab.workshops.models import Card, Workshop
from tests.snapshot import SNAPSHOT


def contents() -> dict[str, list[int]]:
    """Every model's primary keys: what the database holds, to the row."""
    return {model._meta.label: list(model.objects.order_by("pk").values_list("pk", flat=True)) for model in apps.get_models()}


def test_the_demo_is_in_the_database_without_loading_it_again(demo):
    assert demo.title == "Mindre bøvl, mere tid hos borgerne"
    assert demo_data.load() is False  # already there: load() does nothing


def test_a_test_without_the_demo_finds_the_database_as_the_migrations_leave_it(db):
    assert not Organisation.objects.exists() and not Process.objects.exists() and not Card.objects.exists()
    assert ContentType.objects.get_for_model(Process).model == "process"
    assert demo_data.load() is True  # and can load the demo itself
    assert Process.objects.filter(title="Mindre bøvl, mere tid hos borgerne").exists()


def test_each_test_runs_inside_a_transaction_that_is_rolled_back(demo):
    assert connection.in_atomic_block
    Card.objects.all().delete()
    assert not Card.objects.exists()


def test_the_next_test_finds_the_demo_whole_again(demo):
    assert Card.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_snapshot_puts_back_the_demo_after_a_flush(request):
    before = contents()
    workshop_codes = list(Workshop.objects.order_by("pk").values_list("join_code", flat=True))
    process_type = ContentType.objects.get_for_model(Process).pk
    assert before["processes.Process"] and before["workshops.Card"]

    call_command("flush", verbosity=0, interactive=False)  # what pytest-django does after this test
    assert not Process.objects.exists() and not Organisation.objects.exists()
    ContentType.objects.get_for_model(Process)  # cached under the id the flush gave it, as a request would

    snapshot, _blocker = request.config.stash[SNAPSHOT]
    snapshot.restore()
    assert contents() == before
    assert list(Workshop.objects.order_by("pk").values_list("join_code", flat=True)) == workshop_codes
    assert ContentType.objects.get_for_model(Process).pk == process_type
    organisation = Organisation.objects.get(slug=demo_data.DEMO_SLUG)
    unit = Unit.objects.create(organisation=organisation, name="Ny enhed")
    assert unit.pk == max(before["organisations.Unit"]) + 1, "the sequence continues after the demo's rows"


@pytest.mark.django_db(transaction=True)
def test_the_flush_waits_for_a_live_server_request_still_reading(request):
    """SQLite's shared cache refuses the flush's DELETE while another connection is reading."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's shared-cache table locks")
    reading, done = threading.Event(), threading.Event()

    def live_server_request():  # another thread, so another connection to the same database
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT id FROM processes_process")
            cursor.fetchone()  # the statement stays open, holding its read lock
            reading.set()
            done.wait(10)
            time.sleep(0.3)
        connections["default"].close()

    reader = threading.Thread(target=live_server_request)
    reader.start()
    assert reading.wait(10)
    done.set()
    call_command("flush", verbosity=0, interactive=False)  # would fail at once: "database table is locked"
    reader.join(10)
    assert not Process.objects.exists()
    snapshot, _blocker = request.config.stash[SNAPSHOT]
    snapshot.restore()


@pytest.mark.parametrize(
    ("url", "worker", "expected"),
    [
        ("redis://127.0.0.1:6379/0", "gw0", "redis://127.0.0.1:6379/0"),
        ("redis://127.0.0.1:6379/0", "gw1", "redis://127.0.0.1:6379/1"),
        ("redis://:secret@cache.example:6380/2", "gw3", "redis://:secret@cache.example:6380/5"),
        ("redis://127.0.0.1:6379", "gw1", "redis://127.0.0.1:6379/1"),
        ("redis://127.0.0.1:6379/4", "", "redis://127.0.0.1:6379/4"),
    ],
)
def test_each_xdist_worker_gets_a_redis_database_of_its_own(url, worker, expected):
    assert worker_redis_url(url, worker) == expected
