"""How often a process sends each workshop's changes: at once in a room the process keeps up
with, less often while it is behind.

A live hub sends a workshop's events together at most once per window, to every socket
(live_hub.py). Writing those frames is most of a busy process's work on its event loop: on a
theme day one process may hold 500 phones in 25 workshops, and each event goes to 20 of them.
While the process keeps up, the window stays at its narrowest (LIVE_WINDOW_MS), and a card reaches
the room within it. When the process falls behind (the machine has less CPU than the room asks
for), each frame is late anyway; a wider window then puts more events into each frame, so the
same events cost fewer frames, and the process catches up instead of falling further behind.

How far behind the process is: a probe on the event loop asks to run every PROBE_EVERY seconds
and measures how late it runs. The lateness is smoothed, so that one slow moment (a garbage
collection, a long page) does not widen the window. Beyond TOLERATED of smoothed lateness, the
window widens by WIDEN_BY times the excess, up to LIVE_WINDOW_MAX_MS. The smoothed lateness falls
more slowly than it rises: a wide window is what let the loop catch up, and narrowing it at once
would put the process behind again (measured on a theme day: it went back and forth every few
seconds).
"""

import asyncio
import logging
from collections.abc import Callable

logger = logging.getLogger(__name__)

PROBE_EVERY = 0.05  # seconds between two probes of the loop
RISING = 0.1  # weight of a later probe in the smoothed lateness: behind within about half a second
FALLING = 0.02  # weight of an earlier one: the window stays wide for seconds after the loop catches up
TOLERATED = 0.01  # lateness that does not widen the window (a busy but healthy loop)
WIDEN_BY = 5  # extra window per second of lateness beyond TOLERATED
BEHIND = 1.5  # a window this many times the narrowest is logged as "behind"


class Pace:
    """The current window of one process, from its narrowest to its widest, driven by `observe`."""

    def __init__(self, narrowest: float, widest: float):
        self.narrowest = narrowest
        self.widest = max(widest, narrowest)
        self.window = narrowest
        self.lateness = 0.0
        self.behind = False

    def observe(self, late: float) -> float:
        """One probe ran `late` seconds after it was due: the window from now on."""
        late = max(0.0, late)
        self.lateness += (RISING if late > self.lateness else FALLING) * (late - self.lateness)
        excess = max(0.0, self.lateness - TOLERATED)
        self.window = min(self.widest, self.narrowest + WIDEN_BY * excess)
        self._tell()
        return self.window

    def _tell(self) -> None:
        """Log when the process falls behind and when it has caught up (not every probe)."""
        if not self.behind and self.window >= self.narrowest * BEHIND:
            self.behind = True
            logger.warning(
                "live: this process is behind (its event loop runs %.0f ms late): "
                "each workshop's changes go out every %.0f ms until it catches up",
                self.lateness * 1000,
                self.window * 1000,
            )
        elif self.behind and self.window == self.narrowest:
            self.behind = False
            logger.warning("live: this process has caught up: changes go out every %.0f ms again", self.window * 1000)

    def start(self, loop: asyncio.AbstractEventLoop, running: Callable[[], bool]) -> None:
        """Probe `loop` every PROBE_EVERY seconds while `running()` says so (not at all when the
        window cannot widen)."""
        if self.widest == self.narrowest:
            return

        def probe(due: float) -> None:
            if not running():
                return
            now = loop.time()
            self.observe(now - due)
            loop.call_at(now + PROBE_EVERY, probe, now + PROBE_EVERY)

        first = loop.time() + PROBE_EVERY
        loop.call_at(first, probe, first)
