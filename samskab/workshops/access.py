"""Views reach workshops, their sections and what is made in them, and the referat, only through
these functions (the round and its plan: rounds/access.py).

The rule, written once here: until its referat is approved, a workshop's content (cards,
læringspunkter, aftaler) is for the workshop's facilitators alone. Other readers of the forløb
get 403 on its pages, and lists elsewhere (a solution's evidence; the action plan, which asks
through the signal `action_visibility`) filter it out with `sees_content`; an aftale's owner
still sees their own (`aftaler_seen`). The referat itself is read by the forløb's readers from
its first approved version on (`get_minutes_for_user`).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.dispatch import receiver
from django.http import Http404

from samskab.processes.access import Access, get_object_for_user, require
from samskab.rounds.access import action_being_agreed, action_visibility
from samskab.rounds.models import Action
from samskab.workshops import minutes_content as referat
from samskab.workshops.models import (
    Card,
    CardGroup,
    Lesson,
    Minutes,
    MinutesStatus,
    MinutesVersion,
    Section,
    Workshop,
    WorkshopStatus,
)


def is_facilitator(user, workshop: Workshop) -> bool:
    return workshop.facilitators.filter(pk=user.pk).exists()


def get_workshop_for_facilitator(user, pk: int) -> Workshop:
    workshop = get_object_for_user(user, Workshop, pk, process_path="round__process", need=Access.READ)
    if not is_facilitator(user, workshop):
        raise PermissionDenied
    return workshop


def _of_workshop_for_facilitator(user, model, pk: int, workshop: str):
    """The `model` row `pk`, fetched in one query with its workshop (at the path `workshop`), round and
    forløb: 404 when there is none or `user` may not read the forløb, 403 for anyone but the
    workshop's facilitators."""
    obj = (
        model.objects.select_related(f"{workshop}__round__process__unit__organisation")
        .filter(pk=pk, **{f"{workshop}__isnull": False})
        .first()
    )
    if obj is None:
        raise Http404
    found = obj
    for name in workshop.split("__"):
        found = getattr(found, name)
    require(user, found.round.process, Access.READ)
    if not is_facilitator(user, found):
        raise PermissionDenied
    return obj


def get_section_for_facilitator(user, pk: int) -> Section:
    return _of_workshop_for_facilitator(user, Section, pk, "workshop")


def _in_section_for_facilitator(user, model, pk: int):
    """A row of one section (a card, group, læringspunkt or aftale) with its section, for one of the
    workshop's facilitators; 404 for an aftale made outside the workshop."""
    return _of_workshop_for_facilitator(user, model, pk, "section__workshop")


def get_card_for_facilitator(user, pk: int) -> Card:
    return _in_section_for_facilitator(user, Card, pk)


def get_group_for_facilitator(user, pk: int) -> CardGroup:
    return _in_section_for_facilitator(user, CardGroup, pk)


def get_lesson_for_facilitator(user, pk: int) -> Lesson:
    return _in_section_for_facilitator(user, Lesson, pk)


def get_aftale_for_facilitator(user, pk: int) -> Action:
    """An action agreed in the workshop (an aftale), to change there: only its facilitators."""
    return _in_section_for_facilitator(user, Action, pk)


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


@receiver(action_being_agreed, dispatch_uid="workshop_aftale_agreed")
def aftale_agreed_by(sender, action: Action, user, **kwargs) -> bool | None:
    """An aftale is agreed in its workshop until the workshop closes: meanwhile its facilitators
    change it (None for an action made elsewhere, or once the workshop has closed)."""
    if action.section_id is None:
        return None
    workshop = Workshop.objects.filter(sections=action.section_id).exclude(status=WorkshopStatus.CLOSED).first()
    return None if workshop is None else is_facilitator(user, workshop)


class NotApprovedYet(Exception):
    """The referat exists for this reader only once a version of it is approved."""


def get_minutes_for_user(user, pk: int) -> tuple[Workshop, Minutes, bool]:
    """The workshop `pk`, its referat and whether `user` facilitates it (for a facilitator the draft
    is made when missing). 404 outside the forløb; for the forløb's other readers NotApprovedYet until
    a version is approved, after which they read the approved versions (also while a new one is
    prepared)."""
    workshop = get_object_for_user(user, Workshop, pk, process_path="round__process", need=Access.READ)
    if is_facilitator(user, workshop):
        return workshop, referat.ensure_draft(workshop), True
    minutes = Minutes.objects.filter(workshop=workshop).first()
    if minutes is None or not (minutes.is_approved or minutes.versions.exists()):
        raise NotApprovedYet
    return workshop, minutes, False


def get_minutes_for_facilitator(user, pk: int) -> tuple[Workshop, Minutes]:
    """The workshop `pk` and its referat, to change: 404 outside the forløb, 403 for anyone but its facilitators."""
    workshop = get_workshop_for_facilitator(user, pk)
    return workshop, referat.ensure_draft(workshop)


def get_minutes_version_for_user(user, pk: int, number: int) -> tuple[Workshop, MinutesVersion, bool]:
    """An approved version of the workshop's referat, through the workshop and its referat, and
    whether `user` facilitates it."""
    workshop, minutes, facilitator = get_minutes_for_user(user, pk)
    referat.last_version(minutes)  # an old approval without a version gets its version 1 here
    version = minutes.versions.filter(number=number).first()
    if version is None:
        raise Http404
    version.minutes = minutes
    return workshop, version, facilitator
