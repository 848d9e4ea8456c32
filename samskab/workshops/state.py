"""What a section shows on the facilitator's screen and the projector, read in a fixed number of queries."""

from dataclasses import dataclass, field
from statistics import mean

from django.db.models import Count

from samskab.processes.overview import solutions_for_overview
from samskab.workshops.models import Card, Phase, PromptRole, Section, SectionKind

# Phases in which the cards are shown to the room (before "vis", only their number is).
REVEALED = (Phase.SHOW, Phase.GROUP, Phase.VOTE, Phase.DISCUSS, Phase.CONCLUDE)
BY_VOTES = (Phase.DISCUSS, Phase.CONCLUDE)


@dataclass
class Column:
    prompt: object
    cards: list = field(default_factory=list)


@dataclass
class Statement:
    prompt: object
    count: int
    average: float | None  # None below the smallest group shown
    distribution: list[int] | None


def board_state(section: Section, *, for_facilitator: bool) -> dict:
    if section.kind == SectionKind.BOARD:
        return _board(section, for_facilitator)
    if section.kind == SectionKind.RATING:
        return _rating(section)
    return _status_round(section)


def _board(section: Section, for_facilitator: bool) -> dict:
    cards = Card.objects.filter(section=section).annotate(vote_count=Count("votes")).select_related("theme")
    if not for_facilitator:
        cards = cards.filter(hidden=False)
    cards = list(cards)
    if section.phase in BY_VOTES:
        cards.sort(key=lambda card: -card.vote_count)
    prompts = list(section.prompts.all())
    columns = [Column(p) for p in prompts if p.role == PromptRole.COLUMN]
    by_pk = {column.prompt.pk: column for column in columns}
    loose = Column(None)
    for card in cards:
        by_pk.get(card.column_id, loose).cards.append(card)
    if loose.cards:
        columns.append(loose)
    return {
        "kind": SectionKind.BOARD,
        "columns": columns,
        "themes": [p for p in prompts if p.role == PromptRole.THEME],
        "count": sum(1 for card in cards if not card.hidden),
        "revealed": for_facilitator or section.phase in REVEALED,
    }


def _rating(section: Section) -> dict:
    smallest = section.workshop.min_group_size
    prompts = section.prompts.filter(role=PromptRole.STATEMENT).prefetch_related("ratings")
    statements = []
    for prompt in prompts:
        values = [rating.value for rating in prompt.ratings.all()]
        shown = len(values) >= smallest
        statements.append(
            Statement(
                prompt=prompt,
                count=len(values),
                average=round(mean(values), 1) if shown else None,
                distribution=[values.count(v) for v in range(1, 6)] if shown else None,
            )
        )
    return {"kind": SectionKind.RATING, "statements": statements, "smallest": smallest}


def _status_round(section: Section) -> dict:
    """One challenge at a time (the workshop's current one; the first until one is chosen)."""
    workshop = section.workshop
    challenges = list(workshop.round.process.challenges.all())
    current = next((c for c in challenges if c.pk == workshop.current_challenge_id), challenges[0] if challenges else None)
    solutions = []
    if current is not None:
        solutions = list(solutions_for_overview().filter(challenge=current).prefetch_related("indicators__measurements"))
    return {"kind": SectionKind.STATUS, "challenges": challenges, "challenge": current, "solutions": solutions}
