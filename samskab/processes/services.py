"""Writes to forløb and their challenges, solutions, follow-ups, measurements and participants.

A model form that saves its own record stays in the view; every other write is here."""

import uuid

from django.db import IntegrityError, transaction
from django.db.models import Max
from simple_history.utils import bulk_create_with_history

from samskab.core.history import written_by
from samskab.organisations.models import Role
from samskab.processes.excel_import import ImportRows
from samskab.processes.models import Challenge, FollowUp, Indicator, Measurement, Participant, Process, Solution


@transaction.atomic
def process_create(*, process: Process, by) -> Process:
    """Save a new forløb; its creator takes part as facilitator (konsulent) or leader."""
    process.save()
    scope_roles = set(by.memberships.filter(unit__in=process.unit.ancestors_and_self()).values_list("role", flat=True))
    role = Role.LEADER if Role.LEADER in scope_roles and Role.CONSULTANT not in scope_roles else Role.CONSULTANT
    Participant.objects.create(process=process, user=by, role=role)
    return process


def _newest_follow_up(solution: Solution) -> FollowUp | None:
    return solution.follow_ups.order_by("-date", "-pk").first()


def _follow_the_newest(solution: Solution, follow_up: FollowUp, *, was_newest: bool = False) -> None:
    """The solution takes the status of its newest follow-up, when `follow_up` is (or was) that one.

    A change to an older follow-up leaves the status alone: it may have been set by hand since.
    """
    newest = _newest_follow_up(solution)
    if newest is None or (newest != follow_up and not was_newest):
        return
    if solution.status != newest.status:
        solution.status = newest.status
        solution.save(update_fields=["status"])


@transaction.atomic
def follow_up_add(*, follow_up: FollowUp, solution: Solution, by) -> FollowUp:
    """Record a follow-up; the solution takes the status it reports when it is the newest."""
    follow_up.solution = solution
    follow_up.author = by
    follow_up.save()
    _follow_the_newest(solution, follow_up)
    return follow_up


@transaction.atomic
def follow_up_edit(*, follow_up: FollowUp, by) -> FollowUp:
    """Save a changed follow-up. When it is the newest, or was until its date changed, the solution
    takes the status of the newest one.

    Follow-ups are never deleted: they are the record of what happened. A wrong one is corrected.
    """
    solution = follow_up.solution
    was_newest = _newest_follow_up(solution) == follow_up  # read before the new date is saved
    written_by(follow_up, by).save()
    _follow_the_newest(solution, follow_up, was_newest=was_newest)
    return follow_up


def _submission_ids(submission_id: uuid.UUID, kind: str, count: int) -> list[uuid.UUID]:
    """Ids derived from the upload's form, so that the same submission makes the same records."""
    return [uuid.uuid5(submission_id, f"{kind}:{index}") for index in range(count)]


def import_workbook(*, process: Process, rows: ImportRows, submission_id: uuid.UUID, by) -> bool:
    """Create everything in an Excel import at once. Returns False when this submission was imported already.

    Follow-ups are history: the solution's status is the one its own row gives.
    """
    # Every import has a challenge, and its records are created together: the first one tells.
    first = Challenge.objects.filter(submission_id=_submission_ids(submission_id, "challenge", 1)[0])
    if first.exists():
        return False
    try:
        with transaction.atomic():
            _import(process, rows, submission_id, by)
    except IntegrityError:
        # The same submission, imported at the same moment by a second request.
        if first.exists():
            return False
        raise
    return True


def _import(process: Process, rows: ImportRows, submission_id: uuid.UUID, by) -> None:
    next_priority = (process.challenges.aggregate(highest=Max("priority"))["highest"] or 0) + 1
    challenges = []
    for row, key in zip(rows.challenges, _submission_ids(submission_id, "challenge", len(rows.challenges))):
        priority = row.priority
        if priority is None:
            priority, next_priority = next_priority, next_priority + 1
        challenges.append(Challenge(
            process=process, submission_id=key, title=row.title, description=row.description,
            why_problem=row.why_problem, affected=row.affected, priority=priority,
        ))
    challenges = bulk_create_with_history(challenges, Challenge, default_user=by)
    challenge_by_number = {row.number: challenge for row, challenge in zip(rows.challenges, challenges)}

    solutions = [
        Solution(
            challenge=challenge_by_number[row.challenge], submission_id=key, title=row.title,
            description=row.description, expected_effect=row.expected_effect, owner=row.owner,
            start_date=row.start_date, status=row.status,
        )
        for row, key in zip(rows.solutions, _submission_ids(submission_id, "solution", len(rows.solutions)))
    ]
    solutions = bulk_create_with_history(solutions, Solution, default_user=by)
    solution_by_number = {row.number: solution for row, solution in zip(rows.solutions, solutions)}

    follow_ups = [
        FollowUp(
            solution=solution_by_number[row.solution], submission_id=key, date=row.date,
            status=row.status or solution_by_number[row.solution].status, happened=row.happened,
            blockers=row.blockers, author=by,
        )
        for row, key in zip(rows.follow_ups, _submission_ids(submission_id, "follow-up", len(rows.follow_ups)))
    ]
    bulk_create_with_history(follow_ups, FollowUp, default_user=by)

    indicators = [
        Indicator(solution=solution_by_number[row.solution], submission_id=key, name=row.name, unit=row.unit)
        for row, key in zip(rows.indicators, _submission_ids(submission_id, "indicator", len(rows.indicators)))
    ]
    indicators = bulk_create_with_history(indicators, Indicator, default_user=by)
    indicator_for = {id(row): indicator for row, indicator in zip(rows.indicators, indicators)}

    measurements = [
        Measurement(
            indicator=indicator_for[id(row.indicator)], submission_id=key, phase=row.phase, value=row.value,
            date=row.date, note=row.note, author=by,
        )
        for row, key in zip(rows.measurements, _submission_ids(submission_id, "measurement", len(rows.measurements)))
    ]
    bulk_create_with_history(measurements, Measurement, default_user=by)


def challenge_delete(*, challenge: Challenge, by) -> None:
    """Delete a challenge with its solutions."""
    written_by(challenge, by).delete()


def solution_delete(*, solution: Solution, by) -> None:
    written_by(solution, by).delete()


def indicator_delete(*, indicator: Indicator, by) -> None:
    """Delete an indicator with its measurements."""
    written_by(indicator, by).delete()


def measurement_delete(*, measurement: Measurement, by) -> None:
    written_by(measurement, by).delete()


def participant_remove(*, participant: Participant, by) -> None:
    written_by(participant, by).delete()


def participant_set_ambassador(*, participant: Participant, ambassador: bool, by) -> Participant:
    """Make a participant an ambassador, or no longer one."""
    participant.is_ambassador = ambassador
    written_by(participant, by).save(update_fields=["is_ambassador"])
    return participant
