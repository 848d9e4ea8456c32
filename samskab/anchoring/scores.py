"""The round's anchoring check: a score per anchoring statement, its trend, and what a weak one suggests.

Scores come from the facilitator, or from the workshop's rating section. Taken from the
workshop, a statement gets an average only when at least the workshop's smallest group shown
answered it, the same rule as on the projector and in the minutes. They are saved by
`services.anchoring_check_save`.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from samskab.anchoring.models import AnchoringCheck
from samskab.anchoring.queries import check_of
from samskab.rounds.models import EvaluationRound
from samskab.workshops import ratings
from samskab.workshops.models import SectionKind, Workshop
from samskab.workshops.queries import workshop_of
from samskab.workshops.template import ANCHORING_STATEMENTS

# What a weak statement suggests doing; the facilitator edits it before it becomes an action.
SUGGESTIONS = {
    "leadership_support": gettext_noop("Agree the leaders' role in the new way of governing at the next MED meeting"),
    "stable_leadership": gettext_noop("Plan how the new way of governing is handed over when a leader changes"),
    "room_beside_agendas": gettext_noop("Agree with the management what the work may set aside, and when"),
    "shared_expectations": gettext_noop("Hold a meeting on expectations between leaders, employees, TR and AMR"),
    "competences": gettext_noop("Have two colleagues trained to facilitate the method"),
    "relations": gettext_noop("Invite those we depend on to the next follow-up meeting"),
    "governance_tools": gettext_noop("Go through the governance tools that still get in the way, and plan changes"),
    "dialogue_arenas": gettext_noop("Make governance a standing item at the MED meetings"),
}
ONE_DECIMAL = Decimal("0.1")


@dataclass
class Row:
    number: int
    key: str
    statement: str
    score: Decimal | None
    respondents: int | None
    previous: Decimal | None
    weak: bool
    suggestion: str

    @property
    def change(self) -> Decimal | None:
        if self.score is None or self.previous is None:
            return None
        return self.score - self.previous


def previous_check(evaluation_round: EvaluationRound) -> AnchoringCheck | None:
    """The check of the latest earlier round of the same forløb that has one."""
    return (
        AnchoringCheck.objects.filter(round__process_id=evaluation_round.process_id, round__number__lt=evaluation_round.number)
        .order_by("-round__number")
        .first()
    )


def rows(check: AnchoringCheck | None, previous: AnchoringCheck | None) -> list[Row]:
    """One row per anchoring statement, in the method's order, with this round's and the last round's score."""
    current = {score.key: score for score in check.scores.all()} if check else {}
    before = {score.key: score.average for score in previous.scores.all()} if previous else {}
    result = []
    for number, (key, text) in enumerate(ANCHORING_STATEMENTS, start=1):
        score = current.get(key)
        average = score.average if score else None
        result.append(
            Row(
                number=number,
                key=key,
                statement=score.statement if score else str(text),
                score=average,
                respondents=score.respondents if score else None,
                previous=before.get(key),
                weak=average is not None and check is not None and average <= check.threshold,
                suggestion=_(SUGGESTIONS[key]),
            )
        )
    return result


def rating_workshop(evaluation_round: EvaluationRound) -> Workshop | None:
    """The round's workshop, when it has a rating with the anchoring statements."""
    workshop = workshop_of(evaluation_round)
    if workshop is None:
        return None
    keys = [key for key, _text in ANCHORING_STATEMENTS]
    has_statements = workshop.sections.filter(kind=SectionKind.RATING, statements__key__in=keys).exists()
    return workshop if has_statements else None


def scores_from_workshop(workshop: Workshop) -> dict[str, tuple[Decimal | None, int]]:
    """Average and number of answers per statement key, as the workshop's rating published them.

    The same figures as every screen shows (workshops/ratings.py): none while the rating is open,
    none below the smallest group, and a reopened rating's new answers only once they are safe.
    """
    keys = [key for key, _text in ANCHORING_STATEMENTS]
    sections = workshop.sections.filter(kind=SectionKind.RATING, statements__key__in=keys).distinct()
    result = {}
    for section in sections:
        section.workshop = workshop
        for figures in ratings.board(section)["statements"]:
            if figures.statement.key not in keys or not (figures.answered or figures.count):
                continue
            average = None if figures.average is None else Decimal(str(figures.average)).quantize(ONE_DECIMAL)
            result[figures.statement.key] = (average, figures.answered if figures.count is None else figures.count)
    return result


@dataclass
class Replaced:
    statement: str
    typed: Decimal
    from_workshop: Decimal | None


def typed_scores_replaced(evaluation_round: EvaluationRound, scores: dict) -> list[Replaced]:
    """The scores typed in by hand that taking `scores` from the workshop would replace (none when they came from it)."""
    check = check_of(evaluation_round)
    if check is None or check.from_workshop:
        return []
    return [
        Replaced(score.statement, score.average, scores.get(score.key, (None, 0))[0])
        for score in check.scores.exclude(average=None)
    ]
