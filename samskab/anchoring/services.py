"""Writes to a forløb's forankring: its measures and the round's forankringstjek.

A model form that saves its own record stays in the view; every other write is here.
"""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from samskab.anchoring.models import AnchoringCheck, AnchoringMeasure, AnchoringScore
from samskab.anchoring.named_measures import NAMED_MEASURES
from samskab.core.history import written_by
from samskab.processes.models import Process
from samskab.rounds.models import EvaluationRound
from samskab.workshops.template import ANCHORING_STATEMENTS


def named_measures_add(*, process: Process, by) -> None:
    """Give the forløb the measures the method names, those it lacks, the first time they are asked for.

    They are stored in the language of the person who first opens the page, like any text the
    forløb's people write, and can be renamed afterwards. Two first visits at once add each once
    (the key is unique per forløb).
    """
    have = set(process.anchoring_measures.exclude(key="").values_list("key", flat=True))
    missing = [
        AnchoringMeasure(process=process, key=key, title=_(title), order=position)
        for position, (key, title) in enumerate(NAMED_MEASURES)
        if key not in have
    ]
    if missing:
        AnchoringMeasure.objects.bulk_create(missing, ignore_conflicts=True)


def anchoring_measure_delete(*, measure: AnchoringMeasure, by) -> None:
    written_by(measure, by).delete()


@transaction.atomic
def anchoring_check_save(
    *,
    evaluation_round: EvaluationRound,
    scores: dict[str, tuple[Decimal | None, int | None]],
    from_workshop: bool,
    threshold: Decimal | None = None,
    by,
) -> AnchoringCheck:
    """Replace the round's scores with `scores` (key → average, answers), typed in or taken from the workshop."""
    check, _created = AnchoringCheck.objects.select_for_update().get_or_create(round=evaluation_round)
    check.from_workshop = from_workshop
    if threshold is not None:
        check.threshold = threshold
    written_by(check, by).save()
    check.scores.all().delete()
    AnchoringScore.objects.bulk_create(
        AnchoringScore(anchoring_check=check, key=key, statement=str(text), average=scores[key][0], respondents=scores[key][1])
        for key, text in ANCHORING_STATEMENTS
        if key in scores
    )
    return check
