"""Wrong join codes are limited per browser session and per address; what a participant may send, per minute.

Counts are kept in Django's cache (Redis with REDIS_URL, so every process counts together) in
fixed windows. The address limit is generous: a whole room on guest Wi-Fi shares one address.
The address is kept only as a keyed hash, and only here. Once a limit is reached, every try
from that browser or address is refused until the window ends, right codes too: otherwise a
guesser would still learn which codes are real. There is no limit for everybody together: a
few guessers must not be able to refuse the right code to every other workshop's participants.

A WebSocket to a workshop counts the same way when it is refused (consumers.py).
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.http import HttpRequest

from samskab.core.counters import count, count_all, get_all

# What one participant may send: a room writes a card now and then; an outbox that was offline
# sends what it kept at once, so a minute allows a burst, but not a flood. Votes have their own
# limit (the workshop's votes per participant).
CARDS_PER_SECTION = 40
WRITES_PER_MINUTE = 20  # new cards, and ratings sent, each


def _window(length: int) -> tuple[int, int]:
    """The current window's number, and the seconds left of it."""
    now = time.time()
    return int(now // length), int(length - now % length) + 1


def _hashed(address: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]


def _session(request: HttpRequest, create: bool) -> str | None:
    if request.session.session_key is None and create:
        request.session["joining"] = True  # an empty session would get no cookie
        request.session.save()
    return request.session.session_key


def _counters(address: str, session: str | None) -> list[tuple[str, int]]:
    window, _left = _window(settings.JOIN_TRIES_WINDOW)
    counters = [(f"samskab:join-tries:address:{_hashed(address)}:{window}", settings.JOIN_TRIES_PER_ADDRESS)]
    if session:
        counters.append((f"samskab:join-tries:session:{session}:{window}", settings.JOIN_TRIES_PER_SESSION))
    return counters


def _count(key: str, length: int) -> int:
    """Count in the current window of `length` seconds. Every counter of a window expires at the
    window's end, whenever it was made: its lifetime tells nothing about when someone wrote."""
    return count(key, _window(length)[1])


def limited_for(address: str, session: str | None) -> bool:
    counters = _counters(address, session)
    counts = get_all([key for key, _limit in counters])
    return any(counts[key] >= limit for key, limit in counters)


def limited(request: HttpRequest) -> bool:
    """Has this browser or its address used up the wrong tries of this window?"""
    return limited_for(request.META.get("REMOTE_ADDR", ""), _session(request, create=False))


def retry_after() -> int:
    return _window(settings.JOIN_TRIES_WINDOW)[1]


def count_wrong_try_for(address: str, session: str | None) -> None:
    for key, _limit in _counters(address, session):
        _count(key, settings.JOIN_TRIES_WINDOW)


def count_wrong_try(request: HttpRequest) -> None:
    count_wrong_try_for(request.META.get("REMOTE_ADDR", ""), _session(request, create=True))


CARDS_WINDOW = 2 * 24 * 3600  # longer than a workshop day


def _section_key(attendee_id: int, section_id: int) -> str:
    return f"samskab:cards:{attendee_id}:{section_id}:{_window(CARDS_WINDOW)[0]}"


def card_allowance_used_up(attendee_id: int, section_id: int) -> str | None:
    """Which of a participant's card limits is used up, if any: "minute" (WRITES_PER_MINUTE this
    minute) or "section" (CARDS_PER_SECTION on this board). Both read in one round trip."""
    minute, section = _writes_key("card", attendee_id), _section_key(attendee_id, section_id)
    counts = get_all([minute, section])
    if counts[minute] >= WRITES_PER_MINUTE:
        return "minute"
    if counts[section] >= CARDS_PER_SECTION:
        return "section"
    return None


def count_card(attendee_id: int, section_id: int) -> None:
    """Count a card that was stored: on its board and in this minute's writes, in one round trip."""
    section, minute = _section_key(attendee_id, section_id), _writes_key("card", attendee_id)
    count_all([(section, _window(CARDS_WINDOW)[1]), (minute, _window(60)[1])])


def _writes_key(kind: str, attendee_id: int) -> str:
    return f"samskab:writes:{kind}:{attendee_id}:{_window(60)[0]}"


def writes_used_up(kind: str, attendee_id: int) -> bool:
    """Has the attendee sent WRITES_PER_MINUTE of this kind ("card", "rating") this minute?"""
    key = _writes_key(kind, attendee_id)
    return get_all([key])[key] >= WRITES_PER_MINUTE


def count_write(kind: str, attendee_id: int) -> None:
    """Count a write that was stored (a repeat of a stored one is not counted again)."""
    _count(_writes_key(kind, attendee_id), 60)
