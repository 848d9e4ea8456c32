"""Views reach rounds, workshops and sections only through these functions.

A round is seen by everyone who reads its forløb. Until its referat is approved, a workshop's
content is for the workshop's facilitators alone: other readers of the forløb get 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from samskab.processes.access import Access, get_object_for_user
from samskab.workshops.models import EvaluationRound, Section, Workshop


def get_round_for_user(user, pk: int, need: Access = Access.READ) -> EvaluationRound:
    return get_object_for_user(user, EvaluationRound, pk, process_path="process", need=need)


def is_facilitator(user, workshop: Workshop) -> bool:
    return workshop.facilitators.filter(pk=user.pk).exists()


def get_workshop_for_facilitator(user, pk: int) -> Workshop:
    workshop = get_object_for_user(user, Workshop, pk, process_path="round__process", need=Access.READ)
    if not is_facilitator(user, workshop):
        raise PermissionDenied
    return workshop


def get_section_for_facilitator(user, pk: int) -> Section:
    section = Section.objects.filter(pk=pk).only("workshop_id").first()
    if section is None:
        raise Http404
    workshop = get_workshop_for_facilitator(user, section.workshop_id)
    section = workshop.sections.get(pk=pk)
    section.workshop = workshop
    return section
