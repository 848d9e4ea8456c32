"""Wrong join codes are limited per browser session, per address, and in all.

Counts are kept in Django's cache (Redis with REDIS_URL, so every process counts together) in
fixed windows of JOIN_TRIES_WINDOW seconds. The address limit is generous: a whole room on
guest Wi-Fi shares one address. The address is kept only as a keyed hash, and only here.
Once a limit is reached, every try is refused until the window ends, right codes too:
otherwise a guesser would still learn which codes are real.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def _window() -> tuple[int, int]:
    """The current window's number, and the seconds left of it."""
    length = settings.JOIN_TRIES_WINDOW
    now = time.time()
    return int(now // length), int(length - now % length) + 1


def _address(request: HttpRequest) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]


def _session(request: HttpRequest, create: bool) -> str | None:
    if request.session.session_key is None and create:
        request.session["joining"] = True  # an empty session would get no cookie
        request.session.save()
    return request.session.session_key


def _counters(request: HttpRequest, create: bool) -> list[tuple[str, int]]:
    window, _left = _window()
    counters = [
        (f"samskab:join-tries:address:{_address(request)}:{window}", settings.JOIN_TRIES_PER_ADDRESS),
        (f"samskab:join-tries:all:{window}", settings.JOIN_TRIES_GLOBAL),
    ]
    session = _session(request, create)
    if session:
        counters.append((f"samskab:join-tries:session:{session}:{window}", settings.JOIN_TRIES_PER_SESSION))
    return counters


def limited(request: HttpRequest) -> bool:
    """Has this browser, its address, or everybody together used up the wrong tries of this window?"""
    counters = _counters(request, create=False)
    counts = cache.get_many([key for key, _limit in counters])
    return any(counts.get(key, 0) >= limit for key, limit in counters)


def retry_after() -> int:
    return _window()[1]


def count_wrong_try(request: HttpRequest) -> None:
    for key, _limit in _counters(request, create=True):
        cache.add(key, 0, settings.JOIN_TRIES_WINDOW)
        try:
            cache.incr(key)
        except ValueError:  # the window ended between add and incr
            cache.set(key, 1, settings.JOIN_TRIES_WINDOW)
