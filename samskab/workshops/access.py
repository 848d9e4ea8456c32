"""Views reach rounds, workshops and sections only through these functions.

A round is seen by everyone who reads its forløb. Until its referat is approved, a workshop's
content is for the workshop's facilitators alone: other readers of the forløb get 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from samskab.processes.access import Access, require
from samskab.workshops.models import EvaluationRound, Section, Workshop


def get_round_for_user(user, pk: int, need: Access = Access.READ) -> EvaluationRound:
    evaluation_round = EvaluationRound.objects.select_related("process__unit__organisation").filter(pk=pk).first()
    if evaluation_round is None:
        raise Http404
    require(user, evaluation_round.process, need)
    return evaluation_round


def is_facilitator(user, workshop: Workshop) -> bool:
    return workshop.facilitators.filter(pk=user.pk).exists()


def get_workshop_for_facilitator(user, pk: int) -> Workshop:
    workshop = Workshop.objects.select_related("round__process__unit__organisation").filter(pk=pk).first()
    if workshop is None:
        raise Http404
    require(user, workshop.round.process, Access.READ)
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
