"""A page of the registry (registry.py): the demo world its URLs are about, and who may open it.

Who may open a page is said with an *audience*: a set of demo personas (see
samskab/demo/kommune.py), read against the demo forløb at Hjemmeplejen Nord. From it:

- a persona in the audience gets `ok` (200 unless the page says otherwise);
- a persona who can see the forløb (`seen_by`, the READERS by default) but is not in the
  audience gets 403;
- anybody else gets 404: what you may not see does not exist;
- an anonymous visitor is sent to the login page (302), unless the page is public.

`overrides` set a persona's status where a page behaves otherwise (the login page sends
people who are logged in on to their dashboard, for instance).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from tests.pages.naming import reverse

from samskab.demo.kommune import DEMO_SLUG, PERSONAS
from samskab.organisations.models import Organisation, Unit
from samskab.processes.models import Challenge, FollowUp, Indicator, Measurement, Participant, Process, Solution
from samskab.rounds.models import EvaluationRound
from samskab.workshops.models import Section, SectionKind, Workshop

ANONYMOUS = "anonymous"

# The demo personas, by what they may do in the forløb at Hjemmeplejen Nord.
EDITORS = frozenset({"konsulent", "leder", "central"})
CONTRIBUTORS = EDITORS | {"medarbejder", "tr", "amr"}
READERS = CONTRIBUTORS | {"med"}
OUTSIDERS = frozenset({"leder-syd", "nabo", "admin"})  # another unit, another municipality, no municipality
LOGGED_IN = frozenset(persona.username for persona in PERSONAS)
PUBLIC = LOGGED_IN | {ANONYMOUS}
IN_DEMO_KOMMUNE = LOGGED_IN - {"nabo", "admin"}  # the municipality-wide pages (erfaringsbank, netværk)
ERFA_PLANNERS = frozenset({"central", "konsulent", "medarbejder"})  # central konsulent and the demo erfa-group's members
# The demo workshop's facilitators: until its referat is approved, only they see its content.
FACILITATORS = frozenset({"konsulent"})
# Who sees a page differently, by what they may do (first match per level): the main viewer (Page.viewer)
# is one of them; the axe walk opens each page once more for each other level that gets a 200.
ACCESS_LEVELS = {
    "editors": ("leder", "central"),
    "contributors": ("medarbejder", "tr", "amr"),
    "readers": ("med", "leder-syd"),
}


@dataclass(frozen=True)
class World:
    """The demo objects that pages are about."""

    organisation: Organisation
    unit: Unit
    process: Process
    challenge: Challenge
    solution: Solution
    indicator: Indicator
    measurement: Measurement
    follow_up: FollowUp  # written by the facilitator, like every demo follow-up
    participant: Participant  # the one the participant-removal endpoint removes
    evaluation_round: EvaluationRound
    workshop: Workshop
    section: Section  # a card board of the workshop

    @classmethod
    def build(cls) -> "World":
        """The demo world, after `samskab.demo.kommune.load()`."""
        process = Process.objects.select_related("unit__organisation").get(
            unit__organisation__slug=DEMO_SLUG, unit__name="Hjemmeplejen Nord"
        )
        indicator = Indicator.objects.filter(solution__challenge__process=process).select_related("solution").first()
        solution = indicator.solution
        return cls(
            organisation=process.unit.organisation,
            unit=process.unit,
            process=process,
            challenge=solution.challenge,
            solution=solution,
            indicator=indicator,
            measurement=indicator.measurements.first(),
            follow_up=solution.follow_ups.first(),
            participant=process.participants.get(user__username="amr"),
            evaluation_round=process.rounds.get(workshop__isnull=False),
            workshop=Workshop.objects.get(round__process=process),
            section=Section.objects.filter(workshop__round__process=process, kind=SectionKind.BOARD).first(),
        )


def everyone_but(status: int, *, keep: frozenset[str] = frozenset()) -> Mapping[str, int]:
    """Every logged-in persona, except `keep`, gets `status`."""
    return MappingProxyType({username: status for username in LOGGED_IN - keep})


@dataclass(frozen=True)
class Page:
    name: str  # unique; the URL name, with ":something" when one URL has several entries
    url: Callable[[World], str]
    audience: frozenset[str]
    seen_by: frozenset[str] = READERS
    method: str = "GET"  # a POST entry is posted `invalid` (or nothing) and expects `ok` for its audience
    ok: int = 200
    # The error state: POST data that makes the page's form come back with errors (status 200).
    # An empty value for a file field sends no file.
    invalid: Mapping[str, str] | None = None
    overrides: Mapping[str, int] = field(default_factory=dict)
    # A POST that deletes: only refusals are checked, so walks can share one world.
    destructive: bool = False
    html: bool = True  # False for downloads
    # The page lists names the whole municipality shares (an ambassador's unit and forløb): shown to
    # everyone of the municipality, never to another municipality.
    municipal: bool = False

    @property
    def url_name(self) -> str:
        return self.name.split(":")[0]

    @property
    def public(self) -> bool:
        return ANONYMOUS in self.audience

    def expected(self, who: str) -> int | None:
        """The status `who` gets for the page; None when it is not checked (a destructive success)."""
        if who in self.overrides:
            return self.overrides[who]
        if who in self.audience:
            return None if self.destructive else self.ok
        if who == ANONYMOUS:
            return 302  # to the login page
        if who in self.seen_by:
            return 403
        return 404

    def expected_invalid(self, who: str) -> int | None:
        """The status `who` gets when posting the invalid data: the form again (200), or a refusal."""
        if who in self.audience and who not in self.overrides:
            return 200
        return self.expected(who)

    def viewer(self) -> str:
        """One persona who may open the page: anonymous for public pages, else the one who sees most."""
        for who in (ANONYMOUS, "konsulent", "central", "leder", "medarbejder", "med", *sorted(self.audience)):
            if who in self.audience and who not in self.overrides:
                return who
        raise ValueError(f"nobody may open {self.name}")

    def other_viewer(self, level: str) -> str | None:
        """A persona of access `level` (see ACCESS_LEVELS) who may open the page, when not the main viewer.

        A reader's view of a page is laid out differently from an editor's (no edit column, no
        forms), so each access level's view is checked on its own.
        """
        main = self.viewer()
        for who in ACCESS_LEVELS[level]:
            if who in self.audience and who not in self.overrides:
                return None if who == main else who
        return None


def world_url(name: str, *args: str) -> Callable[[World], str]:
    """A URL function: world_url("challenge", "challenge") reverses "challenge" with world.challenge.pk."""

    def url(world: World) -> str:
        return reverse(name, args=[getattr(world, arg).pk for arg in args])

    return url


def deletion(name: str, url: Callable[[World], str], audience: frozenset[str]) -> list[Page]:
    """A delete page's two entries: the confirmation it shows, and the delete it posts (destructive)."""
    return [
        Page(name, url, audience=audience),
        Page(f"{name}:post", url, audience=audience, method="POST", destructive=True),
    ]
