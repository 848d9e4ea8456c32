"""The threads that run Django's synchronous requests in the ASGI server, in two lanes.

Every middleware and view is synchronous, so the ASGI server runs each request's whole chain in a
worker thread. A thread keeps its database connection from one request to the next (opening one
costs more than a small request), so each request runs on one thread from start to end, and a
request waits only for a FREE thread of its lane, never behind another request.

- The phone lane: everything that is not known to be slow (pages, a card, a vote, the state).
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
from concurrent.futures import ThreadPoolExecutor

from django.urls import Resolver404, get_resolver

# URL names of views that take long: exact names, and endings of names.
SLOW_NAMES = frozenset({"login", "bank_search"})
SLOW_BEGINNINGS = ("saml_", "oidc_")  # single sign-on: HTTP to the identity provider, signatures
SLOW_ENDINGS = ("_pdf", "_docx", "_xlsx", "_import", "_export")
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
    try:
        match = get_resolver().resolve(path)
    except Resolver404:
        return False
    return is_slow_name(match.url_name)


class Lane:
    """`size` worker threads; a request borrows a free one for its whole run (`async with lane.thread()`).

    Each thread is its own one-thread executor, as asgiref's ThreadSensitiveContext needs: every
    thread-sensitive call of a request (request_started, the middleware chain, request_finished)
    runs on the thread the request borrowed.
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
        self._free: asyncio.Queue | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _queue(self) -> asyncio.Queue:
        """The free threads, for the running loop (a new loop, in tests, starts with all of them free)."""
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self._loop = loop
            self._free = asyncio.Queue()
            for executor in self.executors:
                self._free.put_nowait(executor)
        return self._free

    def thread(self) -> "_Borrowed":
        return _Borrowed(self)


def lower_priority(niceness: int) -> None:
    """Run the calling thread (on Linux; elsewhere the process) `niceness` steps below the others."""
    if niceness <= 0:
        return
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), niceness)
    except (AttributeError, OSError):  # no priorities here: the lane works as well, only less politely
        pass


class _Borrowed:
    def __init__(self, lane: Lane):
        self.lane = lane
        self.executor: ThreadPoolExecutor | None = None

    async def __aenter__(self) -> ThreadPoolExecutor:
        self.queue = self.lane._queue()
        self.executor = await self.queue.get()
        return self.executor

    async def __aexit__(self, *exc) -> None:
        self.queue.put_nowait(self.executor)
