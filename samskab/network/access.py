"""Who sees and keeps the network: every person of the municipality reads it; central konsulenter keep it.

An erfa-group's meetings (agenda, notes, Word file) are its members' and the central konsulenter's:
for everyone else they do not exist (404), as nothing of another municipality does. What may be
seen but not changed is a 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from samskab.network.models import AgendaItem, ContactConsultant, ErfaGroup, ErfaMeeting, TrainedFacilitator
from samskab.organisations.access import scope_for


def organisation_id_for(user) -> int:
    """The reader's municipality; a person without one sees nothing here."""
    organisation_id = scope_for(user).organisation_id
    if organisation_id is None:
        raise Http404
    return organisation_id


def keeps_network(user) -> bool:
    """Central konsulenter keep the trained facilitators, the contact consultants and the erfa-groups."""
    return scope_for(user).is_central_consultant()


def require_keeper(user) -> int:
    organisation_id = organisation_id_for(user)
    if not keeps_network(user):
        raise PermissionDenied
    return organisation_id


def keeps_meetings(user, group: ErfaGroup) -> bool:
    """Central konsulenter and the group's members plan its meetings and write their notes."""
    if keeps_network(user):
        return True
    return group.members.filter(pk=user.pk).exists()


def get_group_for_user(user, pk: int, *, edit: bool = False, plan: bool = False) -> ErfaGroup:
    """An erfa-group of the reader's municipality; with `edit`, for those who keep the network, and
    with `plan`, for those who plan its meetings (403 for anyone else)."""
    group = ErfaGroup.objects.filter(pk=pk, organisation_id=organisation_id_for(user)).first()
    if group is None:
        raise Http404
    if edit and not keeps_network(user):
        raise PermissionDenied
    if plan and not keeps_meetings(user, group):
        raise PermissionDenied
    return group


def get_meeting_for_user(user, pk: int) -> ErfaMeeting:
    """A meeting of an erfa-group, for its members and the central konsulenter (who read and keep it)."""
    meeting = (
        ErfaMeeting.objects.select_related("group")
        .filter(pk=pk, group__organisation_id=organisation_id_for(user))
        .first()
    )
    if meeting is None or not keeps_meetings(user, meeting.group):
        raise Http404
    return meeting


def get_agenda_item_for_user(user, pk: int) -> AgendaItem:
    """An agenda item, to change: only those who keep its meeting."""
    item = (
        AgendaItem.objects.select_related("meeting__group")
        .filter(pk=pk, meeting__group__organisation_id=organisation_id_for(user))
        .first()
    )
    if item is None or not keeps_meetings(user, item.meeting.group):
        raise Http404
    return item


def get_trained_facilitator_for_user(user, pk: int) -> TrainedFacilitator:
    """A trained konsulent of the municipality, to change: only those who keep the network."""
    trained = TrainedFacilitator.objects.select_related("user").filter(pk=pk, organisation_id=require_keeper(user)).first()
    if trained is None:
        raise Http404
    return trained


def get_contact_consultant_for_user(user, pk: int) -> ContactConsultant:
    """A unit's contact consultant, to change: only those who keep the network."""
    contact = (
        ContactConsultant.objects.select_related("unit").filter(pk=pk, unit__organisation_id=require_keeper(user)).first()
    )
    if contact is None:
        raise Http404
    return contact
