"""The forløb overview, prepared in Python so the page stays fast with hundreds of solutions.

The solutions are read as plain values in one query, and each challenge's section (heading,
status and its solutions' table) is written here as escaped HTML that the template prints at
once. With 50 challenges and 150 solutions, building model objects and resolving some 1,500
template variables, tags and filters per page were most of its time (bench/bench_process.py);
this module is that page's hot path, so keep it lean: labels, URLs and the table head are made
once per page, and each row is one f-string.
"""

from dataclasses import dataclass
from functools import cache
from html import escape  # the escaping Django's does, without making a SafeString of every piece

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from samskab.core.rows import LongDate, url_maker
from samskab.processes.models import FollowUp, Process, Solution, SolutionStatus, challenge_status, is_silent

EXCERPT = 90


def solutions_for_overview():
    """Solutions with the date and the start of the text of their newest follow-up, in one query."""
    newest = FollowUp.objects.filter(solution=OuterRef("pk")).order_by("-date", "-pk")
    return (
        Solution.objects.select_related("owner")
        .only("title", "status", "created_at", "challenge_id", "owner__username", "owner__first_name", "owner__last_name")
        .annotate(
            last_follow_up_date=Subquery(newest.values("date")[:1]),
            last_follow_up_excerpt=Subquery(
                newest.annotate(excerpt=Substr("happened", 1, EXCERPT + 1)).values("excerpt")[:1]
            ),
        )
    )


@dataclass
class ChallengeRow:
    """One challenge of the overview: what the page and its tests read, and its section as HTML."""

    pk: int
    title: str
    priority: int
    status: str = "none"  # a SolutionStatus value, or "none" without solutions
    html: SafeString = SafeString()


class _SectionWriter:
    """Writes the challenges' sections and their solutions' rows; labels are translated and escaped once per page."""

    def __init__(self, silent_after_days: int):
        self.today, self.silent_after_days = timezone.localdate(), silent_after_days
        self.status_labels = {s.value: escape(str(s.label)) for s in SolutionStatus}
        self.date = LongDate()
        self.solution_url, self.challenge_url = url_maker("processes:solution"), url_maker("processes:challenge")
        columns = [escape(_("Solution")), escape(_("Status")), escape(_("Owner")), escape(_("Last follow-up"))]
        self.head = "".join(f'<th scope="col">{column}</th>' for column in columns)
        # Each cell opens with its column's name, which a narrow screen shows beside the value (DKFDS).
        self.cells = [f' data-title="{column}">' for column in columns]
        self.priority, self.status = escape(_("Priority")), columns[1]
        self.no_solutions, self.no_solutions_yet = escape(_("no solutions yet")), escape(_("No solutions yet."))
        self.caption = _("Solutions to %(title)s")
        self.silent = f' <span class="status status-silent">{escape(_("without follow-up"))}</span>'
        self.none_yet = escape(_("none yet"))

    def is_silent(self, solution: dict) -> bool:
        since = solution["last_follow_up_date"] or timezone.localdate(solution["created_at"])
        return is_silent(solution["status"], since, self.today, self.silent_after_days)

    def row(self, solution: dict, silent: bool) -> str:
        status = solution["status"]
        owner = " ".join(filter(None, (solution["owner__first_name"], solution["owner__last_name"])))
        owner = owner or solution["owner__username"] or "–"
        last = self.none_yet
        if solution["last_follow_up_date"]:
            excerpt = solution["last_follow_up_excerpt"]
            if len(excerpt) > EXCERPT:
                excerpt = excerpt[: EXCERPT - 1].rstrip() + "…"
            last = f"{self.date(solution['last_follow_up_date'])}: {escape(excerpt)}"
        stalled = ' class="is-stalled"' if status == SolutionStatus.STALLED else ""
        solution_cell, status_cell, owner_cell, last_cell = self.cells
        return (
            f"<tr{stalled}>"
            f'<td{solution_cell}<a href="{self.solution_url(solution["pk"])}">{escape(solution["title"])}</a></td>'
            f'<td{status_cell}<span class="status status-{status}">{self.status_labels[status]}</span>'
            f"{self.silent if silent else ''}</td>"
            f"<td{owner_cell}{escape(owner)}</td><td{last_cell}{last}</td></tr>"
        )

    def section(self, challenge: ChallengeRow, rows: list[str]) -> SafeString:
        pk, title = challenge.pk, escape(challenge.title)
        label = self.status_labels.get(challenge.status, self.no_solutions)
        if rows:
            caption = escape(self.caption % {"title": challenge.title})
            solutions = (
                '<div class="samskab-table-wrap"><table class="table table--compact table-sm-responsive-headers">'
                f'<caption class="sr-only">{caption}</caption><thead><tr>{self.head}</tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table></div>'
            )
        else:
            solutions = f"<p>{self.no_solutions_yet}</p>"
        return mark_safe(
            f'<section class="samskab-card" aria-labelledby="challenge-{pk}">'
            f'<h3 id="challenge-{pk}"><a href="{self.challenge_url(pk)}">{title}</a></h3>'
            f'<p class="samskab-meta">{self.priority} {challenge.priority} · {self.status}: '
            f'<span class="status status-{challenge.status}">{label}</span></p>{solutions}</section>\n'
        )


@cache
def _overview_solutions():
    """Every solution's row values, newest follow-up included: a query made once in each server process.

    Making the query (its two subqueries) cost Django more than running it; each page only adds
    its forløb to a copy.
    """
    return (
        solutions_for_overview()
        .order_by("pk")
        .values(
            "pk", "challenge_id", "title", "status", "created_at", "owner__username", "owner__first_name",
            "owner__last_name", "last_follow_up_date", "last_follow_up_excerpt",
        )
    )


def overview(process: Process, silent_after_days: int) -> tuple[list[ChallengeRow], dict[str, int]]:
    """The forløb's challenges, each with its section's HTML, and the page's counts, in two queries."""
    challenges = [
        ChallengeRow(pk, title, priority)
        for pk, title, priority in process.challenges.values_list("pk", "title", "priority")
    ]
    rows: dict[int, list[str]] = {challenge.pk: [] for challenge in challenges}
    statuses: dict[int, list[str]] = {challenge.pk: [] for challenge in challenges}
    writer, counts = _SectionWriter(silent_after_days), {"solutions": 0, "stalled": 0, "silent": 0}
    for solution in _overview_solutions().filter(challenge__process=process):
        silent = writer.is_silent(solution)
        rows[solution["challenge_id"]].append(writer.row(solution, silent))
        statuses[solution["challenge_id"]].append(solution["status"])
        counts["solutions"] += 1
        counts["stalled"] += solution["status"] == SolutionStatus.STALLED
        counts["silent"] += silent
    for challenge in challenges:
        status = challenge_status(statuses[challenge.pk])
        if status:
            challenge.status = status.value
        challenge.html = writer.section(challenge, rows[challenge.pk])
    return challenges, counts


def sections(challenges: list[ChallengeRow]) -> SafeString:
    """The challenges' sections as one piece of HTML, for the template to print at once."""
    return mark_safe("".join(challenge.html for challenge in challenges))
