"""Benchmark the documents people download: a large workshop's referat and a large portfolio.

    make bench-documents          # or: .venv/bin/python bench/bench_documents.py [--cards 150] [--processes 1000]

On a temporary SQLite database (or the one DATABASE_URL names) it loads Demo Kommune, puts
150 cards (with votes, in both columns of the learning board) into the demo forløb's workshop,
and generates a synthetic municipality with 1,000 forløb (samskab/demo/synthetic.py, no
erfaringsbank items). Then, in-process through Django's test client (the whole view: queries,
templates, the writer), it times the referat as Word and as PDF (as the facilitator) and the
portfolio as .xlsx (as the municipality's central konsulent), each the median of a few
downloads after one untimed. The last line printed is one JSON object:
{"bench": "documents", "cards": 150, "docx_ms", "pdf_ms", "portfolio_xlsx_ms"}.
Targets: Word ≤ 1,000 ms, PDF ≤ 3,000 ms, the portfolio's .xlsx ≤ 2,000 ms.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_process import prepare_database  # noqa: E402

NAME = "Dokument Kommune"


def say(message: str) -> None:
    print(f"bench_documents: {message}", file=sys.stderr, flush=True)


def workshop_with_cards(cards: int) -> tuple[int, int]:
    """The demo forløb's workshop with `cards` cards on its learning board; (workshop pk, facilitator pk)."""
    import uuid

    from django.db import transaction

    from samskab.accounts.models import User
    from samskab.demo import kommune as demo
    from samskab.workshops.models import Attendee, Card, HeadingKind, SectionKind, Vote, Workshop

    demo.load()
    facilitator = User.objects.get(username="konsulent")
    workshop = Workshop.objects.filter(round__process__participants__user=facilitator).order_by("pk").first()
    board = workshop.sections.filter(kind=SectionKind.BOARD).order_by("order", "pk").first()
    columns = list(board.headings.filter(kind=HeadingKind.COLUMN).order_by("pk"))
    with transaction.atomic():
        attendees = Attendee.objects.bulk_create(Attendee(workshop=workshop, role="medarbejder") for _ in range(30))
        made = Card.objects.bulk_create(
            Card(
                section=board,
                column=columns[n % len(columns)],
                attendee=attendees[n % len(attendees)],
                text=f"Kort {n + 1}: tavlemøderne gav ro i hverdagen, og vi vil gerne fortsætte med dem næste år",
                client_id=uuid.uuid4(),
            )
            for n in range(cards)
        )
        Vote.objects.bulk_create(
            Vote(card=made[(n * 7) % len(made)], attendee=attendees[n % len(attendees)], client_id=uuid.uuid4())
            for n in range(cards * 2)
        )
    return workshop.pk, facilitator.pk


def central_of_large_municipality(processes: int, units: int = 200) -> int:
    from samskab.accounts.models import User
    from samskab.demo import synthetic

    started = time.perf_counter()
    made = synthetic.generate(units=units, processes=processes, items=0, name=NAME)
    say(f"generated {units} units and {processes} forløb in {time.perf_counter() - started:.1f} s")
    return User.objects.get(username=made.central_username).pk


def timed(client, path: str, times: int) -> float:
    """The median milliseconds of `times` downloads of `path`, after one untimed."""
    first = client.get(path)
    if first.status_code != 200:
        raise SystemExit(f"bench_documents: {path} answered {first.status_code}")
    durations = []
    for _ in range(times):
        started = time.perf_counter()
        response = client.get(path)
        b"".join(response) if response.streaming else response.content
        durations.append(1000 * (time.perf_counter() - started))
    return statistics.median(durations)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cards", type=int, default=150, help="cards in the referat's workshop (default 150)")
    parser.add_argument("--processes", type=int, default=1000, help="forløb in the portfolio (default 1000)")
    parser.add_argument("--times", type=int, default=5, help="timed downloads of each document (default 5)")
    parser.add_argument("--units", type=int, default=200, help="units of the portfolio's municipality (default 200)")
    args = parser.parse_args()

    load = os.getloadavg()[0]
    tmp = prepare_database()
    from django.test import Client
    from django.urls import reverse

    from samskab.accounts.models import User

    workshop, facilitator = workshop_with_cards(args.cards)
    central = central_of_large_municipality(args.processes, args.units)
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(User.objects.get(pk=facilitator))
    docx_ms = timed(client, reverse("workshops:minutes_docx", args=[workshop]), args.times)
    pdf_ms = timed(client, reverse("workshops:minutes_pdf", args=[workshop]), args.times)
    client.force_login(User.objects.get(pk=central))
    xlsx_ms = timed(client, reverse("portfolio:portfolio_xlsx"), args.times)
    say(f"load average {load:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores")
    tmp.cleanup()
    report = {
        "bench": "documents",
        "cards": args.cards,
        "docx_ms": round(docx_ms, 1),
        "pdf_ms": round(pdf_ms, 1),
        "portfolio_xlsx_ms": round(xlsx_ms, 1),
    }
    print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main()
