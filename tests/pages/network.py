"""URLs of the network's demo objects, for the page registry (registry.py)."""

from collections.abc import Callable

from tests.pages.naming import reverse

from samskab.network.models import AgendaItem, ContactConsultant, ErfaGroup, ErfaMeeting, TrainedFacilitator
from samskab.organisations.models import Unit
from samskab.processes.models import Participant

DEMO_GROUP = "Erfa-gruppe for samskabt styring"


def _group(world) -> ErfaGroup:
    return ErfaGroup.objects.get(organisation=world.organisation, name=DEMO_GROUP)


def _meeting(world) -> ErfaMeeting:
    return ErfaMeeting.objects.filter(group=_group(world)).order_by("pk").first()


def group_url(name: str, query: str = "") -> Callable:
    return lambda world: reverse(name, args=[_group(world).pk]) + query


def meeting_url(name: str, query: str = "") -> Callable:
    return lambda world: reverse(name, args=[_meeting(world).pk]) + query


def agenda_item_url(name: str) -> Callable:
    """A free-text item on the demo meeting's agenda, made the first time it is asked for."""

    def url(world) -> str:
        item, _created = AgendaItem.objects.get_or_create(
            meeting=_meeting(world), bank_item=None, text="Hvordan holder vi fast i tavlemøderne?", defaults={"order": 50}
        )
        return reverse(name, args=[item.pk])

    return url


def facilitator_url(name: str) -> Callable:
    """The leder listed as trained to facilitate, made the first time it is asked for."""

    def url(world) -> str:
        trained, _created = TrainedFacilitator.objects.get_or_create(
            organisation=world.organisation, user=Participant.objects.get(process=world.process, user__username="leder").user
        )
        return reverse(name, args=[trained.pk])

    return url


def contact_url(name: str) -> Callable:
    """Hjemmeplejen Syd's own contact consultant, made the first time it is asked for."""

    def url(world) -> str:
        south = Unit.objects.get(organisation=world.organisation, name="Hjemmeplejen Syd")
        contact, _created = ContactConsultant.objects.get_or_create(
            unit=south, defaults={"consultant": world.process.participants.get(user__username="konsulent").user}
        )
        return reverse(name, args=[contact.pk])

    return url


def tells_about_url(world) -> str:
    """What a participant who is not an ambassador (the TR) could tell about: writing it asks to tick ambassador."""
    participant = world.process.participants.get(user__username="tr")
    return reverse("processes:network_participant_tells_about", args=[world.process.pk, participant.pk])
