"""Counters in the cache that expire: how often something happened within a time."""

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.base import BaseCache
from django.core.signals import setting_changed
from django.dispatch import receiver

_shared: BaseCache | None = None


def shared_cache() -> BaseCache:
    """The default cache as one object for the whole process.

    Django keeps its cache objects per request context (asgiref's Local), and under ASGI every
    request has a context of its own: each made a new cache object, and with Redis a new connection
    pool, so every card sent opened a new TCP connection to Redis. The backends are thread-safe
    (redis-py's pool; locmem keeps one store and lock per name, shared with `cache`).
    """
    global _shared
    if _shared is None:
        _shared = caches.create_connection(DEFAULT_CACHE_ALIAS)
    return _shared


def count(key: str, timeout: int) -> int:
    """Add one to the counter `key` (made, expiring after `timeout` seconds, if it is not there) and
    return its new value."""
    return count_all([(key, timeout)])[0]


def count_all(counters: list[tuple[str, int]]) -> list[int]:
    """Add one to each counter (key, timeout), as count() does; their new values.

    With Redis in one round trip: through Django's cache a counter took three (add, and incr,
    which asks first whether the key exists), and a card counts two while a room sends one every
    few milliseconds.
    """
    client = _redis_client()
    if client is None:
        return [_count_in_process(key, timeout) for key, timeout in counters]
    cache = shared_cache()
    pipe = client.pipeline(transaction=True)  # MULTI: no counter can expire between its two commands
    for key, timeout in counters:
        key = cache.make_and_validate_key(key)
        pipe.set(key, 0, nx=True, ex=timeout)  # as cache.add: made only if not there
        pipe.incr(key)
    return pipe.execute()[1::2]


def _count_in_process(key: str, timeout: int) -> int:
    """count() in a cache without Redis. A counter that expires between making and adding starts again at 1."""
    cache = shared_cache()
    cache.add(key, 0, timeout)
    try:
        return cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout)
        return 1


def get_all(keys: list[str]) -> dict[str, int]:
    """The counters' values (0 for one not there), in one round trip."""
    client = _redis_client()
    if client is None:
        found = shared_cache().get_many(keys)
        return {key: found.get(key) or 0 for key in keys}
    cache = shared_cache()
    values = client.mget([cache.make_and_validate_key(key) for key in keys])
    return {key: int(value or 0) for key, value in zip(keys, values)}  # counters are kept as plain numbers


_client = None


def _redis_client():
    """The Redis client behind the cache, made once, or None when the cache is not Redis.

    Django's cache makes a new redis.Redis object for every command, and making one (its table of
    some 170 reply parsers) cost about 0.6 ms of CPU: more than a card's whole view.
    """
    global _client
    if _client is None:
        from django.core.cache.backends.redis import RedisCache

        backend = shared_cache()
        _client = backend._cache.get_client(write=True) if isinstance(backend, RedisCache) else False
    return _client or None


@receiver(setting_changed)
def _forget_the_cache(setting: str, **kwargs) -> None:
    """Another CACHES setting (a test's override): the next counter makes its cache and client again."""
    global _shared, _client
    if setting == "CACHES":
        _shared = _client = None
