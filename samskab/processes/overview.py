"""The forløb overview, prepared in Python so the page stays fast with hundreds of solutions.

The solutions are read as plain values in one query, and each solution's table row is built
here as escaped HTML that the template prints once. With 150 solutions, building model objects
and rendering 2,000 template variables, includes and filters per page were most of its time
(bench/bench_process.py); this module is that page's hot path, so keep it lean.
"""

from dataclasses import dataclass, field
from functools import cache

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.html import escape
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
    pk: int
    title: str
    url: str
    priority: int
    caption: str
    status: str = "none"
    status_label: str = ""
    rows: list[SafeString] = field(default_factory=list)  # the solutions' table rows
    statuses: list[str] = field(default_factory=list)

    @property
    def table_rows(self) -> SafeString:
        """The rows as one piece of HTML, for the template to print at once."""
        return mark_safe("".join(self.rows))


class _RowWriter:
    """Writes one solution's table row; labels are translated and escaped once per page."""

    def __init__(self):
        self.status_labels = {s.value: escape(s.label) for s in SolutionStatus}
        self.date = LongDate()
        self.solution, self.status, self.owner, self.last = (
            escape(_("Solution")), escape(_("Status")), escape(_("Owner")), escape(_("Last follow-up"))
        )
        self.silent = f' <span class="status status-silent">{escape(_("without follow-up"))}</span>'
        self.none_yet = escape(_("none yet"))
        self.url = url_maker("processes:solution")

    def row(self, solution: dict, silent: bool) -> SafeString:
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
        return mark_safe(
            f'<tr{stalled}><td data-title="{self.solution}"><a href="{self.url(solution["pk"])}">'
            f'{escape(solution["title"])}</a></td>'
            f'<td data-title="{self.status}"><span class="status status-{status}">{self.status_labels[status]}</span>'
            f'{self.silent if silent else ""}</td>'
            f'<td data-title="{self.owner}">{escape(owner)}</td><td data-title="{self.last}">{last}</td></tr>'
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
    """The forløb's challenges with their solutions' rows, and the page's counts, in two queries."""
    today = timezone.localdate()
    challenge_url = url_maker("processes:challenge")
    challenges = {
        pk: ChallengeRow(pk, title, challenge_url(pk), priority, _("Solutions to %(title)s") % {"title": title})
        for pk, title, priority in process.challenges.values_list("pk", "title", "priority")
    }
    solutions = _overview_solutions().filter(challenge__process=process)
    writer, counts = _RowWriter(), {"solutions": 0, "stalled": 0, "silent": 0}
    for solution in solutions:
        since = solution["last_follow_up_date"] or timezone.localdate(solution["created_at"])
        silent = is_silent(solution["status"], since, today, silent_after_days)
        challenge = challenges[solution["challenge_id"]]
        challenge.rows.append(writer.row(solution, silent))
        challenge.statuses.append(solution["status"])
        counts["solutions"] += 1
        counts["stalled"] += solution["status"] == SolutionStatus.STALLED
        counts["silent"] += silent
    for challenge in challenges.values():
        status = challenge_status(challenge.statuses)
        if status:
            challenge.status, challenge.status_label = status.value, status.label
    return list(challenges.values()), counts
