"""Benchmark the action plan: a round's plan with 500 actions, and "Mine handlinger" with 200 actions in 20 forløb.

    make bench-actions            # or: .venv/bin/python bench/bench_actions.py [--requests N]

Like bench_process.py (whose server and timing helpers it uses): a temporary SQLite file (or
DATABASE_URL), Demo Kommune loaded, uvicorn on a free port with DEBUG off, requests on one
keep-alive connection. The person measured takes part in 20 forløb with 10 actions in each; one
of those forløb's rounds has 500 actions. The last line printed is one JSON object:
{"bench": "actions", "plan_median_ms", "mine_median_ms", "queries_plan", "queries_mine"}.
"""

import argparse
import http.client
import json
import os
import statistics
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_process import FLOOR_PATH, count_queries, fail, p95, prepare_database, start_server, timed_get  # noqa: E402

PROCESSES = 20
ACTIONS_PER_PROCESS = 10
PLAN_ACTIONS = 500
USERNAME = "bench-handlinger"


def fill() -> tuple[int, int]:
    """The person's 20 forløb with their actions, and one round of 500; (that round's pk, the person's pk)."""
    from django.utils import timezone

    from samskab.accounts.models import User
    from samskab.demo import kommune as demo
    from samskab.organisations.models import Role, Unit
    from samskab.processes.models import Participant, Process
    from samskab.rounds.models import Action, ActionStatus, EvaluationRound

    demo.load()
    unit = Unit.objects.get(organisation__slug=demo.DEMO_SLUG, name="Hjemmeplejen Nord")
    person, _created = User.objects.get_or_create(
        username=USERNAME, defaults={"organisation": unit.organisation, "first_name": "Bente", "last_name": "Bench"}
    )
    today = timezone.localdate()
    statuses = list(ActionStatus)
    plan_round = None
    for number in range(PROCESSES):
        process = Process.objects.create(unit=unit, title=f"Benchmark-forløb {number + 1}", start_date=today)
        owner = Participant.objects.create(process=process, user=person, role=Role.EMPLOYEE)
        evaluation_round = EvaluationRound.objects.create(process=process, number=1, opened_on=today)
        count = PLAN_ACTIONS if number == 0 else ACTIONS_PER_PROCESS
        mine = ACTIONS_PER_PROCESS if number == 0 else count
        Action.objects.bulk_create(
            Action(
                round=evaluation_round,
                what=f"Handling {index + 1} i forløb {number + 1}",
                why="Aftalt på evalueringsworkshoppen",
                owner=owner if index < mine else None,
                deadline=today + timedelta(days=index % 60 - 10),
                status=statuses[index % len(statuses)],
            )
            for index in range(count)
        )
        plan_round = plan_round or evaluation_round
    return plan_round.pk, person.pk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=100, help="timed requests of each page (default 100)")
    parser.add_argument("--warmup", type=int, default=10, help="untimed requests of each page first (default 10)")
    args = parser.parse_args()

    tmp = prepare_database()
    round_pk, user_pk = fill()
    plan_path, mine_path = f"/runder/{round_pk}/handlingsplan/", "/mine-handlinger/"
    queries_plan, cookie = count_queries(plan_path, user_pk)
    queries_mine, _cookie = count_queries(mine_path, user_pk)

    server, port = start_server(dict(os.environ), Path(tmp.name) / "uvicorn.log")
    times: dict[str, list[float]] = {plan_path: [], mine_path: []}
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for path in times:
            _, status, body = timed_get(conn, path, cookie)
            if status != 200 or b"Handling 1 i forl" not in body:
                fail(f"{path} answered {status} through uvicorn, without the actions")
            for _ in range(args.warmup):
                timed_get(conn, path, cookie)
        for _ in range(args.requests):
            for path, measured in times.items():
                elapsed, status, _ = timed_get(conn, path, cookie)
                if status != 200:
                    fail(f"{path} answered {status} during the run")
                measured.append(elapsed)
                timed_get(conn, FLOOR_PATH, cookie)  # lets the server finish the request's clean-up
        conn.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    if os.environ.get("DATABASE_URL"):
        from samskab.accounts.models import User
        from samskab.processes.models import Process

        Process.objects.filter(title__startswith="Benchmark-forløb").delete()
        User.objects.filter(username=USERNAME).delete()
    tmp.cleanup()

    plan, mine = times[plan_path], times[mine_path]
    print(f"action plan {plan_path} ({PLAN_ACTIONS} actions): median {statistics.median(plan):.1f} ms, p95 {p95(plan):.1f} ms, {queries_plan} queries")
    print(f"Mine handlinger ({PROCESSES * ACTIONS_PER_PROCESS} actions in {PROCESSES} forløb): median {statistics.median(mine):.1f} ms, p95 {p95(mine):.1f} ms, {queries_mine} queries")
    print(f"  load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(
        json.dumps(
            {
                "bench": "actions",
                "plan_median_ms": round(statistics.median(plan), 2),
                "mine_median_ms": round(statistics.median(mine), 2),
                "queries_plan": queries_plan,
                "queries_mine": queries_mine,
            }
        )
    )


if __name__ == "__main__":
    main()
