"""Limits on the live workshops' sockets: how many one holder keeps open, and how large a frame may be.

Clients send nothing on a socket, so a frame above settings.WS_MAX_FRAME closes it (uvicorn's
--ws-max-size refuses it before it is read; the consumer checks again behind other servers). One
holder, a joined phone (its attendee) or a logged-in user, may hold settings.WS_PER_HOLDER sockets
of a workshop at once: a few tabs and a reconnect in flight. The count lives in the cache, so
with REDIS_URL it covers every process; a process that dies leaves its count behind, which
expires after HELD_FOR seconds without a new socket.
"""

from django.conf import settings
from django.core.cache import cache

from samskab.core.counters import count

TOO_MANY = 4429  # live.js then polls instead of opening the socket again at once
TOO_LARGE = 1009  # "message too big" (RFC 6455)
HELD_FOR = 4 * 3600


def _key(workshop_id: int, holder: str) -> str:
    return f"samskab:sockets:{workshop_id}:{holder}"


def take(workshop_id: int, holder: str) -> bool:
    """Count one more socket of `holder`; False (and nothing counted) when they hold enough already."""
    key = _key(workshop_id, holder)
    held = count(key, HELD_FOR)
    cache.touch(key, HELD_FOR)
    if held > settings.WS_PER_HOLDER:
        release(workshop_id, holder)
        return False
    return True


def release(workshop_id: int, holder: str) -> None:
    try:
        cache.decr(_key(workshop_id, holder))
    except ValueError:  # expired: nothing left to give back
        pass


def too_large(text_data: str | None, bytes_data: bytes | None) -> bool:
    return len(text_data or "") + len(bytes_data or b"") > settings.WS_MAX_FRAME
