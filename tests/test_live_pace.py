"""The live window: narrow while a process keeps up, wider while its event loop runs late.

The pace's rule is tested with the lateness given (`observe`); the hub's use of it on a real
event loop that a busy callback keeps late.
"""

import asyncio
import logging
import time

from samskab.workshops.live_hub import ROOM, Hub
from samskab.workshops.live_pace import PROBE_EVERY, Pace
from tests.fake_sockets import open_socket

NARROWEST, WIDEST = 0.1, 0.3


def test_a_process_that_keeps_up_keeps_the_narrowest_window():
    pace = Pace(NARROWEST, WIDEST)
    for _ in range(200):
        pace.observe(0.004)  # a busy but healthy loop: a few milliseconds late
    assert pace.window == NARROWEST


def test_one_slow_moment_does_not_widen_the_window():
    pace = Pace(NARROWEST, WIDEST)
    for late in (0.0, 0.0, 0.08, 0.0, 0.0):  # a garbage collection, a long page
        pace.observe(late)
    assert pace.window == NARROWEST


def test_the_window_widens_while_the_loop_runs_late_and_narrows_once_it_has_caught_up():
    pace = Pace(NARROWEST, WIDEST)
    widening = [pace.observe(0.08) for _ in range(60)]  # three seconds of an 80 ms late loop
    assert widening == sorted(widening)
    assert NARROWEST < widening[5] < WIDEST
    assert widening[-1] == WIDEST  # never wider than the widest
    assert pace.observe(0.0) == WIDEST  # nor narrower at once when the loop is on time again
    narrowing = [pace.observe(0.0) for _ in range(200)]  # ten seconds on time
    assert narrowing == sorted(narrowing, reverse=True)
    assert narrowing[-1] == NARROWEST


def test_a_pace_whose_widest_is_its_narrowest_never_widens():
    pace = Pace(NARROWEST, NARROWEST)
    for _ in range(50):
        pace.observe(1.0)
    assert pace.window == NARROWEST


def test_falling_behind_and_catching_up_are_each_logged_once(caplog):
    pace = Pace(NARROWEST, WIDEST)
    with caplog.at_level(logging.WARNING, logger="samskab.workshops.live_pace"):
        for late in [0.08] * 60 + [0.0] * 200 + [0.08] * 60:
            pace.observe(late)
    said = [record.getMessage() for record in caplog.records]
    assert [("behind" in line, "caught up" in line) for line in said] == [(True, False), (False, True), (True, False)]
    assert said[1].endswith("every 100 ms again")


def test_a_hub_on_a_late_loop_widens_its_window_and_sends_fewer_fuller_messages():
    """While a busy callback keeps the loop some 30 ms late, a workshop's events go out in fewer
    messages than at the narrow window; none is lost, and the order holds."""

    async def scenario(widest: float) -> tuple[float, list[dict]]:
        loop = asyncio.get_running_loop()
        hub = Hub(window=0.02, widest=widest)
        socket = await open_socket(hub, 1, ROOM)
        busy = True

        def hog() -> None:  # the loop's other work: 30 ms of CPU, again and again
            if busy:
                time.sleep(0.03)
                loop.call_soon(hog)

        loop.call_soon(hog)
        await asyncio.sleep(0.4)  # long enough for the probe to find the loop late
        for n in range(10):
            hub.publish(1, {"type": "changed", "n": n})
            await asyncio.sleep(0.01)
        window = hub.pace.window
        busy = False
        await asyncio.sleep(0.3)
        await hub.stop()
        return window, socket.sent[1:]

    fixed_window, fixed = asyncio.run(scenario(widest=0.02))
    paced_window, paced = asyncio.run(scenario(widest=0.3))
    assert fixed_window == 0.02 < paced_window
    assert len(paced) < len(fixed), (len(paced), len(fixed))
    for messages in (fixed, paced):
        assert [event["n"] for message in messages for event in message["events"]] == list(range(10))


def test_the_probe_stops_with_the_hub():
    async def scenario() -> tuple[int, int]:
        hub = Hub(window=0.02, widest=0.3)
        probes = []
        observe = hub.pace.observe
        hub.pace.observe = lambda late: probes.append(late) or observe(late)
        await open_socket(hub, 1, ROOM)
        await asyncio.sleep(PROBE_EVERY * 4)
        running = len(probes)
        await hub.stop()
        await asyncio.sleep(PROBE_EVERY * 4)
        return running, len(probes) - running

    running, after_stop = asyncio.run(scenario())
    assert running >= 2 and after_stop == 0
