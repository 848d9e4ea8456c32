"""The cache's counters against a real Redis: a card's limits in two round trips, one connection per process.

The cache is pointed at Redis database 13 at 127.0.0.1:6379 under a key prefix of this test alone
(nothing is flushed). Skipped only when that Redis cannot be reached.
"""

import contextvars
import uuid

import pytest
import redis
from django.core.cache.backends import locmem
from redis.connection import Connection

from samskab.core import counters
from samskab.workshops import limits

URL = "redis://127.0.0.1:6379/13"


@pytest.fixture
def redis_cache(settings):
    prefix = f"samskab-test-{uuid.uuid4().hex[:12]}"
    try:
        redis.Redis.from_url(URL).ping()
    except redis.RedisError:
        pytest.skip("Redis is not running at 127.0.0.1:6379")
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": URL, "KEY_PREFIX": prefix}
    }
    yield  # the counters make their cache and client again for the new setting, and after it
    client = redis.Redis.from_url(URL)
    for key in client.scan_iter(f"{prefix}*"):
        client.delete(key)


@pytest.fixture
def round_trips(monkeypatch):
    """How many commands or pipelines were sent to Redis."""
    sent = []
    original = Connection.send_packed_command

    def counted(self, command, check_health=True):
        sent.append(command)
        return original(self, command, check_health)

    monkeypatch.setattr(Connection, "send_packed_command", counted)
    return sent


def test_a_card_reads_its_limits_in_one_round_trip_and_counts_in_one(redis_cache, round_trips):
    counters.shared_cache().get("warm-up")  # the connection's own hello is not the card's
    round_trips.clear()

    assert limits.card_allowance_used_up(7, 3) is None
    limits.count_card(7, 3)

    assert len(round_trips) == 2
    assert counters.get_all([limits._writes_key("card", 7), limits._section_key(7, 3)]) == {
        limits._writes_key("card", 7): 1,
        limits._section_key(7, 3): 1,
    }


def test_counters_count_up_and_expire_with_their_window(redis_cache):
    assert counters.count_all([("a", 60), ("b", 3600)]) == [1, 1]
    assert counters.count_all([("a", 60), ("b", 3600)]) == [2, 2]
    assert counters.count("a", 60) == 3
    client = redis.Redis.from_url(URL)
    ttl = client.ttl(counters.shared_cache().make_key("a"))
    assert 0 < ttl <= 60


def test_a_participants_limits_are_found_used_up(redis_cache, monkeypatch):
    monkeypatch.setattr(limits, "WRITES_PER_MINUTE", 3)
    monkeypatch.setattr(limits, "CARDS_PER_SECTION", 2)
    limits.count_card(7, 3)
    limits.count_card(7, 3)
    assert limits.card_allowance_used_up(7, 3) == "section"
    assert limits.card_allowance_used_up(7, 4) is None
    limits.count_card(7, 4)
    assert limits.card_allowance_used_up(7, 4) == "minute"


def test_a_card_makes_no_new_redis_client(redis_cache, monkeypatch):
    """Django's cache makes a redis.Redis for each command, and making one costs more than the card's view."""
    limits.count_card(7, 3)
    made = []
    original = redis.Redis.__init__

    def counted(self, *args, **kwargs):
        made.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "__init__", counted)
    limits.card_allowance_used_up(7, 3)
    limits.count_card(7, 3)
    assert made == []


def test_requests_of_one_process_share_one_redis_connection(redis_cache):
    """Each ASGI request runs in a context of its own, where Django's `cache` is a new object."""
    for _ in range(5):
        contextvars.copy_context().run(limits.count_card, 7, 3)
    pool = counters.shared_cache()._cache.get_client(write=True).connection_pool
    assert pool._created_connections == 1


def test_the_counters_follow_a_changed_cache_setting(settings):
    before = counters.shared_cache()
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "counters-test"}}
    after = counters.shared_cache()
    assert after is not before
    assert after._cache is locmem._caches["counters-test"]
    after.clear()
    assert [counters.count("cards", 60) for _ in range(2)] == [1, 2]
