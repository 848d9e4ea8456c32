"""Benchmark a live workshop: simulated phones over real HTTP and WebSocket connections.

    make bench-workshop          # or: .venv/bin/python bench/bench_workshop.py [--scenario NAME] [--quick]

Per scenario it makes a database of its own (a copy of one migrated and given Demo Kommune once
per run), creates the workshops there (manage.py bench_workshops: running, on the learning board,
5 votes per participant, and every participant but one per workshop joined at once, with the
cookie joining sets), starts the server process(es) (`uvicorn samskab.asgi:application`, no
access log, DEBUG off), lets the first participant of each workshop join by code through the
join pages, opens every phone's page (one httpx client with keep-alive per phone) and their
WebSocket at the address the phone page names (`/w/<code>/ws/`, with the phone's cookies and
its Origin). Then the
facilitator, logged in through the login form, moves each board to "vis" with the run page's
phase form; everyone submits 5 cards; the facilitator opens voting ("stem") and everyone casts
5 votes on other people's cards. Writes are sent as the phone's outbox sends them: the same
client id again until a 2xx answer. Like live.js, a phone fetches the state after a gap in the
sequence or a resync, and reconnects (and fetches) when the server closes its socket.
They also do the rest of what assets/phone/phone.mjs and live.js make a real phone do: on a
"changed" event, fetch the page (as a fragment, keeping the socket) when the event names another
layout than the phone's (a new phase or section), else the state, and the page when the state's
layout or version differs from the page's (a phone shows its own sends from the answers, without
fetching its page). That is the load a real room
puts on the server; `--light-phones` leaves it out (only to compare: no real phone is like that).

Latency of a submit (card or vote): from sending it until every OTHER participant of that
workshop has received a WebSocket frame with it (a card or vote event with its id), or has
fetched a state that includes it after a gap or a reconnect. A submit that has not reached
everyone 10 s after the last answer counts with the time waited (a lower bound) and is reported
on stderr. Afterwards the database is read: `stored` is how many of the sent
ids are there, `lost` the rest, `duplicated` every further row in the benchmark's workshops.
`rss_mb` is the peak of the server processes' summed RSS (sampled with psutil), `rss_max_mb`
the peak of the largest single process (a PDF printer started by a server counts on its own), `cpu_pct`
their CPU time over the active period (from the first "vis" to the last vote's delivery) as a
percentage of one core.

Scenarios:
  rooms     8 workshops × 30 participants, one process, SQLite
  rooms-2p  the same on two processes sharing the workshops through Redis (REDIS_URL, database
            14; BENCH_REDIS_URL), on PostgreSQL (a fresh database samskab_bench, BENCH_POSTGRES_DATABASE, on 127.0.0.1:5432, dropped
            afterwards); each workshop's participants are split between the two processes
  hall      1 workshop × 200 participants, one process, SQLite
  burst     the same 200 in five rounds 10 s apart, everyone submitting one card within the
            same second each round; then their votes as in the other scenarios
  busy      rooms, while 4 browsers try wrong passwords, 2 download a referat as PDF and 1 the
            portfolio's .xlsx, each in a loop (their counts by HTTP status on stderr)
  temadag   a theme day: 25 workshops × 40 participants, two processes, PostgreSQL and Redis
            as rooms-2p
  facilitate  30 phones and the projector watch while the facilitator groups 40 cards one move at
            a time; `move_p95_ms`: from a move until every phone and the projector have it
            (bench/facilitate.py)

Cards are sent at random moments within 30 s (rooms, hall; the burst takes 41 s), votes within 20 s
(15 s after the burst), so that a scenario's writing and voting are done within 60 s.
One JSON line per scenario goes to stdout; progress and findings go to stderr.
"""

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.participants import Facilitator, Participant, PhonePage, Refused  # noqa: E402
from bench.servers import Server, copy_migrated, manage, manage_json, open_socket, server_env  # noqa: E402

CARDS_EACH = 5
VOTES_EACH = 5
BURST_ROUNDS = 5
POSTGRES_ADMIN_URL = os.environ.get("BENCH_POSTGRES_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
POSTGRES_DATABASE = os.environ.get("BENCH_POSTGRES_DATABASE", "samskab_bench")
POSTGRES_TEMPLATE = f"{POSTGRES_DATABASE}_template"  # migrated, with Demo Kommune; copied per scenario
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
CONNECT_AT_ONCE = 20  # joins and socket handshakes in flight together
# A phone's fetch() waits for its answer as long as the connection lives: it does not give up after
# 30 s and send the card again, which only added the same work to a server already behind (a hall
# on a busy machine sent 885 such repeats). 120 s still bounds a request lost on a dead connection.
PHONE_TIMEOUT = 120
SETUP_WAIT = 60  # seconds for a phone's first page while setting up; then it is asked for again
SETUP_TRIES = 5
PROCESSES_FOR = 3.0  # seconds the list of the servers' processes is used before it is looked up again


@dataclass(frozen=True)
class Scenario:
    name: str
    workshops: int
    participants: int  # per workshop
    processes: int = 1
    postgres: bool = False
    burst: bool = False
    busy: bool = False  # wrong passwords, PDF referater and the portfolio's .xlsx in loops meanwhile


SCENARIOS = [
    Scenario("rooms", workshops=8, participants=30),
    Scenario("rooms-2p", workshops=8, participants=30, processes=2, postgres=True),
    Scenario("hall", workshops=1, participants=200),
    Scenario("burst", workshops=1, participants=200, burst=True),
    Scenario("busy", workshops=8, participants=30, busy=True),
    Scenario("temadag", workshops=25, participants=40, processes=2, postgres=True),
    Scenario("facilitate", workshops=1, participants=30),  # bench/facilitate.py
]
QUICK_SIZES = {"rooms": (2, 4), "rooms-2p": (2, 4), "hall": (1, 6), "burst": (1, 6), "busy": (2, 4), "temadag": (3, 4)}


@dataclass(frozen=True)
class Timing:
    card_window: float = 30.0  # cards are sent at random moments within this many seconds
    vote_window: float = 20.0
    burst_vote_window: float = 15.0
    burst_gap: float = 10.0  # seconds between the burst's rounds
    burst_spread: float = 1.0  # everyone sends within this second
    delivery_wait: float = 10.0  # after the last answer, the longest wait for the sockets


QUICK_TIMING = Timing(card_window=2.0, vote_window=2.0, burst_vote_window=2.0, burst_gap=1.0)


def say(message: str) -> None:
    print(f"bench_workshop: {message}", file=sys.stderr, flush=True)


@dataclass
class Item:
    """A card or vote sent: by whom, when, and when every other participant had it."""

    kind: str
    workshop: int
    sender: int
    sent_at: float
    waiting_for: int  # other participants that have not received it yet
    stored_at: float = 0.0
    delivered_at: float = 0.0
    refused: str = ""
    tries: int = 0
    failures: list = field(default_factory=list)


@dataclass
class Phone:
    """One simulated participant: an HTTP client, a WebSocket, and what it has received."""

    index: int
    workshop: int  # index into the created workshops
    server: int
    http: Participant
    page: PhonePage | None = None
    socket: object = None
    seq: int = 0  # the last number of the workshop's sequence this phone has applied
    seq_not_vote: int = 0  # the same for the last event that was not a vote (phone.mjs: a page without the board may miss votes)
    seen: set = field(default_factory=set)
    fetching: bool = False
    fetch_again: bool = False
    frames: int = 0
    gaps: int = 0
    refetches: int = 0
    reconnects: int = 0
    reloads: int = 0
    reloading: bool = False


class Run:
    """One scenario against running servers: join, connect, cards, votes; the measurements.

    With `pages` (the default; not with --light-phones) the phones also do what assets/phone/phone.mjs and live.js make a
    real phone do besides sending: fetch the page when told the layout changed (a new phase), the
    state when told something else changed, and the page when the state says it differs.
    """

    def __init__(self, scenario: Scenario, servers: list[Server], created: dict, timing: Timing, seed: str, pages: bool):
        self.scenario = scenario
        self.servers = servers
        self.created = created
        self.timing = timing
        self.pages = pages
        self.random = random.Random(seed)
        self.items: dict[str, Item] = {}
        self.items_of: dict[int, list[tuple[str, Item]]] = {}  # by workshop: a fetch looks only at its own
        self.phones: list[Phone] = []
        self.sockets = True
        self.peak_rss = 0
        self.peak_process_rss = 0
        self.busy: Counter = Counter()  # the busy scenario's downloads and logins, by kind and status
        self.tasks: set[asyncio.Task] = set()
        self.fetch_failures: Counter = Counter()
        self.closing = False
        self._known_processes: list = []
        self._processes_at = float("-inf")

    def _background(self, coroutine) -> None:
        task = asyncio.create_task(self._quietly(coroutine))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _quietly(self, coroutine) -> None:
        """A phone's fetch in the background: a failure is counted, and the phone carries on (as a browser does)."""
        try:
            await coroutine
        except asyncio.CancelledError:
            raise
        except Exception as error:  # noqa: BLE001
            self.fetch_failures[type(error).__name__] += 1

    # --- Setting up: the facilitator, the phones, their sockets.

    async def go(self) -> dict:
        facilitator = Facilitator(self.servers[0].url)
        await facilitator.log_in(self.created["facilitator"], self.created["password"])
        workshops = self.created["workshops"]
        per = self.scenario.participants
        for w, workshop in enumerate(workshops):
            for i in range(per):
                server = i % len(self.servers)
                http = Participant(self.servers[server].url, workshop["code"], timeout=PHONE_TIMEOUT)
                self.phones.append(Phone(len(self.phones), w, server, http))
        gate = asyncio.Semaphore(CONNECT_AT_ONCE)
        started = time.perf_counter()
        await asyncio.gather(*(self._join(phone, gate) for phone in self.phones))
        say(f"{len(self.phones)} participants joined in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        await self._connect_all(gate)
        if self.sockets:
            say(f"{len(self.phones)} WebSockets open in {time.perf_counter() - started:.1f} s")

        sampler = asyncio.create_task(self._sample_rss())
        busy = await self._start_busy() if self.scenario.busy else []
        cpu_before = self._cpu_seconds()
        client_cpu_before = sum(os.times()[:2])
        active_from = time.perf_counter()
        for workshop in workshops:
            await facilitator.phase(workshop["section"], "vis")
        await self._cards()
        card_items = [item for item in self.items.values() if item.kind == "card"]
        await self._until_delivered(card_items)
        for workshop in workshops:
            await facilitator.phase(workshop["section"], "stem")
        await self._votes()
        await self._until_delivered(list(self.items.values()))
        ended_at = time.perf_counter()
        active = ended_at - active_from
        cpu = self._cpu_seconds() - cpu_before
        sampler.cancel()
        for task in busy:
            task.cancel()
        for outcome in await asyncio.gather(*busy, return_exceptions=True):
            if not isinstance(outcome, asyncio.CancelledError):
                raise RuntimeError(f"a load of the busy scenario stopped: {outcome!r}")
        client_cpu = sum(os.times()[:2]) - client_cpu_before

        self.closing = True
        for task in list(self.tasks):
            task.cancel()
        for phone in self.phones:
            if phone.socket is not None:
                await phone.socket.close()
            await phone.http.close()
        await facilitator.close()
        return {
            "active_s": active,
            "cpu_pct": 100 * cpu / active,
            "rss_mb": self.peak_rss / 2**20,
            "rss_max_mb": self.peak_process_rss / 2**20,
            "client_cpu_pct": 100 * client_cpu / active,
            "server_cpu_s": cpu,
            "ended_at": ended_at,
        }

    async def _join(self, phone: Phone, gate: asyncio.Semaphore) -> None:
        """The first phone of a workshop joins through the join pages; the others joined in bulk and open their page."""
        number = phone.index % self.scenario.participants
        async with gate:
            if number == 0:
                phone.page = await phone.http.join()
            else:
                cookie = self.created["workshops"][phone.workshop]["attendees"][number - 1]
                phone.http.client.cookies.set(cookie["name"], cookie["value"], domain="127.0.0.1", path=cookie["path"])
                for attempt in range(1, SETUP_TRIES + 1):
                    # Setting up, not measured: a page that does not come is asked for again, as a
                    # person would reload it (a keep-alive connection the busy server had just
                    # closed once left a theme day's last phone waiting for good).
                    try:
                        phone.page = await asyncio.wait_for(phone.http.page(whole=True), SETUP_WAIT)
                        break
                    except (TimeoutError, httpx.TransportError):
                        if attempt == SETUP_TRIES:
                            raise
                        self.fetch_failures["setup page, asked again"] += 1
            phone.seq = phone.page.seq

    async def _connect_all(self, gate: asyncio.Semaphore) -> None:
        try:
            await self._connect(self.phones[0])
        except Exception as error:  # noqa: BLE001  (any handshake failure: no sockets to measure)
            self.sockets = False
            say(
                f"no WebSocket at {self.phones[0].page.socket} ({type(error).__name__}: {error}); latency is measured "
                "as the HTTP round trip of each submit instead, and nothing about delivery to the others"
            )
            return

        async def connect(phone: Phone) -> None:
            async with gate:
                await self._connect(phone)

        await asyncio.gather(*(connect(phone) for phone in self.phones[1:]))

    async def _connect(self, phone: Phone) -> None:
        """Open the phone's socket at the address its page names; a hello with another number means: fetch."""
        socket, hello = await open_socket(self.servers[phone.server], phone.page.socket, phone.http.cookie_header())
        phone.socket = socket
        self._background(self._read(phone, socket))
        if hello.get("seq") != phone.seq:
            phone.seq = hello.get("seq") or 0
            self._refetch(phone)

    # --- Receiving, as live.js and assets/phone/phone.mjs do.

    async def _read(self, phone: Phone, socket) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            async for raw in socket:
                now = time.perf_counter()
                phone.frames += 1
                frame = json.loads(raw)
                events = frame.get("events", ())
                if frame.get("seq") is None or any(event.get("type") == "resync" for event in events):
                    self._refetch(phone)
                    continue
                if frame["seq"] <= phone.seq:
                    continue
                gap = frame["from"] > phone.seq + 1
                phone.seq = frame["seq"]
                if gap:
                    phone.gaps += 1
                    self._refetch(phone)
                    continue
                layout = None  # the layout the last "changed" event names
                if any(event.get("type") != "vote" for event in events):
                    phone.seq_not_vote = phone.seq
                for event in events:
                    kind = event.get("type")
                    if kind in ("card", "vote"):
                        self._received(phone, event.get("id"), now)
                    elif kind == "changed":
                        layout = event.get("layout") or ""
                if layout is not None and self.pages:
                    if layout and layout != phone.page.fingerprint:
                        self._background(self._reload(phone))  # another layout: the page at once (refresh.mjs)
                    else:
                        self._refetch(phone)
        except ConnectionClosed:
            pass
        if self.closing or phone.socket is not socket:
            return  # closed by us: the end of the run, or a reload
        # Closed by the server (a phone too slow to keep up): connect again after a pause, as live.js does.
        phone.reconnects += 1
        phone.socket = None
        await self._reconnect(phone, pause=0.5)

    async def _reconnect(self, phone: Phone, pause: float) -> None:
        """Open the phone's socket again, with a growing pause between tries, until it opens."""
        while not self.closing:
            await asyncio.sleep(pause)
            try:
                await self._connect(phone)
                return
            except Exception as error:  # noqa: BLE001  (refused, timed out: try again later)
                self.fetch_failures[f"socket {type(error).__name__}"] += 1
                pause = min(pause * 2, 15)

    def _received(self, phone: Phone, item_id: str, now: float) -> None:
        item = self.items.get(item_id)
        if item is None or item_id in phone.seen:
            return
        phone.seen.add(item_id)
        if phone.index != item.sender and phone.workshop == item.workshop:
            item.waiting_for -= 1
            if item.waiting_for == 0:
                item.delivered_at = now

    def _caught_up(self, phone: Phone, asked: float, now: float) -> None:
        """A state or page read includes every write answered before it came (votes as counts only).

        Not only those answered before it was asked for: the server runs requests side by side, so
        a write stored while the page was on its way is in the page (and in its sequence number,
        so the socket will not send it again), though its own answer came a moment after the
        request for the page went out.
        """
        for item_id, item in list(self.items_of.get(phone.workshop, ())):
            if item.stored_at and item.stored_at < now:
                self._received(phone, item_id, now)

    def _refetch(self, phone: Phone) -> None:
        """Fetch the state (one fetch at a time per phone, one more if asked meanwhile), as live.js does."""
        if phone.fetching:
            phone.fetch_again = True
            return
        phone.fetching = True
        self._background(self._fetch_state(phone))

    async def _fetch_state(self, phone: Phone) -> None:
        try:
            while True:
                phone.fetch_again = False
                phone.refetches += 1
                asked = time.perf_counter()
                state = await phone.http.state()
                self._caught_up(phone, asked, time.perf_counter())
                if self.pages and (state.get("fingerprint"), state.get("version")) != (phone.page.fingerprint, phone.page.version):
                    await self._reload(phone)
                if not phone.fetch_again:
                    break
        finally:
            phone.fetching = False

    async def _reload(self, phone: Phone) -> None:
        """The layout or the lists changed: the phone fetches its page (as a fragment) and swaps it in; its socket stays open."""
        if phone.reloading:
            return
        phone.reloading = True
        try:
            while not self.closing:
                phone.reloads += 1
                asked = time.perf_counter()
                try:
                    page = await phone.http.page()
                except httpx.HTTPError as error:  # the page did not come: the next event or poll asks again
                    self.fetch_failures[f"page {type(error).__name__}"] += 1
                    return
                phone.page = page
                self._caught_up(phone, asked, time.perf_counter())
                if page.seq >= (phone.seq if page.board else phone.seq_not_vote):
                    break  # else events came meanwhile and were shown on what was swapped out: again
        finally:
            phone.reloading = False

    # --- Sending.

    async def _send(self, phone: Phone, kind: str, make) -> str | None:
        """Send one card or vote (make(client_id) does it), recording it first so its delivery is seen."""
        import uuid

        client_id = str(uuid.uuid4())
        others = self.scenario.participants - 1
        item = Item(kind, phone.workshop, phone.index, time.perf_counter(), waiting_for=others)
        self.items[client_id] = item
        self.items_of.setdefault(phone.workshop, []).append((client_id, item))
        try:
            outcome = await make(client_id)
        except Refused as refusal:
            item.refused = str(refusal)
            return None
        item.stored_at = outcome.stored_at
        item.tries = outcome.tries
        item.failures = outcome.failures
        if not self.sockets:
            item.delivered_at = outcome.stored_at
        return client_id

    def _card(self, phone: Phone, number: int):
        workshop = self.created["workshops"][phone.workshop]
        column = workshop["columns"][number % len(workshop["columns"])]
        text = f"Deltager {phone.index} kort {number}: tavlemøderne gav ro i hverdagen"
        return lambda client_id: phone.http.card(workshop["section"], column, text, client_id)

    async def _cards(self) -> None:
        start = time.perf_counter()
        if self.scenario.burst:
            moments = [
                [r * self.timing.burst_gap + self.random.uniform(0, self.timing.burst_spread) for r in range(BURST_ROUNDS)]
                for _ in self.phones
            ]
        else:
            moments = [sorted(self.random.uniform(0, self.timing.card_window) for _ in range(CARDS_EACH)) for _ in self.phones]

        async def write(phone: Phone, times: list[float]) -> None:
            for number, moment in enumerate(times):
                await asyncio.sleep(max(0.0, start + moment - time.perf_counter()))
                await self._send(phone, "card", self._card(phone, number))

        await asyncio.gather(*(write(phone, times) for phone, times in zip(self.phones, moments)))
        say(f"{sum(len(t) for t in moments)} cards answered after {time.perf_counter() - start:.1f} s")

    async def _votes(self) -> None:
        start = time.perf_counter()
        stored_cards: dict[int, list[tuple[str, int]]] = {}
        for item_id, item in self.items.items():
            if item.kind == "card" and item.stored_at:
                stored_cards.setdefault(item.workshop, []).append((item_id, item.sender))

        window = self.timing.burst_vote_window if self.scenario.burst else self.timing.vote_window

        async def vote(phone: Phone) -> None:
            others = [card for card, sender in stored_cards.get(phone.workshop, []) if sender != phone.index]
            cards = self.random.sample(others, min(VOTES_EACH, len(others)))
            times = sorted(self.random.uniform(0, window) for _ in cards)
            for card, moment in zip(cards, times):
                await asyncio.sleep(max(0.0, start + moment - time.perf_counter()))
                await self._send(phone, "vote", lambda client_id, card=card: phone.http.vote(card, client_id))

        await asyncio.gather(*(vote(phone) for phone in self.phones))
        say(f"votes answered after {time.perf_counter() - start:.1f} s")

    async def _until_delivered(self, items: list[Item]) -> None:
        """Wait until every stored item has reached every other participant, or delivery_wait has passed."""
        deadline = time.perf_counter() + self.timing.delivery_wait
        while time.perf_counter() < deadline:
            if all(item.delivered_at or not item.stored_at for item in items):
                return
            await asyncio.sleep(0.05)

    # --- The servers' resources.

    def _processes(self, fresh: bool = True):
        """The servers' processes; unless `fresh`, looked up again at most every few seconds: finding
        a process's children reads every process of the machine, and the sampler asks five times a second."""
        now = time.perf_counter()
        if fresh or now - self._processes_at > PROCESSES_FOR:
            self._known_processes = [process for server in self.servers for process in server.psutil_processes()]
            self._processes_at = now
        return self._known_processes

    def _cpu_seconds(self) -> float:
        total = 0.0
        for process in self._processes():
            times = process.cpu_times()
            total += times.user + times.system
        return total

    async def _sample_rss(self) -> None:
        while True:
            each = []
            for process in self._processes(fresh=False):
                try:
                    each.append(process.memory_info().rss)
                except psutil.NoSuchProcess:  # a PDF printer that has finished
                    self._processes_at = float("-inf")
            if not each:
                await asyncio.sleep(0.2)
                continue
            self.peak_rss = max(self.peak_rss, sum(each))
            self.peak_process_rss = max(self.peak_process_rss, *each)
            await asyncio.sleep(0.2)

    # --- The busy scenario: what else a municipality's server does while the rooms write.

    async def _start_busy(self) -> list[asyncio.Task]:
        """4 browsers trying wrong passwords, 2 downloading a referat as PDF, 1 the portfolio's .xlsx; each in a loop.

        The portfolio is the central konsulent's (Demo Kommune's `central`, with the demo's password
        and the code of the app `bench_workshops create` gave them). The three downloaders sign in
        before the wrong passwords start: the login's lockout counts by address as well, and they
        all come from 127.0.0.1.
        """
        url = self.servers[0].url
        workshops = self.created["workshops"]
        password = self.created["password"]
        downloads = []
        for number in range(2):
            browser = Facilitator(url)
            await browser.log_in(self.created["facilitator"], password)
            downloads.append(self._downloads(browser, "pdf", f"/workshops/{workshops[number % len(workshops)]['pk']}/referat/pdf/"))
        central = Facilitator(url)
        await central.log_in(self.created["central"], password, totp_key=self.created["central_totp_key"])
        downloads.append(self._downloads(central, "xlsx", "/portefoelje/portefoelje.xlsx"))
        guesses = [self._wrong_passwords(Facilitator(url), number) for number in range(4)]
        return [asyncio.create_task(load) for load in downloads + guesses]

    async def _wrong_passwords(self, browser: Facilitator, number: int) -> None:
        try:
            while True:
                await browser.client.get("/log-ind/")
                data = {"csrfmiddlewaretoken": browser.csrf_token(), "username": f"gaet{number}", "password": "forkert-kodeord"}
                response = await browser.client.post("/log-ind/", data=data)
                self.busy[f"login {response.status_code}"] += 1
        finally:
            await browser.close()

    async def _downloads(self, browser: Facilitator, kind: str, path: str) -> None:
        """Download in a loop; anything but the document (a 302 to a sign-in step, say) stops the benchmark."""
        try:
            while True:
                response = await browser.client.get(path)
                self.busy[f"{kind} {response.status_code}"] += 1
                if response.status_code != 200:
                    raise RuntimeError(f"{path} answered {response.status_code}, not the {kind} (busy scenario)")
        finally:
            await browser.close()


# --- Databases.


class Databases:
    """The run's databases: migrated and given Demo Kommune once, then copied for each scenario.

    Migrating and loading the demo take about half a minute of CPU; once per scenario that was
    most of a quick run, and minutes of a full one on a busy machine. SQLite scenarios copy a
    prepared file; PostgreSQL ones are created from a prepared template database.
    """

    def __init__(self, root: Path):
        self.root = root
        self.sqlite: Path | None = None
        self.postgres = False

    def sqlite_env(self, path: Path) -> dict:
        if self.sqlite is None:
            prepared = self.root / "prepared.sqlite3"
            env = server_env(sqlite_path=prepared)
            if not copy_migrated(prepared):
                manage(env, "migrate", "--noinput")
            manage(env, "bench_workshops", "prepare")
            self.sqlite = prepared
        for suffix in ("", "-wal"):  # the WAL is folded in when the last connection closes; copied if not
            if Path(f"{self.sqlite}{suffix}").exists():
                shutil.copyfile(f"{self.sqlite}{suffix}", f"{path}{suffix}")
        return server_env(sqlite_path=path)

    def postgres_env(self) -> dict:
        if not self.postgres:
            template = postgres_database(POSTGRES_TEMPLATE)
            env = server_env(database_url=template)
            manage(env, "migrate", "--noinput")
            manage(env, "bench_workshops", "prepare")
            self.postgres = True
        return server_env(database_url=postgres_database(POSTGRES_DATABASE, template=POSTGRES_TEMPLATE), redis_url=REDIS_URL)

    def drop(self) -> None:
        if self.postgres:
            postgres_database(POSTGRES_TEMPLATE, create=False)
            self.postgres = False


def postgres_database(name: str, create: bool = True, template: str = "") -> str:
    """Create (or drop) one of the benchmark's own PostgreSQL databases; its URL."""
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if create:
            conn.execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
    return POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


def empty_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).flushdb()


# --- One scenario.


def percentile(values: list[float], p: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def run_scenario(scenario: Scenario, timing: Timing, databases: Databases, pages: bool = True) -> dict:
    say(
        f"scenario {scenario.name}: {scenario.workshops} workshop(s) × {scenario.participants} participants, "
        f"{scenario.processes} process(es), {'PostgreSQL and Redis' if scenario.postgres else 'SQLite'}"
    )
    with tempfile.TemporaryDirectory(prefix="samskab-bench-workshop-") as tmp:
        if scenario.postgres:
            env = databases.postgres_env()
            empty_redis()
        else:
            env = databases.sqlite_env(Path(tmp) / "bench.sqlite3")
        servers: list[Server] = []
        try:
            # Every phone but the first of each workshop joined already: made at once, with its cookie.
            created = manage_json(
                env, "bench_workshops", "create", "--workshops", str(scenario.workshops), "--votes", str(VOTES_EACH),
                "--attendees", str(scenario.participants - 1),
            )  # fmt: skip
            for number in range(scenario.processes):
                servers.append(Server(env, Path(tmp) / f"uvicorn-{number}.log").start())
            run = Run(scenario, servers, created, timing, seed=scenario.name, pages=pages)
            try:
                measured = asyncio.run(run.go())
            except BaseException:
                for server in servers:
                    say(f"server log (port {server.port}):\n{server.log_tail()}")
                raise
            for server in servers:
                server.stop()
                for line in server.log_lines("live: ")[-10:]:
                    say(f"server (port {server.port}) said: {line}")
            report = manage_json(env, "bench_workshops", "report", "--process", str(created["process"]))
        finally:
            for server in servers:
                server.stop()
            if scenario.postgres:
                postgres_database(POSTGRES_DATABASE, create=False)
                empty_redis()

    items = run.items
    in_database = {row["id"] for row in report["cards"]} | {row["id"] for row in report["votes"]}
    stored = sum(1 for item_id in items if item_id in in_database)
    rows = len(report["cards"]) + len(report["votes"])
    end = measured["ended_at"]
    latencies, late = [], 0
    for item in items.values():
        if not item.stored_at:
            continue
        if item.delivered_at:
            latencies.append(item.delivered_at - item.sent_at)
        else:
            late += 1
            latencies.append(end - item.sent_at)
    latencies_ms = [1000 * value for value in latencies] or [0.0]
    refused = [item.refused for item in items.values() if item.refused]
    retried = sum(1 for item in items.values() if item.tries > 1)
    phones = run.phones
    say(
        f"{scenario.name}: {len(items)} sent ({retried} needed more than one try, {len(refused)} refused), "
        f"active {measured['active_s']:.1f} s; sockets: {sum(p.frames for p in phones)} frames, "
        f"{sum(p.gaps for p in phones)} sequence gaps, {sum(p.reconnects for p in phones)} reconnects, "
        f"{sum(p.refetches for p in phones)} state fetches, {sum(p.reloads for p in phones)} page fetches; "
        f"the simulated phones used {measured['client_cpu_pct']:.0f} % "
        f"of a core, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    per_submit = 1000 * measured["server_cpu_s"] / max(len(items), 1)
    say(
        f"server CPU per submit, with its deliveries and the phones' fetches: {per_submit:.1f} ms (less sensitive to other load than "
        f"the times; the processes' ~{1000 * len(servers) / per_submit:.0f} submits/s at most, were each on a core of its own)"
    )
    if refused:
        say(f"refused, for example: {refused[0]}")
    failures = Counter(failure for item in items.values() for failure in item.failures)
    if failures:
        say(f"tries that failed and were sent again: {dict(failures)}")
    if run.fetch_failures:
        say(f"the phones' page and state fetches and socket opens that failed: {dict(run.fetch_failures)}")
    if run.busy:
        say(f"meanwhile, by kind and HTTP status: {dict(sorted(run.busy.items()))}")
    if late:
        say(f"{late} stored submits had not reached every other participant after the wait; counted with the time waited")
    return {
        "bench": "workshop",
        "scenario": scenario.name,
        "workshops": scenario.workshops,
        "participants": scenario.workshops * scenario.participants,
        "processes": scenario.processes,
        "sent": len(items),
        "stored": stored,
        "lost": len(items) - stored,
        "duplicated": rows - stored,
        "p50_ms": round(percentile(latencies_ms, 50), 1),
        "p95_ms": round(percentile(latencies_ms, 95), 1),
        "p99_ms": round(percentile(latencies_ms, 99), 1),
        "rss_mb": round(measured["rss_mb"], 1),
        "cpu_pct": round(measured["cpu_pct"], 1),
        "like_phones": pages,
        "rss_max_mb": round(measured["rss_max_mb"], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenario", choices=[s.name for s in SCENARIOS], help="run only this scenario")
    parser.add_argument("--quick", action="store_true", help="tiny sizes and short windows: a smoke test")
    parser.add_argument(
        "--light-phones",
        action="store_true",
        help="phones only send and receive: no state fetch on a change, no reload on a new phase (not a real phone)",
    )
    args = parser.parse_args()
    # Stopped from outside: leave through the clean-up (servers stopped, PostgreSQL database dropped).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        import uvloop

        uvloop.install()  # the simulated phones share one event loop; uvloop keeps them from being the bottleneck
    except ImportError:
        pass

    timing = QUICK_TIMING if args.quick else Timing()
    with tempfile.TemporaryDirectory(prefix="samskab-bench-databases-") as root:
        databases = Databases(Path(root))
        try:
            run_scenarios(args, timing, databases)
        finally:
            databases.drop()


def run_scenarios(args, timing: Timing, databases: Databases) -> None:
    for scenario in SCENARIOS:
        if args.scenario and scenario.name != args.scenario:
            continue
        if scenario.name == "facilitate":
            from bench.facilitate import run_facilitate

            print(json.dumps(run_facilitate(quick=args.quick)), flush=True)
            continue
        if args.quick:
            workshops, participants = QUICK_SIZES[scenario.name]
            scenario = replace(scenario, workshops=workshops, participants=participants)
        print(json.dumps(run_scenario(scenario, timing, databases, pages=not args.light_phones)), flush=True)


if __name__ == "__main__":
    main()
