"""Every view reaches forløb and their content through these functions.

Not visible is a 404; visible but not allowed is a 403.
"""

from enum import IntEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from samskab.organisations.access import get_unit_for_user, scope_for, under_any
from samskab.organisations.models import EDITING_ROLES
from samskab.processes.models import Challenge, FollowUp, Indicator, Measurement, Participant, Process, Solution


class Access(IntEnum):
    NONE = 0
    READ = 1  # unit members, MED-udvalg members
    CONTRIBUTE = 2  # participants: read and add follow-ups
    EDIT = 3  # facilitators and leaders


def process_access(user, process: Process) -> Access:
    scope = scope_for(user)
    if scope.organisation_id is None:
        return Access.NONE
    if process.unit.organisation_id != scope.organisation_id:
        return Access.NONE
    role_in_process = scope.participations.get(process.pk)
    if role_in_process in EDITING_ROLES:
        return Access.EDIT
    if scope.edits_unit(process.unit):
        return Access.EDIT
    if role_in_process is not None:
        return Access.CONTRIBUTE
    if scope.reads_unit(process.unit):
        return Access.READ
    return Access.NONE


def visible_processes(user) -> QuerySet[Process]:
    scope = scope_for(user)
    if scope.organisation_id is None:
        return Process.objects.none()
    reach = under_any(scope.paths() + scope.med_paths, "unit__path") | Q(pk__in=list(scope.participations))
    return Process.objects.filter(reach, unit__organisation_id=scope.organisation_id)


def require(user, process: Process, need: Access) -> Access:
    access = process_access(user, process)
    if access == Access.NONE:
        raise Http404
    if access < need:
        raise PermissionDenied
    return access


def get_object_for_user(user, model, pk: int, *, process_path: str, need: Access, related: tuple = ()):
    """The `model` object with `pk` and the forløb it belongs to (at `process_path`), in one query.

    404 when there is no such object or the user may not see its forløb; 403 when they may see
    it but not do what `need` asks.
    """
    unit = f"{process_path}__unit__organisation" if process_path else "unit__organisation"
    obj = model.objects.select_related(unit, *related).filter(pk=pk).first()
    if obj is None:
        raise Http404
    process = obj
    for name in process_path.split("__") if process_path else ():
        process = getattr(process, name)
    require(user, process, need)
    return obj


def get_process_for_user(user, pk: int, need: Access = Access.READ) -> Process:
    return get_object_for_user(user, Process, pk, process_path="", need=need)


def get_participant_for_user(user, process_pk: int, pk: int, need: Access = Access.READ) -> Participant:
    """A participant, reached through the forløb it takes part in."""
    process = get_process_for_user(user, process_pk, need)
    participant = process.participants.select_related("user").filter(pk=pk).first()
    if participant is None:
        raise Http404
    participant.process = process
    return participant


def get_challenge_for_user(user, pk: int, need: Access = Access.READ) -> Challenge:
    return get_object_for_user(user, Challenge, pk, process_path="process", need=need)


def get_solution_for_user(user, pk: int, need: Access = Access.READ) -> Solution:
    return get_object_for_user(user, Solution, pk, process_path="challenge__process", need=need, related=("owner",))


def get_indicator_for_user(user, pk: int, need: Access = Access.READ) -> Indicator:
    return get_object_for_user(user, Indicator, pk, process_path="solution__challenge__process", need=need)


def may_edit_follow_up(user, follow_up: FollowUp, access: Access) -> bool:
    """Editors edit every follow-up; a participant edits the ones they wrote, while they take part."""
    if access >= Access.EDIT:
        return True
    return access == Access.CONTRIBUTE and follow_up.author_id == user.pk


def get_follow_up_for_user(user, pk: int, need: Access = Access.READ) -> FollowUp:
    """A follow-up. Asking for CONTRIBUTE or more means editing it: see `may_edit_follow_up`."""
    follow_up = get_object_for_user(
        user, FollowUp, pk, process_path="solution__challenge__process", need=Access.READ
    )
    access = require(user, follow_up.solution.challenge.process, need)
    if need >= Access.CONTRIBUTE and not may_edit_follow_up(user, follow_up, access):
        raise PermissionDenied
    return follow_up


def may_edit_measurement(user, measurement: Measurement, access: Access) -> bool:
    """Editors edit every measurement; a participant the ones they entered, while they take part."""
    if access >= Access.EDIT:
        return True
    return access == Access.CONTRIBUTE and measurement.author_id == user.pk


def get_measurement_for_user(user, pk: int, need: Access = Access.READ) -> Measurement:
    """A measurement. Asking for CONTRIBUTE or more means editing it: see `may_edit_measurement`."""
    measurement = get_object_for_user(
        user, Measurement, pk, process_path="indicator__solution__challenge__process", need=Access.READ
    )
    access = require(user, measurement.indicator.solution.challenge.process, need)
    if need >= Access.CONTRIBUTE and not may_edit_measurement(user, measurement, access):
        raise PermissionDenied
    return measurement


def can_create_process(user, unit) -> bool:
    scope = scope_for(user)
    return scope.organisation_id == unit.organisation_id and scope.edits_unit(unit)


def get_unit_to_create_process(user, pk: int):
    """A unit `user` may see (404 otherwise) and start a forløb in (403 otherwise)."""
    unit = get_unit_for_user(user, pk)
    if not can_create_process(user, unit):
        raise PermissionDenied
    return unit
