"""The `facilitate` scenario of bench/bench_workshop.py: the facilitator groups a board while the room watches.

A room of 30 phones (each joined by code, with its WebSocket open) writes 40 cards; the
facilitator moves the board to "gruppér", makes five groups, and then groups the 40 cards one
move at a time, as the run page sends them (HTMX: the form's POST, then the board it leads to).
The projector follows the facilitator's socket as assets/live.js does: on each event it fetches
its wall again. A phone has a move when its socket brings the card's event with the new group
(assets/phone/board.mjs places the card without asking the server); the projector has it when
the wall it fetched shows the card inside that group. `move_p95_ms` is the 95th percentile, over
the 40 moves, of the time from sending the move until every phone and the projector had it.
The next move is sent when the last one has arrived everywhere, after a facilitator's short pause.
"""

import asyncio
import json
import os
import re
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from bench.participants import Facilitator, Participant
from bench.servers import Server, copy_migrated, manage, manage_json, open_socket, server_env

PHONES = 30
CARDS = 40
GROUPS = 5
PAUSE_S = 0.3  # between one move arriving everywhere and the facilitator's next drag
WAIT_S = 10.0  # a move not everywhere after this long counts with the time waited
HTMX = {"HX-Request": "true", "HX-Boosted": "true", "HX-Target": "run-page", "Accept": "text/html"}
ON_THE_BOARD = {**HTMX, "HX-Target": "run-board"}  # a card's own tools get just the board back


def say(message: str) -> None:
    import sys

    print(f"bench_workshop facilitate: {message}", file=sys.stderr, flush=True)


class Room:
    """The phones and the projector, and when each has seen which card in which group."""

    def __init__(self) -> None:
        self.arrived: dict[tuple[str, int], dict[str, float]] = {}  # (card id, group) → {watcher: time}
        self.expected: tuple[str, int, int] | None = None  # (card id, card pk, group) of the move under way
        self.done = asyncio.Event()
        self.watchers = 0
        self.wall_fetch_ms: list[float] = []  # how long each fetch of the wall took

    def expect(self, card_id: str, card_pk: int, group: int) -> None:
        self.expected = (card_id, card_pk, group)
        self.done.clear()

    def seen(self, watcher: str, card_id: str, group: int, now: float) -> None:
        times = self.arrived.setdefault((card_id, group), {})
        times.setdefault(watcher, now)
        if self.expected and self.expected[0] == card_id and self.expected[2] == group and len(times) >= self.watchers:
            self.done.set()

    async def phone(self, name: str, socket) -> None:
        async for raw in socket:
            now = time.perf_counter()
            for event in json.loads(raw).get("events", ()):
                if event.get("type") == "card" and event.get("group"):
                    self.seen(name, event["id"], event["group"], now)

    async def projector(self, facilitator: Facilitator, workshop: int, socket) -> None:
        """Fetch the wall again on every event, one fetch at a time (and one more if events came meanwhile)."""
        wanted = asyncio.Event()

        async def read() -> None:
            async for _raw in socket:
                wanted.set()

        reader = asyncio.create_task(read())
        try:
            while True:
                await wanted.wait()
                wanted.clear()
                asked = time.perf_counter()
                response = await facilitator.client.get(
                    f"/workshops/{workshop}/projektor/", headers={"HX-Request": "true", "HX-Target": "projector"}
                )
                now = time.perf_counter()
                self.wall_fetch_ms.append(1000 * (now - asked))
                if self.expected:
                    card_id, card_pk, group = self.expected
                    if _in_group(response.text, card_pk, group):
                        self.seen("projector", card_id, group, now)
        finally:
            reader.cancel()


def _in_group(html: str, card_pk: int, group: int) -> bool:
    """Whether the wall shows the card inside the group's box."""
    start = html.find(f'id="gruppe-{group}"')
    if start < 0:
        return False
    end = html.find("</section>", start)
    return f'id="kort-{card_pk}"' in html[start : end if end > 0 else None]


async def _post(facilitator: Facilitator, url: str, data: dict, headers: dict = HTMX) -> None:
    """A run page form as HTMX sends it: the POST, then the run page (or its board) its redirect names."""
    response = await facilitator.client.post(url, data={"csrfmiddlewaretoken": facilitator.csrf_token(), **data}, headers=headers)
    if response.status_code != 302:
        raise RuntimeError(f"{url} answered {response.status_code}: {response.text[:300]}")
    page = await facilitator.client.get(response.headers["location"], headers=headers)
    page.raise_for_status()


async def _go(server: Server, created: dict) -> dict:
    workshop = created["workshops"][0]
    facilitator = Facilitator(server.url)
    await facilitator.log_in(created["facilitator"], created["password"])
    phones = [Participant(server.url, workshop["code"]) for _ in range(PHONES)]
    pages = await asyncio.gather(*(phone.join() for phone in phones))
    room = Room()
    room.watchers = PHONES + 1
    sockets = [(await open_socket(server, page.socket, phone.cookie_header()))[0] for phone, page in zip(phones, pages)]
    wall, _hello = await open_socket(server, f"/ws/workshops/{workshop['pk']}/", facilitator.cookie_header())
    tasks = [asyncio.create_task(room.phone(f"phone {n}", socket)) for n, socket in enumerate(sockets)]
    tasks.append(asyncio.create_task(room.projector(facilitator, workshop["pk"], wall)))
    say(f"{PHONES} phones and the projector follow workshop {workshop['pk']}")

    await facilitator.phase(workshop["section"], "vis")
    texts = [f"Kort nummer {n}: tavlemøderne gav ro" for n in range(CARDS)]
    columns = workshop["columns"]
    await asyncio.gather(
        *(
            phones[n % PHONES].card(workshop["section"], columns[n % len(columns)], text, str(uuid.uuid4()))
            for n, text in enumerate(texts)
        )
    )
    await facilitator.phase(workshop["section"], "grupper")
    for n in range(GROUPS):
        await _post(facilitator, f"/sektioner/{workshop['section']}/grupper/ny/", {"name": f"Gruppe {n + 1}"})
    run_page = (await facilitator.client.get(f"/workshops/{workshop['pk']}/afvikl/")).text
    cards = dict(re.findall(r'id="kort-(\d+)"[^>]*>\s*<p class="samskab-pre">([^<]*)</p>', run_page))
    by_text = {text: int(pk) for pk, text in cards.items()}
    groups = [int(pk) for pk in dict.fromkeys(re.findall(r'id="gruppe-(\d+)"', run_page))]
    client_ids = await _client_ids(phones[0], workshop)
    if len(by_text) != CARDS or len(groups) != GROUPS:
        raise RuntimeError(f"the run page shows {len(by_text)} cards and {len(groups)} groups")
    await asyncio.sleep(1)  # the room has settled

    times, phone_times, wall_times, run_page_ms = [], [], [], []
    late = 0
    for n, text in enumerate(texts):
        pk, group = by_text[text], groups[n % GROUPS]
        room.expect(client_ids[text], pk, group)
        sent = time.perf_counter()
        await _post(facilitator, f"/kort/{pk}/gruppe/", {"group": str(group)}, ON_THE_BOARD)
        run_page_ms.append(1000 * (time.perf_counter() - sent))
        try:
            await asyncio.wait_for(room.done.wait(), timeout=WAIT_S)
        except asyncio.TimeoutError:
            late += 1
        arrived = room.arrived.get((client_ids[text], group), {})
        last = max(arrived.values()) if len(arrived) >= room.watchers else time.perf_counter()
        times.append(1000 * (last - sent))
        if len(arrived) >= room.watchers:
            phone_times.append(1000 * (max(t for name, t in arrived.items() if name != "projector") - sent))
            wall_times.append(1000 * (arrived["projector"] - sent))
        await asyncio.sleep(PAUSE_S)

    for task in tasks:
        task.cancel()
    for socket in [*sockets, wall]:
        await socket.close()
    for browser in [*phones, facilitator]:
        await browser.close()
    return {
        "times": times,
        "late": late,
        "phones": phone_times,
        "wall": wall_times,
        "run_page": run_page_ms,
        "wall_fetch": room.wall_fetch_ms,
    }


async def _client_ids(phone: Participant, workshop: dict) -> dict:
    """The cards' ids by text, from the state the phones read (the room's board)."""
    state = await phone.state()
    return {card["text"]: card["id"] for card in state["board"]}


def run_facilitate(quick: bool = False) -> dict:
    global PHONES, CARDS
    if quick:
        PHONES, CARDS = 4, 10
    say(f"{PHONES} phones, {CARDS} cards in {GROUPS} groups, one move at a time")
    with tempfile.TemporaryDirectory(prefix="samskab-bench-facilitate-") as tmp:
        env = server_env(sqlite_path=Path(tmp) / "bench.sqlite3")
        if not copy_migrated(Path(tmp) / "bench.sqlite3"):
            manage(env, "migrate", "--noinput")
        created = manage_json(env, "bench_workshops", "create", "--workshops", "1", "--votes", "5")
        server = Server(env, Path(tmp) / "uvicorn.log").start()
        try:
            measured = asyncio.run(_go(server, created))
        except BaseException:
            say(f"server log:\n{server.log_tail()}")
            raise
        finally:
            server.stop()
    times = measured["times"]
    say(
        f"the last phone had a move after {statistics.median(measured['phones'] or [0]):.0f} ms (median), "
        f"the projector's wall after {statistics.median(measured['wall'] or [0]):.0f} ms; "
        f"the facilitator's move and run page took {statistics.median(measured['run_page'] or [0]):.0f} ms, "
        f"a fetch of the wall {statistics.median(measured['wall_fetch'] or [0]):.0f} ms (medians); "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    if measured["late"]:
        say(f"{measured['late']} moves had not reached everyone after {WAIT_S:.0f} s; counted with the time waited")
    quantiles = statistics.quantiles(times, n=100, method="inclusive") if len(times) > 1 else times * 99
    return {
        "bench": "workshop",
        "scenario": "facilitate",
        "phones": PHONES,
        "cards": CARDS,
        "moves": len(times),
        "late": measured["late"],
        "move_p50_ms": round(statistics.median(times), 1),
        "move_p95_ms": round(quantiles[94], 1),
        "move_max_ms": round(max(times), 1),
    }
