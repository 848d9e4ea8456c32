"""Benchmark the erfaringsbank's search and the central konsulent's portfolio in a large municipality.

    make bench-bank               # or: .venv/bin/python bench/bench_bank.py [--small] [--db sqlite|postgresql]

For each database it generates a synthetic municipality (samskab/demo/synthetic.py: 200 units,
1,000 forløb and 100,000 bank items by default), starts uvicorn on a free port (DEBUG off, no
access log, bench/settings.py) and, logged in as the municipality's central konsulent, times
over HTTP on one keep-alive connection:

- the bank's search page, /erfaringsbank/?q=…, with a mix of queries: single words in another
  form than the one written (common, middling and rare words), two words, and words with a unit
  filter (a forvaltning or an område and the units below);
- the portfolio, /portefoelje/, and its query count (in-process, Django's test client).

SQLite always (a temporary file); PostgreSQL when 127.0.0.1:5432 answers (trust auth): the
benchmark creates its own database samskab_bench_bank and drops it afterwards. Each database runs
in a child process of its own (Django's settings hold one database). Each child prints a few
lines of detail (hit counts per query, the search function's own time in-process, the load
average) and last one JSON line:
{"bench": "bank", "db": "sqlite" | "postgresql", "items", "search_p50_ms", "search_p95_ms",
 "portfolio_median_ms", "queries_portfolio"}; the portfolio's figures are null when the page is
missing or does not answer 200.
"""

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_process import FLOOR_PATH, cpu_seconds, fail, p95, prepare_database, start_server, timed_get  # noqa: E402

POSTGRES_ADMIN_URL = os.environ.get("BENCH_POSTGRES_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
POSTGRES_DATABASE = "samskab_bench_bank"
NAME = "Benchmark Kommune"

# (query, unit filter?) — word forms other than the commonest written ones, from common to rare.
QUERIES = [
    ("dokumentationen", False),
    ("møderne", False),
    ("skabelonerne", False),
    ("medarbejderen", False),
    ("godkendelser", False),
    ("vagtplanerne", False),
    ("tjeklisten", False),
    ("overleveringerne", False),
    ("forenklede", False),
    ("kørelisterne", False),
    ("ernæringsscreeninger", False),
    ("skærmbesøg", False),
    ("dosisdispenseren", False),
    ("tavlemøder kørsel", False),
    ("skabelon dokumentation", False),
    ("faste morgenmøder", False),
    ("godkendelse af indkøb", False),
    ("dokumentation", True),
    ("vagtplaner", True),
    ("tavlemødet tjekliste", True),
]


# --- The parent: one child per database.


def postgres_reachable() -> bool:
    import psycopg

    try:
        with psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=3):
            return True
    except psycopg.Error:
        return False


def postgres_database(create: bool) -> str:
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {POSTGRES_DATABASE} WITH (FORCE)")
        if create:
            conn.execute(f"CREATE DATABASE {POSTGRES_DATABASE}")
    return POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + POSTGRES_DATABASE


def run_child(db: str, argv: list[str]) -> int:
    env = {name: value for name, value in os.environ.items() if name not in ("DATABASE_URL", "SQLITE_PATH", "DJANGO_SETTINGS_MODULE")}
    if db == "postgresql":
        env["DATABASE_URL"] = postgres_database(create=True)
    try:
        child = subprocess.run([sys.executable, __file__, *argv, "--child", db], cwd=ROOT, env=env)
    finally:
        if db == "postgresql":
            postgres_database(create=False)
    return child.returncode


# --- The child: one database.


def generate(args) -> tuple[int, list[tuple[str, int | None]]]:
    """The municipality; (the central konsulent's pk, the queries with their unit filters)."""
    from samskab.accounts.models import User
    from samskab.demo import synthetic
    from samskab.organisations.models import Unit, UnitKind

    started = time.perf_counter()
    made = synthetic.generate(units=args.units, processes=args.processes, items=args.items, seed=args.seed, name=NAME)
    print(
        f"generated {args.units} units, {args.processes} forløb, {made.counts.get('bank items', 0)} bank items "
        f"in {time.perf_counter() - started:.1f} s"
    )
    central = User.objects.get(username=made.central_username)
    # Unit filters: an område and a forvaltning in turn (that unit and the units below).
    filters = list(
        Unit.objects.filter(organisation=made.organisation, kind__in=[UnitKind.AREA, UnitKind.ADMINISTRATION])
        .order_by("kind", "pk")
        .values_list("pk", flat=True)
    )
    queries, n = [], 0
    for text, with_unit in QUERIES:
        unit = filters[n % len(filters)] if with_unit and filters else None
        n += with_unit
        queries.append((text, unit))
    return central.pk, queries


def login(user_pk: int) -> tuple[object, str]:
    """An in-process test client logged in as the user, and its session cookie for the server."""
    from django.test import Client

    from samskab.accounts.models import User

    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(User.objects.get(pk=user_pk))
    return client, f"sessionid={client.cookies['sessionid'].value}"


def search_path(text: str, unit: int | None) -> str:
    params = {"q": text}
    if unit:
        params["unit"] = str(unit)
    return "/erfaringsbank/?" + urlencode(params)


def in_process(user_pk: int, queries, rounds: int) -> tuple[dict, list[float]]:
    """Each query's hit count, and the times of search() alone (no page, no HTTP)."""
    from samskab.accounts.models import User
    from samskab.bank.search import Filters, search
    from samskab.organisations.models import Unit

    user = User.objects.get(pk=user_pk)
    paths = dict(Unit.objects.values_list("pk", "path"))
    hits, times = {}, []
    for n in range(rounds):
        for text, unit in queries:
            start = time.perf_counter()
            results = search(user, text, Filters(unit_path=paths[unit] if unit else ""))
            times.append((time.perf_counter() - start) * 1000)
            if n == 0:
                hits[(text, unit)] = results.total
    return hits, times


def portfolio_queries(client) -> int | None:
    """The portfolio page's query count (a later request, after the per-process caches are filled)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import NoReverseMatch, reverse

    try:
        path = reverse("portfolio:portfolio")
    except NoReverseMatch:
        return None
    if client.get(path).status_code != 200:
        return None
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return len(queries.captured_queries) if response.status_code == 200 else None


def child(args) -> None:
    load = os.getloadavg()[0]
    tmp = prepare_database()
    from django.db import connection

    db = connection.vendor
    user_pk, queries = generate(args)
    if db == "postgresql":
        # As autovacuum would by now: the rows the index rewrote (search_vector) leave dead tuples behind.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE bank_bankitem")
    hits, function_times = in_process(user_pk, queries, rounds=2)
    client, cookie = login(user_pk)
    queries_portfolio = portfolio_queries(client)
    connection.close()

    server, port = start_server(dict(os.environ), Path(tmp.name) / "uvicorn.log")
    search_times: list[float] = []
    portfolio_times: list[float] = []
    cpu = {"search": 0.0, "portfolio": 0.0}  # the server's CPU time, less sensitive to other load than the clock
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        paths = [search_path(text, unit) for text, unit in queries]
        for path in paths:  # warm-up, and a check that every query answers with results
            _, status, body = timed_get(conn, path, cookie)
            if status != 200:
                fail(f"{path} answered {status} through uvicorn")
        for _ in range(args.warmup):
            timed_get(conn, paths[0], cookie)
        for n in range(args.searches):
            before = cpu_seconds(server.pid)
            elapsed, status, _ = timed_get(conn, paths[n % len(paths)], cookie)
            cpu["search"] += cpu_seconds(server.pid) - before
            if status != 200:
                fail(f"{paths[n % len(paths)]} answered {status} during the run")
            search_times.append(elapsed)
            timed_get(conn, FLOOR_PATH, cookie)  # lets the server finish the request's clean-up
        if queries_portfolio is not None:
            for _ in range(min(args.warmup, 3)):
                timed_get(conn, "/portefoelje/", cookie)
            for _ in range(args.portfolio_requests):
                before = cpu_seconds(server.pid)
                elapsed, status, _ = timed_get(conn, "/portefoelje/", cookie)
                cpu["portfolio"] += cpu_seconds(server.pid) - before
                if status != 200:
                    fail(f"/portefoelje/ answered {status} during the run")
                portfolio_times.append(elapsed)
                timed_get(conn, FLOOR_PATH, cookie)
        conn.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    tmp.cleanup()

    print(f"{db}: {args.searches} searches over HTTP, {len(portfolio_times)} portfolio requests; hits per query:")
    for (text, unit), total in hits.items():
        print(f"  {total:>7}  {text}" + (f" (unit {unit} and below)" if unit else ""))
    print(
        f"  search() in-process: median {statistics.median(function_times):.1f} ms, "
        f"p95 {p95(function_times) if len(function_times) > 1 else function_times[0]:.1f} ms"
    )
    print(
        f"  over HTTP: search median {statistics.median(search_times):.1f} ms, p95 {p95(search_times):.1f} ms, "
        f"server CPU {1000 * cpu['search'] / len(search_times):.1f} ms per search"
        + (
            f"; portfolio median {statistics.median(portfolio_times):.1f} ms, server CPU "
            f"{1000 * cpu['portfolio'] / len(portfolio_times):.1f} ms per request, {queries_portfolio} queries"
            if portfolio_times
            else "; no portfolio page"
        )
    )
    print(f"  load average before: {load:.2f}, after: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    result = {
        "bench": "bank",
        "db": db,
        "items": args.items,
        "search_p50_ms": round(statistics.median(search_times), 2),
        "search_p95_ms": round(p95(search_times), 2),
        "portfolio_median_ms": round(statistics.median(portfolio_times), 2) if portfolio_times else None,
        "queries_portfolio": queries_portfolio,
    }
    print(json.dumps(result), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--processes", type=int, default=1000)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--searches", type=int, default=200, help="timed search requests (default 200)")
    parser.add_argument("--portfolio-requests", type=int, default=30, help="timed portfolio requests (default 30)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed requests first (default 20)")
    parser.add_argument("--small", action="store_true", help="a small municipality and few requests (the smoke test)")
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--child", choices=["sqlite", "postgresql"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.small:
        args.units, args.processes, args.items = 12, 20, 2000
        args.searches, args.portfolio_requests, args.warmup = len(QUERIES), 3, 1
    if args.child:
        child(args)
        return

    argv = [
        "--units", str(args.units), "--processes", str(args.processes), "--items", str(args.items), "--seed", str(args.seed),
        "--searches", str(args.searches), "--portfolio-requests", str(args.portfolio_requests), "--warmup", str(args.warmup),
    ]  # fmt: skip
    databases = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    failed = 0
    for db in databases:
        if db == "postgresql" and not postgres_reachable():
            message = f"PostgreSQL at {POSTGRES_ADMIN_URL} does not answer"
            if args.db == "postgresql":
                fail(message)
            print(f"bench_bank: {message}; SQLite only.", file=sys.stderr)
            continue
        failed |= run_child(db, argv)
    sys.exit(failed)


if __name__ == "__main__":
    main()
