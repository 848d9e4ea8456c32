"""Benchmark the forløb page as production serves it: Django under uvicorn (ASGI), over HTTP.

    make bench-process            # or: .venv/bin/python bench/bench_process.py [--requests N]

It fills one forløb with 50 challenges, 150 solutions, 1,500 follow-ups and some measurements,
starts `uvicorn samskab.asgi:application` on a free port (DEBUG off, no access log, settings
bench/settings.py: the real ones plus the floor's URL), and times GET /forloeb/<pk>/ as the
forløb's facilitator against a "floor" measured in the same run: /bench/floor/, a page that
exists only in the benchmark (bench/urls.py) and returns two bytes of text with no template,
database query or session read, so it costs only uvicorn, the ASGI handler, the middleware and
URL routing. Requests alternate between the two pages on one keep-alive connection, each
followed by an untimed floor request that absorbs the server's clean-up after the response.

The database is a temporary SQLite file, or the one DATABASE_URL names (the benchmark loads the
demo municipality there if missing and deletes its own forløb afterwards). REDIS_URL, if set, is
used as the cache as in production. The last line printed is one JSON object:
{"bench": "process", "median_ms", "p95_ms", "floor_median_ms", "ratio", "queries", "rss_mb"}.
"""

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.servers import copy_migrated  # noqa: E402

CHALLENGES = 50
SOLUTIONS_PER_CHALLENGE = 3
FOLLOW_UPS_PER_SOLUTION = 10
MEASURED_EVERY = 5  # every fifth solution has an indicator with a before and an after measurement
FLOOR_PATH = "/bench/floor/"
PROCESS_TITLE = "Benchmark: a large forløb"


def fail(message: str) -> None:
    print(f"bench_process: {message}", file=sys.stderr)
    sys.exit(2)


def check_services() -> None:
    """Say clearly when the PostgreSQL or Redis the environment names does not answer."""
    from django.db import connection
    from django.db.utils import OperationalError

    try:
        connection.ensure_connection()
    except OperationalError as error:
        fail(f"the database in DATABASE_URL does not answer ({connection.vendor}): {error}".strip())
    redis_url = os.environ.get("REDIS_URL", "")
    if redis_url:
        import redis

        try:
            redis.Redis.from_url(redis_url, socket_connect_timeout=3).ping()
        except redis.exceptions.RedisError as error:
            fail(f"Redis in REDIS_URL ({redis_url}) does not answer: {error}")


def fill() -> tuple[int, int]:
    """Create the large forløb in Hjemmeplejen Nord. Returns (process pk, facilitator pk)."""
    from django.db import transaction

    from samskab.accounts.models import User
    from samskab.demo import kommune as demo
    from samskab.organisations.models import Role, Unit
    from samskab.processes.models import (
        Challenge,
        FollowUp,
        Indicator,
        Measurement,
        MeasurementPhase,
        Participant,
        Process,
        Solution,
        SolutionStatus,
        Step,
    )

    demo.load()
    today = date.today()
    users = {user.username: user for user in User.objects.filter(organisation__slug=demo.DEMO_SLUG)}
    facilitator = users["konsulent"]
    owners = [users[name] for name in ("leder", "medarbejder", "tr", "amr", "konsulent")]
    statuses = list(SolutionStatus)
    with transaction.atomic():
        process = Process.objects.create(
            unit=Unit.objects.get(name="Hjemmeplejen Nord"),
            title=PROCESS_TITLE,
            purpose="Et stort forløb til at måle, hvor hurtigt oversigten vises. " * 3,
            frame="Lovkrav og budget ligger fast.",
            start_date=today - timedelta(days=500),
            step=Step.EVALUATE,
            next_evaluation=today + timedelta(days=30),
        )
        Participant.objects.create(process=process, user=facilitator, role=Role.CONSULTANT)
        for owner in owners[:4]:
            Participant.objects.create(process=process, user=owner, role=Role.EMPLOYEE)
        challenges = Challenge.objects.bulk_create(
            Challenge(
                process=process,
                title=f"Udfordring {n}: dobbeltregistrering i system {n}",
                description="Det samme skrives flere steder. " * 5,
                why_problem="Det tager tid fra borgerne. " * 3,
                affected="Medarbejderne i hjemmeplejen",
                priority=n,
            )
            for n in range(1, CHALLENGES + 1)
        )
        solutions = Solution.objects.bulk_create(
            Solution(
                challenge=challenge,
                title=f"Løsning {c}.{s}: færre felter i skabelonen",
                description="Vi prøver en enklere skabelon. " * 4,
                expected_effect="Mere tid hos borgerne.",
                owner=owners[(c + s) % len(owners)],
                start_date=today - timedelta(days=400),
                status=statuses[(c * SOLUTIONS_PER_CHALLENGE + s) % len(statuses)],
            )
            for c, challenge in enumerate(challenges, start=1)
            for s in range(1, SOLUTIONS_PER_CHALLENGE + 1)
        )
        # Every third solution was last followed up long ago, so "without follow-up" shows too.
        FollowUp.objects.bulk_create(
            FollowUp(
                solution=solution,
                date=today - timedelta(days=(90 if n % 3 == 0 else 3) + 30 * f),
                status=solution.status,
                happened=f"Opfølgning {f} på løsning {n}: status gennemgået på teammødet, og erfaringerne er skrevet ned. " * 2,
                blockers="Mangler tid til oplæring." if f % 4 == 0 else "",
                author=facilitator,
            )
            for n, solution in enumerate(solutions)
            for f in range(FOLLOW_UPS_PER_SOLUTION)
        )
        indicators = Indicator.objects.bulk_create(
            Indicator(solution=solution, name="Minutter til dokumentation pr. vagt", unit="minutter")
            for solution in solutions[::MEASURED_EVERY]
        )
        Measurement.objects.bulk_create(
            Measurement(indicator=indicator, phase=phase, value=value, date=today - timedelta(days=days))
            for indicator in indicators
            for phase, value, days in ((MeasurementPhase.BEFORE, Decimal("55"), 300), (MeasurementPhase.AFTER, Decimal("38.5"), 20))
        )
    return process.pk, facilitator.pk


def count_queries(path: str, user_pk: int) -> tuple[int, str]:
    """Queries for one forløb page (in-process test client), and a session cookie for the server."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from samskab.accounts.models import User

    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(User.objects.get(pk=user_pk))
    client.get(path)  # the first request fills per-process caches; count a later one
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    if response.status_code != 200:
        fail(f"{path} answered {response.status_code} in-process")
    cookie = client.cookies["sessionid"].value
    connection.close()
    return len(queries.captured_queries), f"sessionid={cookie}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env: dict[str, str], log: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    command = [
        sys.executable, "-m", "uvicorn", "samskab.asgi:application",
        "--host", "127.0.0.1", "--port", str(port), "--no-access-log", "--log-level", "warning",
        "--no-server-header", "--ws-max-size", "4096",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            fail(f"uvicorn exited with {server.returncode}:\n{log.read_text()}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", FLOOR_PATH)
            if conn.getresponse().status == 200:
                conn.close()
                return server, port
        except OSError:
            time.sleep(0.1)
    server.kill()
    fail(f"uvicorn did not answer within 30 s:\n{log.read_text()}")
    raise AssertionError  # not reached


def timed_get(conn: http.client.HTTPConnection, path: str, cookie: str) -> tuple[float, int, bytes]:
    start = time.perf_counter()
    conn.request("GET", path, headers={"Cookie": cookie})
    response = conn.getresponse()
    body = response.read()
    return (time.perf_counter() - start) * 1000, response.status, body


def cpu_seconds(pid: int) -> float:
    """User and system CPU time the server process has used so far, all threads together."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=100, method="inclusive")[94]


def prepare_database() -> tempfile.TemporaryDirectory:
    """Django set up for a benchmark on a migrated database: a temporary SQLite file, or DATABASE_URL.

    The returned directory holds the SQLite file and the server's log; clean it up at the end.
    """
    tmp = tempfile.TemporaryDirectory(prefix="samskab-bench-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["DEBUG"] = "0"
    copied = False
    if not os.environ.get("DATABASE_URL"):
        os.environ["SQLITE_PATH"] = str(Path(tmp.name) / "bench.sqlite3")
        copied = copy_migrated(Path(os.environ["SQLITE_PATH"]))

    import django
    from django.core.management import call_command

    django.setup()
    check_services()
    if not copied:
        call_command("migrate", verbosity=0)
    return tmp



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=300, help="timed requests of each page (default 300)")
    parser.add_argument("--warmup", type=int, default=30, help="untimed requests of each page first (default 30)")
    args = parser.parse_args()

    load = os.getloadavg()[0]
    tmp = prepare_database()
    process_pk, user_pk = fill()
    path = f"/forloeb/{process_pk}/"
    queries, cookie = count_queries(path, user_pk)

    server, port = start_server(dict(os.environ), Path(tmp.name) / "uvicorn.log")
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        _, status, body = timed_get(conn, path, cookie)
        if status != 200 or PROCESS_TITLE.encode() not in body:
            fail(f"{path} answered {status} through uvicorn, without the forløb")
        for _ in range(args.warmup):
            timed_get(conn, path, cookie)
            timed_get(conn, FLOOR_PATH, cookie)
        page, floor = [], []
        cpu = {path: 0.0, FLOOR_PATH: 0.0}  # the server's CPU time, summed per page
        for _ in range(args.requests):
            for times, target in ((page, path), (floor, FLOOR_PATH)):
                before = cpu_seconds(server.pid)
                elapsed, status, _ = timed_get(conn, target, cookie)
                cpu[target] += cpu_seconds(server.pid) - before
                if status != 200:
                    fail(f"{target} answered {status} during the run")
                times.append(elapsed)
                # The server closes a request's database connection after it has sent the
                # response; an untimed request lets that finish before the next timed one.
                timed_get(conn, FLOOR_PATH, cookie)
        conn.close()
        memory = rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)

    if os.environ.get("DATABASE_URL"):
        from samskab.processes.models import Process

        Process.objects.filter(pk=process_pk).delete()
    tmp.cleanup()

    result = {
        "bench": "process",
        "median_ms": round(statistics.median(page), 2),
        "p95_ms": round(p95(page), 2),
        "floor_median_ms": round(statistics.median(floor), 2),
        "ratio": round(statistics.median(page) / statistics.median(floor), 1),
        "queries": queries,
        "rss_mb": memory,
    }
    print(
        f"forløb page {path} ({CHALLENGES} challenges, {CHALLENGES * SOLUTIONS_PER_CHALLENGE} solutions, "
        f"{CHALLENGES * SOLUTIONS_PER_CHALLENGE * FOLLOW_UPS_PER_SOLUTION} follow-ups; {len(body)} bytes), "
        f"{args.requests} requests each after {args.warmup} warm-up, uvicorn on 127.0.0.1:{port}"
    )
    print(f"  page : median {result['median_ms']} ms, p95 {result['p95_ms']} ms, {queries} queries")
    print(f"  floor: median {result['floor_median_ms']} ms ({FLOOR_PATH}: middleware and routing only)")
    page_cpu, floor_cpu = (1000 * cpu[target] / args.requests for target in (path, FLOOR_PATH))
    print(f"  server CPU per request: page {page_cpu:.1f} ms, floor {floor_cpu:.2f} ms (less sensitive to other load)")
    print(f"  load average before the run: {load:.2f} on {os.cpu_count()} cores (a busy machine inflates every time)")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
