"""The municipality's portfolio: every forløb in one table, its totals, and counts over time.

Read with a fixed number of grouped queries, however many forløb there are: each query
returns one row per forløb (or per forløb and kind, or per period), never one query per forløb.
The central konsulent's page and its Excel download are both built from a `Portfolio`.

The anchoring check's average is the mean of the statement scores the check shows. A score
the check hides (fewer answers than the workshop's smallest group shown) is hidden here too;
when every scored statement is hidden, the average is hidden, with the reason.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import CharField, Count, Exists, Max, OuterRef, Q, Sum
from django.db.models.functions import Cast, Substr
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samskab.anchoring.models import AnchoringCheck
from samskab.decisions.models import Decision, DecisionKind, ProcessDecision, ProcessDecisionKind
from samskab.organisations.access import scope_for
from samskab.organisations.models import Organisation, Unit
from samskab.processes.models import UNDER_WAY, FollowUp, Process, Solution, SolutionStatus, Step
from samskab.rounds.models import Action, ActionStatus, EvaluationRound

YEAR, QUARTER = "aar", "kvartal"
FINISHED = (ActionStatus.DONE, ActionStatus.DROPPED)
ONE_DECIMAL = Decimal("0.1")


@dataclass
class Anchoring:
    """A forløb's latest anchoring check: its average, the previous check's, and why one is hidden."""

    average: Decimal | None = None
    previous: Decimal | None = None
    round_number: int | None = None
    hidden_reason: str = ""  # set when the check has scores but shows none of them
    hidden_statements: int = 0  # statements whose score the check hides

    @property
    def change(self) -> Decimal | None:
        if self.average is None or self.previous is None:
            return None
        return self.average - self.previous


@dataclass
class Row:
    pk: int
    title: str
    unit_id: int
    unit_name: str
    step: int
    start_date: date
    next_evaluation: date | None
    evaluation_overdue: bool
    rounds: int = 0
    solutions: int = 0
    stalled: int = 0
    silent: int = 0
    overdue_actions: int = 0
    decisions: dict[str, int] = field(default_factory=dict)  # each solution's latest decision, per kind
    process_decision: str | None = None  # the latest round's decision on the forløb (a kind)
    anchoring: Anchoring = field(default_factory=Anchoring)


@dataclass
class Period:
    label: str
    year: int
    quarter: int  # 0 when counted per year
    started: int = 0
    rounds: int = 0
    decisions: int = 0
    actions_done: int = 0


@dataclass
class Totals:
    processes: int = 0
    solutions: int = 0
    stalled: int = 0
    silent: int = 0
    overdue_actions: int = 0
    evaluations_overdue: int = 0
    steps: dict[int, int] = field(default_factory=dict)
    decisions: dict[str, int] = field(default_factory=dict)
    process_decisions: dict[str, int] = field(default_factory=dict)


@dataclass
class Portfolio:
    organisation: Organisation
    unit: Unit | None
    by: str
    today: date
    silent_after_days: int
    rows: list[Row]
    totals: Totals
    periods: list[Period]


def _mean(total: Decimal | None, count: int) -> Decimal | None:
    if not count or total is None:
        return None
    return (Decimal(total) / count).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def build(user, unit: Unit | None = None, *, by: str = YEAR) -> Portfolio:
    """The portfolio of the user's municipality, or of `unit` and the units below it."""
    scope = scope_for(user)
    organisation = Organisation.objects.get(pk=scope.organisation_id)
    today = timezone.localdate()
    days = organisation.silent_after_days

    def within(prefix: str) -> Q:
        """Forløb of the municipality (below `unit`), through the lookup path `prefix`."""
        query = Q(**{f"{prefix}unit__organisation_id": organisation.pk})
        if unit is not None:
            query &= Q(**{f"{prefix}unit__path__startswith": unit.path})
        return query

    units = dict(Unit.objects.filter(organisation=organisation).values_list("pk", "name"))
    rows: dict[int, Row] = {}
    processes = Process.objects.filter(within("")).order_by("unit__path", "title", "pk")
    for pk, title, unit_id, step, start, end, next_evaluation in processes.values_list(
        "pk", "title", "unit_id", "step", "start_date", "end_date", "next_evaluation"
    ):
        ended = end is not None and end < today
        overdue = next_evaluation is not None and next_evaluation < today and not ended
        rows[pk] = Row(pk, title, unit_id, units.get(unit_id, ""), step, start, next_evaluation, overdue)

    _solutions(rows, within("challenge__process__"), today, days)
    _actions(rows, within("round__process__"), today)
    _decisions(rows, within("solution__challenge__process__"))
    _rounds(rows, within("process__"), within("round__process__"))
    _anchoring(rows, within("round__process__"))
    listed = list(rows.values())
    return Portfolio(
        organisation=organisation,
        unit=unit,
        by=by,
        today=today,
        silent_after_days=days,
        rows=listed,
        totals=_totals(listed),
        periods=_periods(within, by),
    )


def _solutions(rows: dict[int, Row], within: Q, today: date, days: int) -> None:
    """Solutions, stalled ones and silent ones per forløb, in one query.

    Silent ("uden opfølgning") as on the forløb page: under way, and its newest follow-up (or,
    without one, its creation) lies more than `days` days back.
    """
    cutoff = today - timedelta(days=days)
    cutoff_start = timezone.make_aware(datetime.combine(cutoff, time.min))
    recent = FollowUp.objects.filter(solution=OuterRef("pk"), date__gte=cutoff)
    followed_up = FollowUp.objects.filter(solution=OuterRef("pk"))
    silent = Q(status__in=UNDER_WAY) & ~Exists(recent) & (Exists(followed_up) | Q(created_at__lt=cutoff_start))
    counts = (
        Solution.objects.filter(within)
        .values("challenge__process_id")
        .annotate(
            solutions=Count("pk"),
            stalled=Count("pk", filter=Q(status=SolutionStatus.STALLED)),
            silent=Count("pk", filter=silent),
        )
        .order_by()
    )
    for count in counts:
        row = rows.get(count["challenge__process_id"])
        if row:
            row.solutions, row.stalled, row.silent = count["solutions"], count["stalled"], count["silent"]


def _actions(rows: dict[int, Row], within: Q, today: date) -> None:
    """Overdue actions per forløb: a deadline before today, neither done nor dropped."""
    counts = (
        Action.objects.filter(within, deadline__lt=today)
        .exclude(status__in=FINISHED)
        .values("round__process_id")
        .annotate(overdue=Count("pk"))
        .order_by()
    )
    for count in counts:
        row = rows.get(count["round__process_id"])
        if row:
            row.overdue_actions = count["overdue"]


def _decisions(rows: dict[int, Row], within: Q) -> None:
    """Each solution's latest decision, counted per kind and forløb."""
    newer = Decision.objects.filter(solution=OuterRef("solution")).filter(
        Q(decided_on__gt=OuterRef("decided_on")) | Q(decided_on=OuterRef("decided_on"), pk__gt=OuterRef("pk"))
    )
    counts = (
        Decision.objects.filter(within)
        .filter(~Exists(newer))
        .values("solution__challenge__process_id", "kind")
        .annotate(number=Count("pk"))
        .order_by()
    )
    for count in counts:
        row = rows.get(count["solution__challenge__process_id"])
        if row:
            row.decisions[count["kind"]] = count["number"]


def _rounds(rows: dict[int, Row], rounds_within: Q, decisions_within: Q) -> None:
    """Rounds per forløb, and the decision on the forløb taken in its latest round."""
    latest = {}
    for count in EvaluationRound.objects.filter(rounds_within).values("process_id").annotate(
        held=Count("pk"), latest=Max("number")
    ).order_by():
        row = rows.get(count["process_id"])
        if row:
            row.rounds = count["held"]
            latest[row.pk] = count["latest"]
    decisions = (
        ProcessDecision.objects.filter(decisions_within)
        .values_list("round__process_id", "round__number", "kind")
        .order_by("decided_on", "pk")  # the newest of a round wins
    )
    for process_id, number, kind in decisions:
        if latest.get(process_id) == number:
            rows[process_id].process_decision = kind


def _anchoring(rows: dict[int, Row], within: Q) -> None:
    """The average of each forløb's latest anchoring check, and of the check before it."""
    hidden = Q(scores__average__isnull=True, scores__respondents__gt=0)
    checks = (
        AnchoringCheck.objects.filter(within)
        .values("pk", "round__process_id", "round__number")
        .annotate(
            total=Sum("scores__average"),
            shown=Count("scores__average"),
            hidden=Count("scores__pk", filter=hidden),
            most=Max("scores__respondents", filter=hidden),
        )
        .order_by("round__process_id", "-round__number")
    )
    seen: dict[int, int] = defaultdict(int)
    for check in checks:
        process_id = check["round__process_id"]
        row = rows.get(process_id)
        seen[process_id] += 1
        if row is None or seen[process_id] > 2:
            continue
        average = _mean(check["total"], check["shown"])
        if seen[process_id] == 2:
            row.anchoring.previous = average
            continue
        row.anchoring = Anchoring(average=average, round_number=check["round__number"], hidden_statements=check["hidden"])
        if average is None and check["hidden"]:
            most = check["most"]
            row.anchoring.hidden_reason = ngettext(
                "hidden: only %(counter)s answer", "hidden: only %(counter)s answers", most
            ) % {"counter": most}


def _totals(rows: list[Row]) -> Totals:
    totals = Totals(processes=len(rows))
    totals.steps = {step.value: 0 for step in Step}
    totals.decisions = {kind.value: 0 for kind in DecisionKind}
    totals.process_decisions = {kind.value: 0 for kind in ProcessDecisionKind}
    for row in rows:
        totals.solutions += row.solutions
        totals.stalled += row.stalled
        totals.silent += row.silent
        totals.overdue_actions += row.overdue_actions
        totals.evaluations_overdue += row.evaluation_overdue
        totals.steps[row.step] = totals.steps.get(row.step, 0) + 1
        for kind, number in row.decisions.items():
            totals.decisions[kind] = totals.decisions.get(kind, 0) + number
        if row.process_decision:
            totals.process_decisions[row.process_decision] = totals.process_decisions.get(row.process_decision, 0) + 1
    return totals


def _periods(within, by: str) -> list[Period]:
    """Forløb started, rounds begun, decisions made and actions done, per year or quarter."""
    sources = {
        "started": (Process.objects.filter(within("")), "start_date"),
        "rounds": (EvaluationRound.objects.filter(within("process__")), "opened_on"),
        "decisions": (Decision.objects.filter(within("solution__challenge__process__")), "decided_on"),
        "process_decisions": (ProcessDecision.objects.filter(within("round__process__")), "decided_on"),
        "actions_done": (
            Action.objects.filter(within("round__process__"), status=ActionStatus.DONE, done_on__isnull=False),
            "done_on",
        ),
    }
    # Grouped by month in the database ("2025-03", the date's text cut short) and into periods here:
    # SQLite extracts years and quarters with a Python function per row, which with 10,000 decisions
    # cost more than the rest of the page.
    counts: dict[tuple[int, int], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for name, (queryset, day) in sources.items():
        name = "decisions" if name == "process_decisions" else name
        months = (
            queryset.filter(**{f"{day}__isnull": False})
            .annotate(month=Substr(Cast(day, CharField()), 1, 7))
            .values_list("month")
            .annotate(number=Count("pk"))
            .order_by()
        )
        for month, number in months:
            year, month = int(month[:4]), int(month[5:7])
            counts[(year, (month - 1) // 3 + 1 if by == QUARTER else 0)][name] += number
    if not counts:
        return []
    first, last = min(counts), max(counts)
    periods = []
    year, quarter = first
    while (year, quarter) <= last:
        label = f"{year}" if by != QUARTER else _("Q%(quarter)s %(year)s") % {"quarter": quarter, "year": year}
        figures = counts.get((year, quarter), {})
        periods.append(
            Period(
                label=label,
                year=year,
                quarter=quarter,
                started=figures.get("started", 0),
                rounds=figures.get("rounds", 0),
                decisions=figures.get("decisions", 0),
                actions_done=figures.get("actions_done", 0),
            )
        )
        if by == QUARTER:
            year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
        else:
            year += 1
    return periods
