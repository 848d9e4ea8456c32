"""What a section shows on the facilitator's screen and the projector, read in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Count

from samskab.processes.overview import solutions_for_overview
from samskab.rounds.models import Action
from samskab.workshops import ratings
from samskab.workshops.models import Card, HeadingKind, Lesson, Phase, Section, SectionKind

# Phases in which the cards are shown to the room (before "vis", only their number is).
REVEALED = (Phase.SHOW, Phase.GROUP, Phase.VOTE, Phase.DISCUSS, Phase.CONCLUDE)
BY_VOTES = (Phase.DISCUSS, Phase.CONCLUDE)


@dataclass
class Column:
    heading: object  # None for the cards without a column
    cards: list = field(default_factory=list)


@dataclass
class Group:
    """A named group on the board with its cards (as the viewer may see them) and their votes together."""

    group: object
    cards: list = field(default_factory=list)

    @property
    def vote_count(self) -> int:
        return sum(card.vote_count for card in self.cards)


def board_state(section: Section, *, for_facilitator: bool) -> dict:
    if section.kind == SectionKind.BOARD:
        state = _board(section, for_facilitator)
    elif section.kind == SectionKind.RATING:
        state = ratings.board(section)  # the publication rule: counts while open, published figures once closed
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
    headings = list(section.headings.all())
    groups = [Group(group) for group in section.groups.all()]
    group_by_pk = {group.group.pk: group for group in groups}
    columns = [Column(heading) for heading in headings if heading.kind == HeadingKind.COLUMN]
    by_pk = {column.heading.pk: column for column in columns}
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
        "themes": [heading for heading in headings if heading.kind == HeadingKind.THEME],
        "count": sum(1 for card in cards if not card.hidden),
        "revealed": for_facilitator or section.phase in REVEALED,
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
