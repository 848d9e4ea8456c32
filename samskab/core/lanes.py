"""The threads that run Django's synchronous requests in the ASGI server, in two lanes.

Every middleware and view is synchronous, so the ASGI server runs each request's whole chain in a
worker thread. A thread keeps its database connection from one request to the next (opening one
costs more than a small request), so each request runs on one thread from start to end, and a
request waits only for a FREE thread of its lane, never behind another request.

- The phone lane: everything that is not known to be slow (pages, a card, a vote, the state).
  Within a lane a write (any method but GET and HEAD) takes the next free thread before the reads
  waiting for one: when the facilitator opens voting, every phone in the room fetches its page at
  the same moment, and a card or vote sent then should not wait behind all of those pages.
- The slow lane: what is known to take long or hash a password: logins and password changes,
  documents (Word, PDF, .xlsx), imports, search. However many of them arrive, they take only the
  slow lane's threads, and the phones' requests keep theirs.

Which lane a request takes is decided by its URL name before it runs (`is_slow`). Threads
alone do not keep a slow request from slowing the phones: hashing a password takes a whole core
for a moment, and a small server has two. So the slow lane's threads run at a lower CPU priority
(`SLOW_NICENESS`; Linux gives each thread its own): when the phones' threads want a core, the
kernel gives it to them first, and the slow requests take what is left. A PDF is also printed
in another process at that priority (core/pdf_process.py), so that its long stretch of Python
does not hold the interpreter lock the phones' threads need.
"""

import asyncio
import os
import threading
from collections import deque
from concurrent.futures import ThreadPoolExecutor

from django.urls import Resolver404, get_resolver

# URL names of views that take long: exact names, and endings of names.
SLOW_NAMES = frozenset({"login", "bank_search"})
SLOW_BEGINNINGS = ("saml_", "oidc_")  # single sign-on: HTTP to the identity provider, signatures
SLOW_ENDINGS = ("_pdf", "_docx", "_xlsx", "_import", "_export")
PHONE_PATHS = "/w/"  # the participants' phones (workshops/urls.py): none of their pages is slow
SLOW_NICENESS = 10  # the slow lane's CPU priority: 0 is the phones', 19 the lowest


def is_slow_name(url_name: str | None) -> bool:
    """Logins (single sign-on too), anything with a password (each hashes one), documents, imports,
    exports, search."""
    if not url_name:
        return False
    return (
        url_name in SLOW_NAMES
        or "password" in url_name
        or url_name.startswith(SLOW_BEGINNINGS)
        or url_name.endswith(SLOW_ENDINGS)
    )


def is_slow(path: str) -> bool:
    """Whether the request for `path` goes to the slow lane (an unknown path does not)."""
    if path.startswith(PHONE_PATHS):
        return False  # without resolving the path twice (here and in Django) for each card and vote
    try:
        match = get_resolver().resolve(path)
    except Resolver404:
        return False
    return is_slow_name(match.url_name)


class Lane:
    """`size` worker threads; a request borrows a free one for its whole run (`async with lane.thread(write)`).

    Each thread is its own one-thread executor, as asgiref's ThreadSensitiveContext needs: every
    thread-sensitive call of a request (request_started, the middleware chain, request_finished)
    runs on the thread the request borrowed. Requests waiting for a thread get one in the order
    they came, writes before reads.
    """

    def __init__(self, name: str, size: int, niceness: int = 0):
        self.name = name
        self.size = max(1, size)
        self.executors = [
            ThreadPoolExecutor(
                max_workers=1, thread_name_prefix=f"{name}-{number}", initializer=lower_priority, initargs=(niceness,)
            )
            for number in range(self.size)
        ]
        self._loop: asyncio.AbstractEventLoop | None = None
        self._free: list[ThreadPoolExecutor] = []
        self._waiting: tuple[deque, deque] = (deque(), deque())  # futures of the writes, of the reads

    def _for_this_loop(self) -> asyncio.AbstractEventLoop:
        """A new loop (in tests) starts with every thread free and no one waiting."""
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self._loop = loop
            self._free = list(self.executors)
            self._waiting = (deque(), deque())
        return loop

    async def borrow(self, write: bool) -> ThreadPoolExecutor:
        loop = self._for_this_loop()
        if self._free and not any(self._waiting):
            return self._free.pop()
        turn = loop.create_future()
        self._waiting[0 if write else 1].append(turn)
        try:
            return await turn
        except asyncio.CancelledError:  # the client went away: a thread handed over meanwhile goes on
            if turn.done() and not turn.cancelled():
                self.give_back(turn.result())
            raise

    def give_back(self, executor: ThreadPoolExecutor) -> None:
        for waiting in self._waiting:
            while waiting:
                turn = waiting.popleft()
                if not turn.done():  # a cancelled wait is skipped
                    turn.set_result(executor)
                    return
        self._free.append(executor)

    def thread(self, write: bool = False) -> "_Borrowed":
        return _Borrowed(self, write)


def lower_priority(niceness: int) -> None:
    """Run the calling thread (on Linux; elsewhere the process) `niceness` steps below the others."""
    if niceness <= 0:
        return
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), niceness)
    except (AttributeError, OSError):  # no priorities here: the lane works as well, only less politely
        pass


class _Borrowed:
    def __init__(self, lane: Lane, write: bool):
        self.lane = lane
        self.write = write
        self.executor: ThreadPoolExecutor | None = None

    async def __aenter__(self) -> ThreadPoolExecutor:
        self.executor = await self.lane.borrow(self.write)
        return self.executor

    async def __aexit__(self, *exc) -> None:
        self.lane.give_back(self.executor)
