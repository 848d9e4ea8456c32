"""Writes of step 6 that span several records."""

import uuid

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from samskab.processes.models import Process, Solution
from samskab.rounds.models import EvaluationRound, RoundStatus
from samskab.workshops.models import Section, Workshop, WorkshopStatus, new_join_code
from samskab.workshops.template import add_template_sections


@transaction.atomic
def round_start(
    *, process: Process, submission_id: uuid.UUID | None = None, move_planned_workshop: bool = False
) -> EvaluationRound:
    """Start the forløb's next evaluation round; the round before it is closed.

    A workshop still planned in the round before (never held) moves to the new round when
    `move_planned_workshop`; otherwise it stays with the closed round. The same form sent twice
    (`submission_id`) returns the round it started the first time.
    """
    # One start at a time per forløb, so that two at once do not both take the same number.
    Process.objects.select_for_update().only("pk").get(pk=process.pk)
    if submission_id is not None:
        existing = process.rounds.filter(submission_id=submission_id).first()
        if existing is not None:
            return existing
    today = timezone.localdate()
    planned = Workshop.objects.filter(round__process=process, round__status=RoundStatus.OPEN, status=WorkshopStatus.PLANNED).first()
    process.rounds.filter(status=RoundStatus.OPEN).update(status=RoundStatus.CLOSED, closed_on=today)
    number = (process.rounds.aggregate(Max("number"))["number__max"] or 0) + 1
    new_round = EvaluationRound.objects.create(process=process, number=number, opened_on=today, submission_id=submission_id)
    if planned is not None and move_planned_workshop:
        planned.round = new_round
        planned.save(update_fields=["round"])
    return new_round


def round_start_warnings(process: Process) -> dict:
    """What starting the next round would leave behind in the open round: a planned workshop, undecided solutions."""
    current = process.rounds.filter(status=RoundStatus.OPEN).first()
    if current is None:
        return {}
    planned = Workshop.objects.filter(round=current, status=WorkshopStatus.PLANNED).first()
    # The decisions app's relations (a solution's decisions, the draft a decision made), read here by
    # name: no import upwards. The drafts this round's decisions made wait for the next round.
    undecided = list(
        Solution.objects.filter(challenge__process=process)
        .exclude(decisions__round=current)
        .exclude(replaces__round=current)
        .order_by("pk")
    )
    if planned is None and not undecided:
        return {}
    return {"current": current, "planned": planned, "undecided": undecided}


@transaction.atomic
def workshop_create(*, workshop: Workshop, evaluation_round: EvaluationRound, by) -> Workshop:
    """Create the round's workshop from the step-6 template, with its creator as facilitator."""
    workshop.round = evaluation_round
    # Codes are drawn at random: should one already be in use, draw again rather than fail.
    while Workshop.objects.filter(join_code=workshop.join_code).exists():
        workshop.join_code = new_join_code()
    workshop.save()
    workshop.facilitators.add(by)
    add_template_sections(workshop)
    return workshop


@transaction.atomic
def section_move(*, section: Section, up: bool) -> None:
    """Swap a section with its neighbour above or below."""
    sections = list(section.workshop.sections.all())
    index = sections.index(section)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(sections):
        return
    sections[index], sections[other] = sections[other], sections[index]
    for order, item in enumerate(sections):
        if item.order != order:
            item.order = order
            item.save(update_fields=["order"])
