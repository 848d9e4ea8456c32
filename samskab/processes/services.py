"""Writes that span several records. Plain CRUD stays in the views."""

from django.db import transaction

from samskab.organisations.models import Role
from samskab.processes.models import FollowUp, Participant, Process, Solution


@transaction.atomic
def process_create(*, process: Process, by) -> Process:
    """Save a new forløb; its creator takes part as facilitator (konsulent) or leader."""
    process.save()
    scope_roles = set(by.memberships.filter(unit__in=process.unit.ancestors_and_self()).values_list("role", flat=True))
    role = Role.LEADER if Role.LEADER in scope_roles and Role.CONSULTANT not in scope_roles else Role.CONSULTANT
    Participant.objects.create(process=process, user=by, role=role)
    return process


@transaction.atomic
def follow_up_add(*, follow_up: FollowUp, solution: Solution, by) -> FollowUp:
    """Record a follow-up; the solution takes the status it reports when it is the newest."""
    follow_up.solution = solution
    follow_up.author = by
    follow_up.save()
    newest = solution.follow_ups.order_by("-date", "-pk").first()
    if newest == follow_up and solution.status != follow_up.status:
        solution.status = follow_up.status
        solution.save(update_fields=["status"])
    return follow_up
