"""What a section shows on the facilitator's screen and the projector, read in a fixed number of queries."""

from dataclasses import dataclass, field
from statistics import mean

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from samskab.processes.overview import solutions_for_overview
from samskab.workshops.models import Action, AttendeeRole, Card, Lesson, Phase, PromptRole, Rating, Section, SectionKind

# Phases in which the cards are shown to the room (before "vis", only their number is).
REVEALED = (Phase.SHOW, Phase.GROUP, Phase.VOTE, Phase.DISCUSS, Phase.CONCLUDE)
BY_VOTES = (Phase.DISCUSS, Phase.CONCLUDE)

# The role groups of a rating breakdown: the roles an attendee may state, then those who did not say.
NOT_STATED = ""
ROLE_GROUPS = [*AttendeeRole.choices, (NOT_STATED, _("not stated"))]
# Why a role group's figures are hidden.
HIDDEN_NO_ANSWERS = "none"
HIDDEN_TOO_FEW = "few"  # fewer than the workshop's smallest group
HIDDEN_COMPLEMENT = "complement"  # shown, the total minus the others would give away a small group


@dataclass
class Column:
    prompt: object
    cards: list = field(default_factory=list)


@dataclass
class Group:
    """A named group on the board with its cards (as the viewer may see them) and their votes together."""

    group: object
    cards: list = field(default_factory=list)

    @property
    def vote_count(self) -> int:
        return sum(card.vote_count for card in self.cards)


@dataclass
class RoleFigures:
    """One role group's ratings of a statement; figures are None when `hidden` says why not."""

    role: str  # an AttendeeRole value, or NOT_STATED
    label: str
    count: int
    average: float | None
    distribution: list[int] | None
    hidden: str | None  # None, HIDDEN_NO_ANSWERS, HIDDEN_TOO_FEW or HIDDEN_COMPLEMENT


@dataclass
class Statement:
    prompt: object
    count: int
    average: float | None  # None below the smallest group shown
    distribution: list[int] | None
    by_role: list[RoleFigures] = field(default_factory=list)


def board_state(section: Section, *, for_facilitator: bool) -> dict:
    if section.kind == SectionKind.BOARD:
        state = _board(section, for_facilitator)
    elif section.kind == SectionKind.RATING:
        state = _rating(section)
    else:
        return _status_round(section)
    # Læringspunkter and aftaler: the facilitator sees them all along, the room while concluding.
    if for_facilitator or section.phase == Phase.CONCLUDE:
        state.update(conclusions(section))
    return state


def _board(section: Section, for_facilitator: bool) -> dict:
    cards = Card.objects.filter(section=section).annotate(vote_count=Count("votes")).select_related("theme", "column")
    if not for_facilitator:
        cards = cards.filter(hidden=False)
    cards = list(cards)
    if section.phase in BY_VOTES:
        cards.sort(key=lambda card: -card.vote_count)
    prompts = list(section.prompts.all())
    groups = [Group(group) for group in section.groups.all()]
    group_by_pk = {group.group.pk: group for group in groups}
    columns = [Column(p) for p in prompts if p.role == PromptRole.COLUMN]
    by_pk = {column.prompt.pk: column for column in columns}
    loose = Column(None)
    for card in cards:
        if card.group_id in group_by_pk:
            group_by_pk[card.group_id].cards.append(card)
        else:
            by_pk.get(card.column_id, loose).cards.append(card)
    if loose.cards:
        columns.append(loose)
    if section.phase in BY_VOTES:
        groups.sort(key=lambda group: -group.vote_count)
    return {
        "kind": SectionKind.BOARD,
        "columns": columns,
        "groups": groups,
        "themes": [p for p in prompts if p.role == PromptRole.THEME],
        "count": sum(1 for card in cards if not card.hidden),
        "revealed": for_facilitator or section.phase in REVEALED,
    }


def _figures(values: list[int], shown: bool) -> tuple[float | None, list[int] | None]:
    if not shown:
        return None, None
    return round(mean(values), 1), [values.count(v) for v in range(1, 6)]


def role_breakdown(values_by_role: dict[str, list[int]], smallest: int) -> list[RoleFigures]:
    """Each role group's figures, shown only for groups of at least `smallest` ratings.

    When the groups hidden for being small hold fewer than `smallest` ratings together, the
    statement's total minus the groups shown would give their figures away; so the smallest of
    the shown groups are hidden too, until the hidden ones together hold at least `smallest`.
    """
    counts = {role: len(values_by_role.get(role, [])) for role, _label in ROLE_GROUPS}
    hidden = {role: HIDDEN_TOO_FEW for role, count in counts.items() if 0 < count < smallest}
    hidden.update({role: HIDDEN_NO_ANSWERS for role, count in counts.items() if count == 0})
    hidden_total = sum(count for role, count in counts.items() if role in hidden)
    shown = sorted((role for role in counts if role not in hidden), key=lambda role: counts[role])
    while shown and 0 < hidden_total < smallest:
        role = shown.pop(0)
        hidden[role] = HIDDEN_COMPLEMENT
        hidden_total += counts[role]
    rows = []
    for role, label in ROLE_GROUPS:
        values = values_by_role.get(role, [])
        average, distribution = _figures(values, role not in hidden)
        rows.append(RoleFigures(role, label, len(values), average, distribution, hidden.get(role)))
    return rows


def _rating(section: Section) -> dict:
    """Each statement's answers, average and distribution, overall and by the role attendees stated.

    Plain data, also read by the referat: figures are None wherever the anonymity rule hides them.
    """
    smallest = section.workshop.min_group_size
    prompts = list(section.prompts.filter(role=PromptRole.STATEMENT))
    ratings = Rating.objects.filter(prompt__in=prompts).values_list("prompt_id", "attendee__role", "value")
    by_prompt: dict[int, dict[str, list[int]]] = {}
    for prompt_id, role, value in ratings:
        by_prompt.setdefault(prompt_id, {}).setdefault(role or NOT_STATED, []).append(value)
    statements = []
    for prompt in prompts:
        by_role = by_prompt.get(prompt.pk, {})
        values = [value for role_values in by_role.values() for value in role_values]
        average, distribution = _figures(values, len(values) >= smallest)
        statements.append(
            Statement(
                prompt=prompt,
                count=len(values),
                average=average,
                distribution=distribution,
                by_role=role_breakdown(by_role, smallest),
            )
        )
    return {
        "kind": SectionKind.RATING,
        "statements": statements,
        "smallest": smallest,
        "role_groups": [label for _role, label in ROLE_GROUPS],
    }


def conclusions(section: Section) -> dict:
    """The section's læringspunkter (with theme and linked cards) and aftaler (with owner)."""
    lessons = list(Lesson.objects.filter(section=section).select_related("theme").prefetch_related("cards"))
    actions = list(Action.objects.filter(section=section).select_related("owner__user"))
    return {"lessons": lessons, "actions": actions}


def _status_round(section: Section) -> dict:
    """One challenge at a time (the workshop's current one; the first until one is chosen)."""
    workshop = section.workshop
    challenges = list(workshop.round.process.challenges.all())
    current = next((c for c in challenges if c.pk == workshop.current_challenge_id), challenges[0] if challenges else None)
    solutions = []
    if current is not None:
        solutions = list(solutions_for_overview().filter(challenge=current).prefetch_related("indicators__measurements"))
    return {"kind": SectionKind.STATUS, "challenges": challenges, "challenge": current, "solutions": solutions}
