"""Writes of step 6 that span several records."""

import uuid
from functools import partial

from django.db import transaction
from django.db.models import Max
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.core.history import written_by
from samskab.processes.models import Challenge, Participant, Process, Solution
from samskab.rounds import services as round_services
from samskab.rounds.models import EvaluationRound, RoundStatus
from samskab.rounds.signals import action_changed
from samskab.workshops.models import Attendance, Heading, Section, Statement, Workshop, WorkshopStatus, new_join_code
from samskab.workshops.template import add_template_sections
from samskab.workshops import cards, live, ratings, signals
from samskab.workshops import minutes_content as referat
from samskab.workshops.models import Attendee, Card, Lesson, Minutes, MinutesStatus, SectionKind


# What becomes of a workshop that was planned in a round and never held, when the round closes.
PLANNED_MOVE = "move"  # to the next round, to be held there
PLANNED_CANCEL = "cancel"  # it will not be held: it is deleted with its sections


@transaction.atomic
def round_start(
    *, process: Process, submission_id: uuid.UUID | None = None, planned_workshop: str = "", by
) -> EvaluationRound:
    """Start the forløb's next evaluation round; the round before it is closed.

    A workshop still planned in the round before (never held) moves to the new round
    (`planned_workshop=PLANNED_MOVE`), is cancelled (`PLANNED_CANCEL`), or else stays with the
    closed round. The same form sent twice (`submission_id`) returns the round it started the first time.
    """
    # One start at a time per forløb, so that two at once do not both take the same number.
    Process.objects.select_for_update().only("pk").get(pk=process.pk)
    if submission_id is not None:
        existing = process.rounds.filter(submission_id=submission_id).first()
        if existing is not None:
            return existing
    planned = Workshop.objects.filter(round__process=process, round__status=RoundStatus.OPEN, status=WorkshopStatus.PLANNED).first()
    for earlier in process.rounds.filter(status=RoundStatus.OPEN):  # saved one by one, so that its history says who closed it
        round_services.round_close(evaluation_round=earlier, by=by)
    number = (process.rounds.aggregate(Max("number"))["number__max"] or 0) + 1
    new_round = EvaluationRound(process=process, number=number, opened_on=timezone.localdate(), submission_id=submission_id)
    written_by(new_round, by).save()
    if planned is not None and planned_workshop == PLANNED_MOVE:
        planned.round = new_round
        written_by(planned, by).save(update_fields=["round"])
    elif planned is not None and planned_workshop == PLANNED_CANCEL:
        workshop_cancel(workshop=planned, by=by)
    return new_round


def planned_workshop(evaluation_round: EvaluationRound) -> Workshop | None:
    """The round's workshop while it is planned and never held (closing the round must say what becomes of it)."""
    return Workshop.objects.filter(round=evaluation_round, status=WorkshopStatus.PLANNED).first()


def workshop_cancel(*, workshop: Workshop, by) -> None:
    """A workshop that will not be held: deleted with its sections and fremmøde (kept in its history).

    Only a planned workshop: one that has run holds what people said, and the referat is read from it.
    """
    if workshop.status != WorkshopStatus.PLANNED:
        raise ValueError("only a planned workshop is cancelled")
    written_by(workshop, by).delete()


@transaction.atomic
def round_close(*, evaluation_round: EvaluationRound, cancel_planned_workshop: bool, by) -> None:
    """Close the round. Its planned, never-held workshop is cancelled with it (the caller has asked).

    The rounds app closes a round (`rounds.services.round_close`); this one first settles the
    workshop, which that app below cannot see.
    """
    planned = planned_workshop(evaluation_round)
    if planned is not None:
        if not cancel_planned_workshop:
            raise ValueError("the round has a planned workshop: say that it is cancelled")
        workshop_cancel(workshop=planned, by=by)
    round_services.round_close(evaluation_round=evaluation_round, by=by)


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
def section_move(*, section: Section, up: bool, by) -> None:
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
            written_by(item, by).save(update_fields=["order"])


# Running the workshop: what the facilitator changes on the run page. Each change is announced to
# the phones, the projector and other run pages (live.py) once its transaction has committed.


def _announce_changed(workshop_id: int) -> None:
    transaction.on_commit(partial(live.changed, workshop_id))


@transaction.atomic
def workshop_status_set(*, workshop: Workshop, status: str, max_attendees: int | None = None, by) -> bool:
    """Start, close or reopen the workshop. True when a reopened workshop made the referat a draft again.

    Starting with the number of people in the room opens joining, capped at that number; joining
    is open only while the workshop runs. Closing closes every open rating (which publishes it)
    and makes the draft referat.
    """
    starting = workshop.status == WorkshopStatus.PLANNED and status == WorkshopStatus.RUNNING
    workshop.status = status
    if status == WorkshopStatus.RUNNING and workshop.current_section_id is None:
        workshop.current_section = workshop.sections.first()
    if status != WorkshopStatus.RUNNING:
        workshop.joining_open = False
    if starting and max_attendees:
        workshop.max_attendees, workshop.joining_open = max_attendees, True
    workshop.save(update_fields=["status", "current_section", "joining_open", "max_attendees"])
    reopened = False
    if status == WorkshopStatus.CLOSED:
        ratings.close_all(workshop)
        referat.ensure_draft(workshop)
    else:
        reopened = _reopen_with_workshop(workshop, by=by)
    _announce_changed(workshop.pk)
    return reopened


def _reopen_with_workshop(workshop: Workshop, *, by) -> bool:
    """A reopened workshop can change, and the referat is read from it: approved minutes become a draft."""
    minutes = Minutes.objects.filter(workshop=workshop, status=MinutesStatus.APPROVED).first()
    return minutes is not None and minutes_reopen(minutes=minutes, by=by)


def workshop_joining_set(*, workshop: Workshop, max_attendees: int | None, by) -> None:
    """Open joining with the code for `max_attendees` people, or close it (None). Joined phones stay joined."""
    workshop.joining_open = max_attendees is not None
    fields = ["joining_open"]
    if max_attendees is not None:
        workshop.max_attendees = max_attendees
        fields.append("max_attendees")
    workshop.save(update_fields=fields)
    _announce_changed(workshop.pk)


def section_show(*, section: Section, by) -> None:
    """Make a section the one everybody works on now."""
    workshop = section.workshop
    workshop.current_section = section
    workshop.save(update_fields=["current_section"])
    _announce_changed(workshop.pk)


@transaction.atomic
def section_phase_set(
    *, section: Section, phase: str | None = None, ends_at=None, locked: bool | None = None, by
) -> bool:
    """Move the section to a phase, start its timer, lock or unlock it.

    False when closing a rating showed no new figures (too few answers changed since the last ones).
    """
    fields = set()
    if phase is not None:
        section.phase, section.phase_ends_at = phase, None
        fields |= {"phase", "phase_ends_at"}
    if ends_at is not None:
        section.phase_ends_at = ends_at
        fields.add("phase_ends_at")
    if locked is not None:
        section.locked = locked
        fields.add("locked")
    if not fields:
        return True
    section.save(update_fields=sorted(fields))
    published = True
    if section.kind == SectionKind.RATING and section.locked and locked is not None:
        published = ratings.publish(section)
    _announce_changed(section.workshop_id)
    return published


def card_hide(*, card: Card, hidden: bool, by) -> None:
    """Hide a card from the room, the projector and the referat (a card naming a colleague), or show it again."""
    card.hidden = hidden
    card.save(update_fields=["hidden", "updated_at"])
    transaction.on_commit(partial(live.card_saved, card))


def challenge_show(*, workshop: Workshop, challenge: Challenge, by) -> None:
    """The challenge the status round looks at now."""
    workshop.current_challenge = challenge
    workshop.save(update_fields=["current_challenge"])
    _announce_changed(workshop.pk)


def paper_card_add(*, section: Section, client_id, text: str, column=None, theme=None, by) -> Card:
    """A paper note typed in by the facilitator, stored without a name. The same form sent twice stores one card."""
    existing = Card.objects.filter(client_id=client_id).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        return cards.card_add(
            attendee=Attendee.objects.create(workshop=section.workshop, on_paper=True),
            section=section,
            client_id=client_id,
            text=text,
            column=column,
            theme=theme,
            confirmed=True,  # the facilitator reads the note before typing it
        )


def lesson_add(*, lesson: Lesson, section: Section, form, by) -> Lesson:
    """A new læringspunkt of the section, with the cards it builds on (the form's choice)."""
    lesson.section = section
    lesson.save()
    form.save_m2m()
    _announce_changed(section.workshop_id)
    return lesson


@transaction.atomic
def lesson_change(*, form, section: Section, by) -> Lesson:
    lesson = form.save()
    _announce_changed(section.workshop_id)
    return lesson


@transaction.atomic
def lesson_delete(*, lesson: Lesson, section: Section, by) -> None:
    lesson.delete()
    _announce_changed(section.workshop_id)


def workshop_action_add(*, action, section: Section, by):
    """An aftale recorded at the workshop: in the round's plan, from this section."""
    round_services.action_add(action=action, evaluation_round=section.workshop.round, section=section, by=by)
    _announce_changed(section.workshop_id)
    return action


@receiver(action_changed, dispatch_uid="workshop_aftale_changed")
def _aftale_changed(sender, action, **kwargs) -> None:
    """An aftale edited (on the action's one edit page) shows changed on the workshop's screens."""
    if action.section_id is not None:
        _announce_changed(Section.objects.values_list("workshop_id", flat=True).get(pk=action.section_id))


@transaction.atomic
def workshop_action_delete(*, action, section: Section, by) -> None:
    action.delete()
    _announce_changed(section.workshop_id)


# Preparing the workshop: its details, sections and their questions, and who came.


@transaction.atomic
def workshop_edit(*, workshop: Workshop, facilitators, by) -> Workshop:
    """Save the workshop's details (from its form) and its facilitators. A workshop always has one:
    with nobody ticked, the person who saved it stays facilitator."""
    workshop.save()
    workshop.facilitators.set(facilitators or [by])
    return workshop


def section_add(*, section: Section, workshop: Workshop, by) -> Section:
    """Add a section (from its form, not yet saved) last in the workshop."""
    section.workshop = workshop
    section.order = (workshop.sections.aggregate(Max("order"))["order__max"] or 0) + 1
    section.save()
    return section


@transaction.atomic
def section_edit(
    *, section: Section, headings: dict[str, list[Heading]], statements: list[Statement], deleted: list, by
) -> Section:
    """Save a section's title and introduction with its texts: `headings` are the new and changed
    headings of each kind (columns, themes), `statements` the new and changed statements, `deleted`
    the headings or statements taken out."""
    section.save()
    for kind, changed in headings.items():
        for heading in changed:
            heading.kind = kind
            heading.save()
    for statement in statements:
        statement.save()
    for heading_or_statement in deleted:
        heading_or_statement.delete()
    return section


def section_delete(*, section: Section, by) -> None:
    section.delete()


@transaction.atomic
def attendance_record(*, workshop: Workshop, statuses: dict[Participant, str], by) -> None:
    """Fremmøde: each participant's status (came, afbud), or none (`""`: nothing recorded)."""
    for participant, status in statuses.items():
        if status:
            Attendance.objects.update_or_create(workshop=workshop, participant=participant, defaults={"status": status})
        else:
            Attendance.objects.filter(workshop=workshop, participant=participant).delete()


# The referat's life: kladde → godkendt, and back to kladde for the next version.


class NotReady(Exception):
    """The referat cannot be approved yet; the message says why, in the user's language."""


@transaction.atomic
def minutes_approve(*, minutes: Minutes, by) -> bool:
    """Approve the draft and freeze it as the next version. False when it was approved already (a second click changes nothing)."""
    minutes = Minutes.objects.select_for_update().select_related("workshop").get(pk=minutes.pk)
    if minutes.is_approved:
        return False
    if minutes.workshop.status != WorkshopStatus.CLOSED:
        raise NotReady(_("Close the workshop before you approve the minutes."))
    minutes.status = MinutesStatus.APPROVED
    minutes.approved_at = timezone.now()
    minutes.approved_by = by
    written_by(minutes, by).save()
    referat.freeze(minutes)
    if minutes.next_evaluation:
        # The date proposed on closing, as approved, becomes the forløb's next evaluation (dashboard, reminders).
        process = minutes.workshop.round.process
        process.next_evaluation = minutes.next_evaluation
        written_by(process, by).save(update_fields=["next_evaluation"])
    signals.minutes_approved.send(sender=Minutes, evaluation_round=minutes.workshop.round)
    return True


@transaction.atomic
def minutes_reopen(*, minutes: Minutes, by) -> bool:
    """Start work towards a new version: the referat is a draft again, its approved versions stay. False when it was a draft already."""
    minutes = Minutes.objects.select_for_update().select_related("workshop").get(pk=minutes.pk)
    if not minutes.is_approved:
        return False
    if not minutes.versions.exists():  # approved before versions existed: keep what was approved
        referat.freeze(minutes)
    minutes.status = MinutesStatus.DRAFT
    minutes.approved_at = None
    minutes.approved_by = None
    written_by(minutes, by).save()
    signals.minutes_reopened.send(sender=Minutes, evaluation_round=minutes.workshop.round)
    return True
