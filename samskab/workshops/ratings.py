"""When a rating's figures are shown, and which: the one publication rule for every screen.

While a rating section is open (not locked), every screen (projector, run page, phone, state
JSON, WebSocket frames, referat) shows how many have answered, never what. When the facilitator
closes (locks) the rating, or closes the workshop, its figures are published once and stored in
`Section.published_results`; from then on every screen shows the stored figures, whatever
happens to the ratings afterwards.

What may be published (the workshop's smallest group is `k`):
- the overall row of a statement only with at least k answers;
- a role group only with at least k answers; and when the hidden groups together hold 1 to k-1
  answers, the overall minus the shown groups would give them away, so the smallest shown groups
  are hidden too until the hidden ones hold at least k (or none);
- after the rating is reopened and closed again, a group hidden before stays hidden (else its
  earlier answers could be worked out from the new figures and the change), and the new figures
  are published only if every change that can be read from the two publications (each shown
  group's, the hidden groups' together, and every sum of those) moved at least k answers in and
  at least k out, or none. Otherwise the earlier figures stand, and the screens say so.

The stored JSON also keeps each role group's distribution at publication (`basis`): the change
rule needs it. It is never shown; it holds nothing the ratings themselves do not.
"""

from dataclasses import dataclass, field
from itertools import combinations
from statistics import mean

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from samskab.workshops.models import AttendeeRole, Rating, Section, SectionKind, WorkshopStatus

SCALE = range(1, 6)
# The role groups of a rating: the roles an attendee may state, then those who did not say.
NOT_STATED = ""
ROLE_GROUPS = [*AttendeeRole.choices, (NOT_STATED, _("not stated"))]
# Why a role group's figures are hidden.
HIDDEN_NO_ANSWERS = "none"
HIDDEN_TOO_FEW = "few"  # fewer than the workshop's smallest group
HIDDEN_COMPLEMENT = "complement"  # the overall minus the others would give away a small group
HIDDEN_EARLIER = "earlier"  # hidden when the rating was first closed, so hidden for good


@dataclass
class RoleFigures:
    """One role group's published figures of a statement; None where `hidden` says why not."""

    role: str  # an AttendeeRole value, or NOT_STATED
    label: str
    count: int | None
    average: float | None
    distribution: list[int] | None
    hidden: str | None  # None, or one of the HIDDEN_ reasons


@dataclass
class StatementFigures:
    """A statement with what the screens show of its ratings."""

    statement: object
    answered: int  # how many have answered now: the one thing shown while the rating is open
    count: int  # answers in the published figures; while none are published, how many have answered
    average: float | None  # None while open, before k answers, or never published
    distribution: list[int] | None
    by_role: list[RoleFigures] = field(default_factory=list)


def is_closed(section: Section) -> bool:
    """Closed for rating: the facilitator locked it, or closed the workshop."""
    return section.locked or section.workshop.status == WorkshopStatus.CLOSED


# The rule ---------------------------------------------------------------------------------------


def _distribution(values: list[int]) -> list[int]:
    return [values.count(value) for value in SCALE]


def _average(distribution: list[int]) -> float:
    return round(mean(value for value, n in zip(SCALE, distribution) for _ in range(n)), 1)


def _figures(distribution: list[int], shown: bool) -> dict:
    if not shown:
        return {"count": None, "average": None, "distribution": None}
    return {"count": sum(distribution), "average": _average(distribution), "distribution": distribution}


def statement_figures(basis: dict[str, list[int]], smallest: int, earlier_hidden: set[str] = frozenset()) -> dict:
    """The figures of one statement that may be shown, from each role group's distribution (`basis`)."""
    counts = {role: sum(basis.get(role, [0])) for role, _label in ROLE_GROUPS}
    hidden = {}
    for role, count in counts.items():
        if count == 0:
            hidden[role] = HIDDEN_NO_ANSWERS
        elif role in earlier_hidden:
            hidden[role] = HIDDEN_EARLIER
        elif count < smallest:
            hidden[role] = HIDDEN_TOO_FEW
    hidden_total = sum(counts[role] for role in hidden)
    shown = sorted((role for role in counts if role not in hidden), key=lambda role: counts[role])
    while shown and 0 < hidden_total < smallest:
        role = shown.pop(0)
        hidden[role] = HIDDEN_COMPLEMENT
        hidden_total += counts[role]
    overall = [sum(basis.get(role, [0] * 5)[i] for role in counts) for i in range(5)]
    roles = {
        role: {**_figures(basis.get(role, [0] * 5), role not in hidden), "hidden": hidden.get(role)} for role in counts
    }
    return {
        "answered": sum(overall),
        **_figures(overall, sum(overall) >= smallest),
        "roles": roles,
        "basis": {role: basis[role] for role in counts if counts[role]},
    }


def _safe(change: list[int], smallest: int) -> bool:
    """A change is safe when it moved no answers, or at least `smallest` answers in and out each."""
    moved_in = sum(n for n in change if n > 0)
    moved_out = -sum(n for n in change if n < 0)
    return all(moved == 0 or moved >= smallest for moved in (moved_in, moved_out))


def safe_change(before: dict[str, list[int]], after: dict, smallest: int) -> bool:
    """May `after` (statement_figures) follow the figures published from the distributions `before`?

    What the room can subtract: each role group shown now, and the hidden groups together;
    every sum of those changes must be safe.
    """
    zero = [0] * 5

    def change(role: str) -> list[int]:
        return [a - b for a, b in zip(after["basis"].get(role, zero), before.get(role, zero))]

    pieces = [change(role) for role, figures in after["roles"].items() if figures["hidden"] is None]
    hidden = [change(role) for role, figures in after["roles"].items() if figures["hidden"] is not None]
    pieces.append([sum(column) for column in zip(zero, *hidden)])
    for size in range(1, len(pieces) + 1):
        for chosen in combinations(pieces, size):
            if not _safe([sum(column) for column in zip(*chosen)], smallest):
                return False
    return True


def _current_basis(section: Section) -> dict[int, dict[str, list[int]]]:
    """Each statement's distribution of answers per role group, now."""
    statements = list(section.statements.values_list("pk", flat=True))
    values: dict[int, dict[str, list[int]]] = {pk: {} for pk in statements}
    ratings = Rating.objects.filter(statement__in=statements).values_list("statement_id", "attendee__role", "value")
    for statement_id, role, value in ratings:
        values[statement_id].setdefault(role or NOT_STATED, []).append(value)
    return {pk: {role: _distribution(v) for role, v in by_role.items()} for pk, by_role in values.items()}


@transaction.atomic
def publish(section: Section) -> bool:
    """Publish the rating's figures as it closes. False when the earlier figures had to stand."""
    section = Section.objects.select_for_update().select_related("workshop").get(pk=section.pk)
    smallest = section.workshop.min_group_size
    earlier = section.published_results
    statements = {}
    safe = True
    for statement_id, basis in _current_basis(section).items():
        before = (earlier or {}).get("statements", {}).get(str(statement_id))
        if before is None:
            statements[str(statement_id)] = statement_figures(basis, smallest)
            continue
        hidden_before = {
            role for role, figures in before["roles"].items() if figures["hidden"] not in (None, HIDDEN_NO_ANSWERS)
        }
        after = statement_figures(basis, smallest, hidden_before)
        safe = safe and safe_change(before["basis"], after, smallest)
        statements[str(statement_id)] = after
    if earlier is not None and not safe:
        section.published_results = {**earlier, "held_back": True}
    else:
        section.published_results = {"smallest": smallest, "statements": statements, "held_back": False}
    section.save(update_fields=["published_results"])
    return safe


def close_all(workshop) -> None:
    """The workshop closes: every open rating closes with it, and publishes."""
    for section in workshop.sections.filter(kind=SectionKind.RATING):
        was_open = not section.locked
        if was_open:
            section.locked = True
            section.save(update_fields=["locked"])
        if was_open or section.published_results is None:
            publish(section)


# What the screens show --------------------------------------------------------------------------


def _answered(section: Section) -> dict[int, int]:
    counts: dict[int, int] = {}
    for statement_id in Rating.objects.filter(statement__section=section).values_list("statement_id", flat=True):
        counts[statement_id] = counts.get(statement_id, 0) + 1
    return counts


def _role(figures: dict, role: str) -> dict:
    empty = {"count": None, "average": None, "distribution": None, "hidden": HIDDEN_NO_ANSWERS}
    return figures["roles"].get(role, empty)


def board(section: Section) -> dict:
    """A rating section as every screen shows it: counts while open, the published figures once closed.

    A closed rating with nothing stored yet (closed before this rule, or by a path that did not
    publish) publishes on first reading.
    """
    closed = is_closed(section)
    if closed and section.published_results is None:
        publish(section)
        section.refresh_from_db(fields=["published_results"])
    published = section.published_results if closed else None
    answered = _answered(section)
    statements = []
    for statement in section.statements.all():
        figures = (published or {}).get("statements", {}).get(str(statement.pk))
        shown = StatementFigures(statement, answered.get(statement.pk, 0), answered.get(statement.pk, 0), None, None)
        if figures is not None:
            shown.count = figures["answered"]
            shown.average, shown.distribution = figures["average"], figures["distribution"]
            shown.by_role = [RoleFigures(role, label, **_role(figures, role)) for role, label in ROLE_GROUPS]
        statements.append(shown)
    return {
        "kind": SectionKind.RATING,
        "statements": statements,
        "smallest": section.workshop.min_group_size,
        "role_groups": [label for _role, label in ROLE_GROUPS],
        "open": not closed,
        "published": published is not None,
        "held_back": bool(published and published.get("held_back")),
    }
