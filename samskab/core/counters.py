"""Counters in the cache that expire: how often something happened within a time."""

from django.core.cache import cache


def count(key: str, timeout: int) -> int:
    """Add one to the counter `key` (made, expiring after `timeout` seconds, if it is not there) and
    return its new value. A counter that expires between making and adding starts again at 1."""
    cache.add(key, 0, timeout)
    try:
        return cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout)
        return 1
