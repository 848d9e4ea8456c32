"""Views reach workshops and sections only through these functions (rounds: rounds/access.py).

Until its referat is approved, a workshop's
content (cards, læringspunkter, aftaler) is for the workshop's facilitators alone: other readers
of the forløb get 403 on its pages, and lists elsewhere (the action plan, a solution's evidence)
filter it out with `sees_content`; an aftale's owner still sees their own (`aftaler_seen`).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.dispatch import receiver
from django.http import Http404

from samskab.processes.access import Access, get_object_for_user
from samskab.rounds.access import action_visibility
from samskab.workshops.models import Card, CardGroup, MinutesStatus, Section, Workshop


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


def _in_section_for_facilitator(user, model, pk: int):
    """A card or group (anything of one section) with its section, for one of the workshop's facilitators."""
    found = model.objects.filter(pk=pk).only("section_id").first()
    if found is None:
        raise Http404
    section = get_section_for_facilitator(user, found.section_id)
    obj = model.objects.get(pk=pk)
    obj.section = section
    return obj


def get_card_for_facilitator(user, pk: int) -> Card:
    return _in_section_for_facilitator(user, Card, pk)


def get_group_for_facilitator(user, pk: int) -> CardGroup:
    return _in_section_for_facilitator(user, CardGroup, pk)


def released(workshop: str) -> Q:
    """Rows of a workshop's content every reader of the forløb may see: its referat is approved.

    `workshop` is the path from the row to its workshop. While a new version of the referat is
    prepared, the content is the facilitators' again (the approved versions stay readable).
    """
    return Q(**{f"{workshop}__minutes__status": MinutesStatus.APPROVED})


def sees_content(user, workshop: str) -> Q:
    """Rows of a workshop's content `user` may see: released, or theirs as the workshop's facilitator."""
    return released(workshop) | Q(**{f"{workshop}__in": Workshop.objects.filter(facilitators=user).values("pk")})


@receiver(action_visibility, dispatch_uid="workshop_aftaler")
def aftaler_seen(sender, user, **kwargs) -> Q:
    """Actions `user` may see in a plan: every action but another's aftale of a referat not yet approved.

    With `user` None: what every reader may see (the round report's plan).
    """
    if user is None:
        return Q(section__isnull=True) | released("section__workshop")
    return Q(section__isnull=True) | sees_content(user, "section__workshop") | Q(owner__user=user)
