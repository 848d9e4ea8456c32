"""Running workshops for the workshop benchmark and the server-restart test, and what they stored.

    manage.py bench_workshops prepare                              # Demo Kommune, once per database
    manage.py bench_workshops create --workshops 8 [--phase vis] [--attendees 30]   # prints one JSON object
    manage.py bench_workshops report --process PK                  # prints the stored cards and votes

`create` loads Demo Kommune if missing (for the facilitator `konsulent`, password
`samskab-demo`) and adds one forløb with N evaluation rounds, each with a running workshop
made from the step-6 template, on its learning board in the given phase. With `--attendees N`
each workshop gets N participants at once, and the JSON gives each one's attendee cookie, as
joining would set it: the benchmark prepares a theme day's 1,000 phones in a second instead of
three requests each (what it measures starts after they have joined). `prepare` only loads
Demo Kommune, for a database that is then copied once per scenario. The benchmark and
the test run against a server in another process on a database of their own, so they talk to
that database through this command rather than through their own Django.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone, translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from samskab.accounts.models import User
from samskab.demo import kommune as demo
from samskab.organisations.models import Role, Unit
from samskab.processes.models import Participant, Process, Step
from samskab.rounds.models import EvaluationRound
from samskab.workshops.joining import COOKIE_PATH, cookie_name, remember
from samskab.workshops.models import Attendee, Card, HeadingKind, Phase, SectionKind, Vote, Workshop, WorkshopStatus
from samskab.workshops.services import workshop_create

FACILITATOR = "konsulent"
UNIT = "Hjemmeplejen Nord"
# The central konsulent downloads the portfolio in the busy scenario. Central konsulenter sign in
# with a code from an app as well (TOTP_REQUIRED, on in production): the benchmark's one has this key.
CENTRAL = "central"
CENTRAL_TOTP_KEY = "3132333435363738393031323334353637383930"


class Command(BaseCommand):
    help = "Create running workshops for the workshop benchmark, or report what they stored (JSON)."

    def add_arguments(self, parser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="a forløb with N running workshops on their learning board")
        create.add_argument("--workshops", type=int, default=1)
        create.add_argument("--phase", choices=Phase.values, default=Phase.WRITE)
        create.add_argument("--votes", type=int, default=5, help="votes per participant (default 5)")
        create.add_argument("--attendees", type=int, default=0, help="participants per workshop, made at once")
        actions.add_parser("prepare", help="load Demo Kommune (for a database to copy)")
        report = actions.add_parser("report", help="the cards and votes stored in the forløb's workshops")
        report.add_argument("--process", type=int, required=True)

    def handle(self, *args, **options) -> None:
        if options["action"] == "prepare":
            result = {"loaded": demo.load()}
        elif options["action"] == "create":
            result = create(options["workshops"], options["phase"], options["votes"], options["attendees"])
        else:
            result = report(options["process"])
        self.stdout.write(json.dumps(result))


def create(count: int, phase: str, votes: int, attendees: int = 0) -> dict:
    if count < 1:
        raise CommandError("--workshops must be at least 1")
    demo.load()
    facilitator = User.objects.get(username=FACILITATOR)
    today = timezone.localdate()
    workshops = []
    with translation.override("da"), transaction.atomic():
        process = Process.objects.create(
            unit=Unit.objects.get(name=UNIT),
            title=f"Benchmark: {count} workshops",
            start_date=today,
            step=Step.LEARN,
        )
        Participant.objects.create(process=process, user=facilitator, role=Role.CONSULTANT)
        central = User.objects.get(username=CENTRAL, organisation__slug=demo.DEMO_SLUG)  # the demo's persona alone
        TOTPDevice.objects.get_or_create(user=central, name="Benchmark", defaults={"key": CENTRAL_TOTP_KEY, "confirmed": True})
        for number in range(1, count + 1):
            evaluation_round = EvaluationRound.objects.create(process=process, number=number, opened_on=today)
            workshop = workshop_create(
                workshop=Workshop(title=f"Benchmark-workshop {number}", date=today, votes_per_participant=votes),
                evaluation_round=evaluation_round,
                by=facilitator,
            )
            board = workshop.sections.filter(kind=SectionKind.BOARD).order_by("order", "pk").first()
            board.phase = phase
            board.save(update_fields=["phase"])
            workshop.status = WorkshopStatus.RUNNING
            workshop.joining_open = True  # no cap: the benchmark's phones are as many as it says
            workshop.current_section = board
            workshop.save(update_fields=["status", "joining_open", "current_section"])
            columns = list(board.headings.filter(kind=HeadingKind.COLUMN).values_list("pk", flat=True))
            made = {"pk": workshop.pk, "code": workshop.join_code, "section": board.pk, "columns": columns}
            if attendees:
                made["attendees"] = joined(workshop, attendees)
            workshops.append(made)
    return {
        "process": process.pk,
        "facilitator": FACILITATOR,
        "password": demo.DEMO_PASSWORD,
        "central": CENTRAL,
        "central_totp_key": CENTRAL_TOTP_KEY,
        "workshops": workshops,
    }


def joined(workshop: Workshop, count: int) -> list[dict]:
    """`count` participants of the workshop, each with the cookie joining gives their browser."""
    made = Attendee.objects.bulk_create([Attendee(workshop=workshop) for _ in range(count)])
    cookies = []
    for attendee in made:
        attendee.workshop = workshop
        response = HttpResponse()
        remember(response, attendee)  # the same signed cookie as the join page sets
        name = cookie_name(workshop)
        cookies.append({"name": name, "value": response.cookies[name].value, "path": COOKIE_PATH})
    return cookies


def report(process_pk: int) -> dict:
    """Every card and vote in the forløb's workshops: what the benchmark and the test count."""
    in_process = {"section__workshop__round__process_id": process_pk}
    cards = Card.objects.filter(**in_process).values_list("client_id", "text", "section__workshop_id")
    votes = Vote.objects.filter(**{f"card__{key}": value for key, value in in_process.items()}).values_list(
        "client_id", "card__client_id", "attendee_id"
    )
    return {
        "cards": [{"id": str(client_id), "text": text, "workshop": workshop} for client_id, text, workshop in cards],
        "votes": [{"id": str(client_id), "card": str(card), "attendee": attendee} for client_id, card, attendee in votes],
    }
