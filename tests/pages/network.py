"""The network's pages of the page registry (ambassadors, consultants, erfa-groups), and the URLs of its demo objects."""

from collections.abc import Callable
from types import MappingProxyType

from tests.pages.naming import reverse
from tests.pages.page import EDITORS, ERFA_PLANNERS, IN_DEMO_KOMMUNE, LOGGED_IN, Page

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


PAGES: list[Page] = [
    # Read by every person of the municipality, kept by its central konsulenter (erfa-group meetings
    # also by the group's members: konsulent, central and medarbejder in the demo). The lists show
    # nabo their own municipality (nabo is central konsulent there), so nabo may also add to them;
    # the admin has no municipality (404). Demo Kommune's groups and meetings are 404 to both.
    Page(
        "network_ambassadors",
        lambda w: reverse("network:network_ambassadors"),
        audience=LOGGED_IN,
        overrides=MappingProxyType({"admin": 404}),
        municipal=True,
    ),
    Page(
        "network_ambassadors:invalid",
        lambda w: reverse("network:network_ambassadors") + "?unit=ikke-en-enhed",
        audience=LOGGED_IN,
        overrides=MappingProxyType({"admin": 404}),
        municipal=True,
    ),
    Page(
        "network_participant_tells_about",
        tells_about_url,
        audience=EDITORS,
        invalid={"tells_about": "Fleksible tidsrammer"},  # without ticking "ambassador"
    ),
    Page("network_consultants", lambda w: reverse("network:network_consultants"), audience=LOGGED_IN, overrides=MappingProxyType({"admin": 404})),
    Page(
        "network_consultants:facilitator",
        lambda w: reverse("network:network_consultants"),
        audience=frozenset({"central", "nabo"}),
        seen_by=LOGGED_IN - {"admin"},
        method="POST",
        invalid={"user": "", "note": "Kursus i facilitering"},
    ),
    Page(
        "network_consultants:contact",
        lambda w: reverse("network:network_consultants"),
        audience=frozenset({"central", "nabo"}),
        seen_by=LOGGED_IN - {"admin"},
        method="POST",
        invalid={"unit": "", "consultant": ""},
    ),
    Page(
        "network_facilitator_remove",
        facilitator_url("network_facilitator_remove"),
        audience=frozenset({"central"}),
        seen_by=IN_DEMO_KOMMUNE,
        method="POST",
        destructive=True,
    ),
    Page(
        "network_contact_remove",
        contact_url("network_contact_remove"),
        audience=frozenset({"central"}),
        seen_by=IN_DEMO_KOMMUNE,
        method="POST",
        destructive=True,
    ),
    Page("erfa_groups", lambda w: reverse("network:erfa_groups"), audience=LOGGED_IN, overrides=MappingProxyType({"admin": 404})),
    Page(
        "erfa_group_create",
        lambda w: reverse("network:erfa_group_create"),
        audience=frozenset({"central", "nabo"}),
        seen_by=LOGGED_IN - {"admin"},
        invalid={"name": "", "purpose": "Vi deler erfaringer."},
    ),
    Page("erfa_group", group_url("erfa_group"), audience=IN_DEMO_KOMMUNE),
    Page(
        "erfa_group_edit",
        group_url("erfa_group_edit"),
        audience=frozenset({"central"}),
        seen_by=IN_DEMO_KOMMUNE,
        invalid={"name": "", "purpose": "Vi deler erfaringer."},
    ),
    Page(
        "erfa_meeting_create",
        group_url("erfa_meeting_create"),
        audience=ERFA_PLANNERS,
        seen_by=IN_DEMO_KOMMUNE,
        invalid={"date": "", "place": "Rådhuset"},
    ),
    # A meeting (agenda, notes, Word file) is its group's members' and the central konsulenter's: 404 for the rest.
    Page("erfa_meeting", meeting_url("erfa_meeting"), audience=ERFA_PLANNERS, seen_by=ERFA_PLANNERS),
    # The search box's error state: only small words.
    Page("erfa_meeting:search", meeting_url("erfa_meeting", "?q=og+at"), audience=ERFA_PLANNERS, seen_by=ERFA_PLANNERS),
    Page(
        "erfa_meeting:text",
        meeting_url("erfa_meeting"),
        audience=ERFA_PLANNERS,
        seen_by=ERFA_PLANNERS,
        method="POST",
        invalid={"text": ""},
    ),
    Page(
        "erfa_meeting_edit",
        meeting_url("erfa_meeting_edit"),
        audience=ERFA_PLANNERS,
        seen_by=ERFA_PLANNERS,
        invalid={"date": "ikke en dato", "notes": "Vi talte om tavlemøderne."},
    ),
    Page("erfa_meeting_docx", meeting_url("erfa_meeting_docx"), audience=ERFA_PLANNERS, seen_by=ERFA_PLANNERS, html=False),
    # Without an item to add, the meeting page says so (302 back to it).
    Page(
        "erfa_agenda_add",
        meeting_url("erfa_agenda_add"),
        audience=ERFA_PLANNERS,
        seen_by=ERFA_PLANNERS,
        method="POST",
        ok=302,
    ),
    Page(
        "erfa_agenda_move",
        agenda_item_url("erfa_agenda_move"),
        audience=ERFA_PLANNERS,
        seen_by=ERFA_PLANNERS,
        method="POST",
        ok=302,
    ),
    Page(
        "erfa_agenda_remove",
        agenda_item_url("erfa_agenda_remove"),
        audience=ERFA_PLANNERS,
        seen_by=ERFA_PLANNERS,
        method="POST",
        destructive=True,
    ),
]
