"""Shared fixtures: the demo municipality and its personas.

Personas (see samskab/core/demo.py): konsulent (facilitator), leder, medarbejder, tr, amr
(participants), med (MED member, not taking part), central (central konsulent), leder-syd
(leader of the second unit), nabo (another municipality: sees nothing of Demo Kommune).
"""

import pytest
from django.test import Client

from samskab.accounts.models import User
from samskab.core import demo as demo_data
from samskab.processes.models import Process


@pytest.fixture
def demo(db) -> Process:
    """Demo Kommune, loaded inside the test's transaction. Returns the Hjemmeplejen Nord forløb."""
    demo_data.load()
    return Process.objects.get(title="Mindre bøvl, mere tid hos borgerne")


@pytest.fixture
def personas(demo) -> dict[str, User]:
    return {user.username: user for user in User.objects.all()}


@pytest.fixture
def client_as(personas):
    """client_as("leder") gives a test client logged in as that persona."""

    def make(username: str) -> Client:
        client = Client()
        client.force_login(personas[username])
        return client

    return make


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache (counters of wrong join codes live there).

    With REDIS_URL set, as in CI's PostgreSQL run, this empties that Redis database: point the
    tests at a Redis of their own.
    """
    from django.core.cache import cache

    cache.clear()
    yield
