"""The forløb overview's rows, prepared in Python so the page renders fast with hundreds of solutions.

Each solution's table row is built here with format_html (escaped like a template) and printed
once by the template: with 150 solutions, Django's template engine spent about half of the
page's time on the rows' 2,000 variables, includes and filters (bench/bench_process.py).
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from samskab.processes.models import Challenge, FollowUp, Solution, SolutionStatus, challenge_status

EXCERPT = 90
PK_MARK = 987654321  # reversed once, then replaced by each row's pk


@dataclass
class SolutionRow:
    title: str
    url: str
    status: str
    status_label: str
    silent: bool
    owner: str
    last_follow_up: str  # "8. november 2026: Stadig i brug …", or "" when there is none
    html: SafeString = SafeString("")


ROW = (
    '<tr{}><td data-title="{}"><a href="{}">{}</a></td>'
    '<td data-title="{}"><span class="status status-{}">{}</span>{}</td>'
    '<td data-title="{}">{}</td><td data-title="{}">{}</td></tr>'
)


def _row_html(row: SolutionRow, labels: dict[str, str]) -> SafeString:
    silent = format_html(' <span class="status status-silent">{}</span>', labels["silent"]) if row.silent else ""
    return format_html(
        ROW,
        SafeString(' class="is-stalled"') if row.status == SolutionStatus.STALLED else "",
        labels["solution"], row.url, row.title,
        labels["status"], row.status, row.status_label, silent,
        labels["owner"], row.owner,
        labels["last_follow_up"], row.last_follow_up or labels["none_yet"],
    )


@dataclass
class ChallengeRow:
    pk: int
    title: str
    url: str
    priority: int
    status: str
    status_label: str
    caption: str
    solutions: list[SolutionRow] = field(default_factory=list)


def solutions_for_overview():
    """Solutions with the date and the start of the text of their newest follow-up, in one query."""
    newest = FollowUp.objects.filter(solution=OuterRef("pk")).order_by("-date", "-pk")
    return (
        Solution.objects.select_related("owner")
        .only(
            "title", "status", "created_at", "challenge_id",
            "owner__username", "owner__first_name", "owner__last_name",
        )
        .annotate(
            last_follow_up_date=Subquery(newest.values("date")[:1]),
            last_follow_up_excerpt=Subquery(
                newest.annotate(excerpt=Substr("happened", 1, EXCERPT + 1)).values("excerpt")[:1]
            ),
        )
    )


def _url_maker(name: str):
    pattern = reverse(name, args=[PK_MARK])
    return lambda pk: pattern.replace(str(PK_MARK), str(pk))


def overview_rows(challenges: list[Challenge], today: date, silent_after_days: int) -> list[ChallengeRow]:
    labels = {status.value: str(status.label) for status in SolutionStatus}
    headings = {
        "solution": _("Solution"),
        "status": _("Status"),
        "owner": _("Owner"),
        "last_follow_up": _("Last follow-up"),
        "silent": _("without follow-up"),
        "none_yet": _("none yet"),
    }
    challenge_url, solution_url = _url_maker("challenge"), _url_maker("solution")
    rows = []
    for challenge in challenges:
        solutions = list(challenge.solutions.all())
        status = challenge_status([solution.status for solution in solutions])
        row = ChallengeRow(
            pk=challenge.pk,
            title=challenge.title,
            url=challenge_url(challenge.pk),
            priority=challenge.priority,
            status=status.value if status else "none",
            status_label=labels[status.value] if status else "",
            caption=_("Solutions to %(title)s") % {"title": challenge.title},
        )
        for solution in solutions:
            last = ""
            if solution.last_follow_up_date:
                excerpt = solution.last_follow_up_excerpt
                if len(excerpt) > EXCERPT:
                    excerpt = excerpt[: EXCERPT - 1].rstrip() + "…"
                last = f"{date_format(solution.last_follow_up_date, 'j. F Y')}: {excerpt}"
            solution_row = SolutionRow(
                title=solution.title,
                url=solution_url(solution.pk),
                status=solution.status,
                status_label=labels[solution.status],
                silent=solution.is_silent(solution.last_follow_up_date, today, silent_after_days),
                owner=str(solution.owner) if solution.owner else "–",
                last_follow_up=last,
            )
            solution_row.html = _row_html(solution_row, headings)
            row.solutions.append(solution_row)
        rows.append(row)
    return rows
