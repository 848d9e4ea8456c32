"""The live hub of one server process: the open sockets of each workshop, and the fan-out to them.

Channels' channel layer costs far more CPU per delivered message than writing to the sockets
held in the process (the README's Architecture has the figures), and drops messages without an
error when over capacity. So the hub keeps, per workshop, the open sockets of two
audiences ("room": the participants' phones; "facilitators": the run page and the projector),
serialises each message once per audience, and puts it on every socket's bounded backlog, without
awaiting anything per socket. Each socket has its own writer task; a socket whose backlog is full
(a slow or sleeping phone) is closed with code 4008 and its client reconnects and catches up
from the state, instead of holding up the room.

Every event gets the next number of its workshop's sequence. Within one process a counter is
enough (`Hub`); with REDIS_URL, `live_redis.RedisHub` numbers and publishes through Redis, so
that several processes serve one workshop. Events of one workshop are coalesced: one message at
most every window (the first at once when nothing was sent within the window). The window is
`window` seconds while the process keeps up, and widens up to `widest` while it is behind
(live_pace.py).

Writes happen in request threads. They call `publish()`, which numbers the event and hands it
to the event loop with `call_soon_threadsafe` (under a lock, so loop order = sequence order).
In a process without a loop (tests with Django's test client, management commands) the event
is only numbered.
"""

import asyncio
import json
import logging
import threading
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from samskab.workshops.live_pace import Pace

logger = logging.getLogger(__name__)

ROOM = "room"
FACILITATORS = "facilitators"
AUDIENCES = (FACILITATORS, ROOM)
CLOSE_TOO_SLOW = 4008
RESYNC = json.dumps({"from": None, "seq": None, "events": [{"type": "resync"}]})


def dumps(value) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


class Listener:
    """One open socket: its audience, a bounded backlog of serialised messages and its own writer task.

    The backlog is a plain deque with one future to wake the writer, not an asyncio.Queue: a full
    hall puts every message on 200 backlogs, and the queue's bookkeeping cost about 1 µs more per
    socket and message (2.5 against 1.5 µs, without the write itself).
    """

    def __init__(
        self,
        workshop_id: int,
        audience: str,
        send: Callable[[str], Awaitable[None]],
        close: Callable[[int], Awaitable[None]],
        size: int,
    ):
        self.workshop_id = workshop_id
        self.audience = audience
        self.size = size
        self.backlog: deque[str] = deque()
        self._send = send
        self._close = close
        self._wake: asyncio.Future | None = None  # set while the writer waits for a message
        self.task: asyncio.Task | None = None

    def start(self, first: str) -> None:
        self.backlog.append(first)
        self.task = asyncio.get_running_loop().create_task(self._write())

    async def _write(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            while self.backlog:
                try:
                    await self._send(self.backlog.popleft())
                except Exception:  # the socket went away; its consumer's disconnect forgets it
                    logger.debug("writing to a live socket failed", exc_info=True)
                    return
            self._wake = loop.create_future()
            await self._wake

    def offer(self, text: str) -> bool:
        """Put the message on the backlog; False when the backlog is full (the socket is too slow)."""
        if len(self.backlog) >= self.size:
            return False
        self.backlog.append(text)
        if self._wake is not None and not self._wake.done():
            self._wake.set_result(None)
        return True

    def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()

    async def close(self, code: int) -> None:
        self.stop()
        try:
            await self._close(code)
        except Exception:  # the socket may be gone already
            logger.debug("closing a live socket failed", exc_info=True)


@dataclass
class Room:
    """The open sockets of one workshop in this process, and the events waiting to be sent."""

    listeners: dict[str, set[Listener]] = field(default_factory=lambda: {audience: set() for audience in AUDIENCES})
    pending: list[tuple[int, dict, dict]] = field(default_factory=list)
    last_sent: float = float("-inf")
    timer: asyncio.TimerHandle | None = None

    def empty(self) -> bool:
        return not any(self.listeners.values())


class Hub:
    """Sockets and sequences of one process (no Redis: the process is the whole world)."""

    def __init__(self, *, window: float = 0.1, widest: float | None = None, queue_size: int = 64):
        self.pace = Pace(window, window if widest is None else widest)
        self.queue_size = queue_size
        self.loop: asyncio.AbstractEventLoop | None = None
        self.rooms: dict[int, Room] = {}
        self._lock = threading.Lock()
        self._seq: dict[int, int] = {}

    # --- The write side, called from request threads after commit.

    def publish(self, workshop_id: int, event: dict, room_event: dict | None = None) -> int:
        """Number an event (and its variant for the room, if it differs) and hand it to the loop."""
        room_event = event if room_event is None else room_event
        with self._lock:
            seq = self._seq.get(workshop_id, 0) + 1
            self._seq[workshop_id] = seq
            self._hand_over(workshop_id, seq, event, room_event)
        return seq

    def _hand_over(self, workshop_id: int, seq: int, event: dict, room_event: dict) -> None:
        loop = self.loop
        if loop is None:
            return
        try:
            loop.call_soon_threadsafe(self.deliver, workshop_id, seq, event, room_event)
        except RuntimeError:  # the loop has closed (a test's loop, a server shutting down)
            self.loop = None

    def current_seq(self, workshop_id: int) -> int:
        """The number of the workshop's latest event: a state read after this includes its change."""
        return self._seq.get(workshop_id, 0)

    async def current_seq_async(self, workshop_id: int) -> int:
        return self.current_seq(workshop_id)

    # --- The loop side.

    def attach_loop(self) -> None:
        """Use the running loop (at server start-up, or when the first socket connects)."""
        loop = asyncio.get_running_loop()
        if self.loop is not loop:
            self.loop = loop
            self.rooms = {}  # sockets of an earlier loop are gone with it
            self.pace.start(loop, lambda: self.loop is loop)
            self.started()

    def started(self) -> None:
        """Hook for subclasses: the hub has a loop now."""

    async def stop(self) -> None:
        for room in list(self.rooms.values()):
            for listeners in room.listeners.values():
                for listener in list(listeners):
                    listener.stop()
        self.rooms = {}
        self.loop = None

    async def connect(
        self,
        workshop_id: int,
        audience: str,
        send: Callable[[str], Awaitable[None]],
        close: Callable[[int], Awaitable[None]],
    ) -> Listener:
        """Register an accepted socket; its first message is {"hello": true, "seq": <current>}."""
        self.attach_loop()
        seq = await self.current_seq_async(workshop_id)
        # No await from here on: everything flushed after the hello comes after it in the backlog.
        listener = Listener(workshop_id, audience, send, close, self.queue_size)
        self.rooms.setdefault(workshop_id, Room()).listeners[audience].add(listener)
        listener.start(dumps({"hello": True, "seq": seq}))
        return listener

    def disconnect(self, listener: Listener) -> None:
        listener.stop()
        room = self.rooms.get(listener.workshop_id)
        if room is None:
            return
        room.listeners[listener.audience].discard(listener)
        if room.empty():
            if room.timer is not None:
                room.timer.cancel()
            del self.rooms[listener.workshop_id]

    def deliver(self, workshop_id: int, seq: int, event: dict, room_event: dict) -> None:
        """An event for the sockets of this process: send now, or with the others of this window."""
        room = self.rooms.get(workshop_id)
        if room is None:
            return  # nobody here follows the workshop
        room.pending.append((seq, event, room_event))
        if room.timer is not None:
            return
        loop = asyncio.get_running_loop()
        due = room.last_sent + self.pace.window
        if due <= loop.time():
            self._flush(workshop_id)
        else:
            room.timer = loop.call_at(due, self._flush, workshop_id)

    def _flush(self, workshop_id: int) -> None:
        room = self.rooms.get(workshop_id)
        if room is None:
            return
        room.timer = None
        pending = sorted(room.pending, key=lambda item: item[0])
        room.pending = []
        if not pending:
            return
        room.last_sent = asyncio.get_running_loop().time()
        first, last = pending[0][0], pending[-1][0]
        for index, audience in enumerate(AUDIENCES, start=1):
            listeners = room.listeners[audience]
            if not listeners:
                continue
            text = dumps({"from": first, "seq": last, "events": [item[index] for item in pending]})
            self._offer(listeners, text)

    def _offer(self, listeners: set[Listener], text: str) -> None:
        for listener in list(listeners):
            if not listener.offer(text):
                self._drop(listener)

    def _drop(self, listener: Listener) -> None:
        """A socket that does not keep up is closed; its client reconnects and fetches the state."""
        self.disconnect(listener)
        asyncio.get_running_loop().create_task(listener.close(CLOSE_TOO_SLOW))

    def resync_all(self) -> None:
        """Tell every local client to fetch the state again (events may have been missed)."""
        for room in list(self.rooms.values()):
            for listeners in room.listeners.values():
                self._offer(listeners, RESYNC)
