"""Every page of the app, who may open it, and how to show it with errors.

Two tests walk this registry: tests/test_access_walk.py opens every page as every demo
persona and checks the status each gets; tests/browser/test_axe_walk.py runs axe-core on
every page (and its error state) at desktop and phone width. A new URL pattern must be
added here, or tests/test_page_registry.py fails.

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

import uuid
from datetime import timedelta
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from django.contrib.auth.tokens import default_token_generator
from tests.pages.naming import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from samskab.accounts.models import User
from samskab.anchoring.models import AnchoringMeasure
from samskab.communication.models import CommunicationRow
from samskab.decisions.models import Decision, DecisionKind
from samskab.demo.kommune import DEMO_SLUG, PERSONAS
from samskab.organisations.models import Organisation, Unit
from samskab.processes.models import Challenge, FollowUp, Indicator, Measurement, Participant, Process, Solution
from samskab.rounds.models import Action, EvaluationRound
from samskab.workshops.models import Card, CardGroup, Lesson, MinutesVersion, Section, SectionKind, Workshop

from tests.pages import administration, network, privacy
from tests.pages.bank import item_url as bank_item_url
from tests.pages.ideas import idea_url
from tests.pages import signin as signin_pages

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


def _card(world: World) -> str:
    """The card-hiding endpoint for a card on the demo workshop's board, written the first time it is asked for."""
    card, _created = Card.objects.get_or_create(
        client_id=uuid.UUID(int=1), defaults={"section": world.section, "text": "Tavlemøderne virker."}
    )
    return reverse("workshops:card_hide", args=[card.pk])


def _minutes_card(world: World) -> str:
    """The referat's hide toggle, for the same demo card as `_card`."""
    card, _created = Card.objects.get_or_create(
        client_id=uuid.UUID(int=1), defaults={"section": world.section, "text": "Tavlemøderne virker."}
    )
    return reverse("workshops:minutes_card_hide", args=[card.pk])


def _code(name: str, *, card: bool = False) -> Callable[[World], str]:
    """A URL of the participants' side of the demo workshop, found by its join code."""

    def url(world: World) -> str:
        args = [world.workshop.join_code] + ([str(uuid.UUID(int=2))] if card else [])
        return reverse(name, args=args)

    return url


def _round_without_workshop(world: World) -> str:
    """An open round of the demo forløb that has no workshop yet, made the first time it is asked for."""
    evaluation_round, _created = EvaluationRound.objects.get_or_create(
        process=world.process, number=99, defaults={"opened_on": world.evaluation_round.opened_on}
    )
    return reverse("workshops:workshop_create", args=[evaluation_round.pk])


def _on_card(name: str) -> Callable[[World], str]:
    """A moderation URL for the demo card of `_card`."""

    def url(world: World) -> str:
        _card(world)
        return reverse(name, args=[Card.objects.get(client_id=uuid.UUID(int=1)).pk])

    return url


def _on_group(name: str) -> Callable[[World], str]:
    """A URL about a named group on the demo board, made the first time it is asked for."""

    def url(world: World) -> str:
        group, _created = CardGroup.objects.get_or_create(section=world.section, name="Møderne")
        return reverse(name, args=[group.pk])

    return url


def _on_lesson(name: str) -> Callable[[World], str]:
    """A URL about a læringspunkt of the demo board, made the first time it is asked for."""

    def url(world: World) -> str:
        lesson, _created = Lesson.objects.get_or_create(section=world.section, text="Korte tavlemøder virker.")
        return reverse(name, args=[lesson.pk])

    return url


def _on_action(name: str) -> Callable[[World], str]:
    """A URL about an aftale from the demo board, made the first time it is asked for."""

    def url(world: World) -> str:
        action, _created = Action.objects.get_or_create(
            round=world.evaluation_round,
            section=world.section,
            what="Fortæl om tavlemøderne på personalemødet",
            defaults={"owner": world.participant, "deadline": world.evaluation_round.opened_on},
        )
        return reverse(name, args=[action.pk])

    return url


def _measure(name: str) -> Callable[[World], str]:
    """A URL about the demo forløb's own anchoring measure, made the first time it is asked for."""

    def url(world: World) -> str:
        measure, _created = AnchoringMeasure.objects.get_or_create(
            process=world.process, key="", title="Fast punkt på personalemødet"
        )
        return reverse(name, args=[measure.pk])

    return url


def _decision(world: World) -> str:
    """The edit page of a decision on the demo solution in the open round, made the first time it is asked for."""
    decision = Decision.objects.filter(solution=world.solution).first()
    if decision is None:
        decision = Decision.objects.create(
            solution=world.solution,
            round=world.evaluation_round,
            kind=DecisionKind.CONTINUE,
            rationale="Målingerne viser færre dobbeltregistreringer.",
            decided_by=Participant.objects.get(process=world.process, user__username="leder"),
            decided_on=world.evaluation_round.opened_on,
        )
    return reverse("decisions:decision_edit", args=[decision.pk])


def _communication_row(name: str) -> Callable[[World], str]:
    """A URL about a row of the demo round's communication plan, made the first time it is asked for."""

    def url(world: World) -> str:
        row, _created = CommunicationRow.objects.get_or_create(
            round=world.evaluation_round,
            audience="Kolleger, der ikke deltog",
            defaults={"message": "Vi har droppet dobbeltregistreringen.", "channel": "Personalemøde"},
        )
        return reverse(name, args=[row.pk])

    return url


def _action(name: str) -> Callable[[World], str]:
    """A URL about an action of the demo round owned by the medarbejder, made the first time it is asked for."""

    def url(world: World) -> str:
        action, _created = Action.objects.get_or_create(
            round=world.evaluation_round,
            what="Ny skabelon til besøgsnotater",
            defaults={
                "owner": Participant.objects.get(process=world.process, user__username="medarbejder"),
                "deadline": world.evaluation_round.opened_on + timedelta(days=60),
            },
        )
        return reverse(name, args=[action.pk])

    return url


def _approved_minutes(name: str) -> Callable[[World], str]:
    """A URL of version 1 of the referat the erfaringsbank demo approved (Børnehuset Solsikken, seen by the central konsulent)."""

    def url(world: World) -> str:
        version = MinutesVersion.objects.get(minutes__workshop__round__process__unit__name="Børnehuset Solsikken", number=1)
        return reverse(name, args=[version.minutes.workshop_id, 1])

    return url


def _approved_report(name: str) -> Callable[[World], str]:
    """A URL of version 1 of the demo round's report, approved by the facilitator the first time it is asked for."""

    def url(world: World) -> str:
        from samskab.reports import services as reports

        report = reports.report_for(world.evaluation_round)
        if not report.versions.exists():
            reports.report_approve(report=report, by=User.objects.get(username="konsulent"))
        return reverse(name, args=[world.evaluation_round.pk, 1])

    return url


def _portfolio(name: str) -> Callable[[World], str]:
    """The portfolio (or its download) narrowed to the demo municipality's top unit."""

    def url(world: World) -> str:
        top = Unit.objects.get(organisation=world.organisation, parent__isnull=True)
        return f"{reverse(name)}?enhed={top.pk}"

    return url


def _reset_link(username: str) -> str:
    """A valid password-reset link, made when it is asked for (a login makes older links invalid)."""
    user = User.objects.get(username=username)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse("accounts:password_reset_confirm", args=[uid, default_token_generator.make_token(user)])


def _expired_reset_link(username: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(User.objects.get(username=username).pk))
    return reverse("accounts:password_reset_confirm", args=[uid, "expired-link"])


def _everyone_but(status: int, *, keep: frozenset[str] = frozenset()) -> Mapping[str, int]:
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


def _p(name: str, *args: str) -> Callable[[World], str]:
    """A URL function: _p("challenge", "challenge") reverses "challenge" with world.challenge.pk."""

    def url(world: World) -> str:
        return reverse(name, args=[getattr(world, arg).pk for arg in args])

    return url


def _administrators_only(name: str, url: Callable[[World], str], **fields) -> Page:
    """A page of the municipality's own administration: its administrator only; nobody else finds it (404)."""
    return Page(name, url, audience=administration.ADMINISTRATORS, seen_by=frozenset(), **fields)


PAGES: list[Page] = [
    # Public by design: log-in, password reset, privacy, accessibility statement.
    Page(
        "login",
        lambda w: reverse("accounts:login"),
        audience=PUBLIC,
        overrides=_everyone_but(302),  # already logged in: on to the dashboard
        invalid={"username": "konsulent", "password": "not-the-password"},
    ),
    Page("logout", lambda w: reverse("accounts:logout"), audience=PUBLIC, method="POST", ok=302),
    Page("set_language", lambda w: reverse("set_language"), audience=PUBLIC, method="POST", ok=302),
    Page("password_reset", lambda w: reverse("accounts:password_reset"), audience=PUBLIC, invalid={"email": "not an address"}),
    Page("password_reset_done", lambda w: reverse("accounts:password_reset_done"), audience=PUBLIC),
    # A valid link is swapped for a link without the token (302), which shows the form.
    Page(
        "password_reset_confirm",
        lambda w: _reset_link("amr"),
        audience=PUBLIC,
        ok=302,
        invalid={"new_password1": "kort", "new_password2": "anderledes"},
    ),
    Page("password_reset_confirm:expired", lambda w: _expired_reset_link("amr"), audience=PUBLIC),
    Page("password_reset_complete", lambda w: reverse("accounts:password_reset_complete"), audience=PUBLIC),
    Page(
        "privacy_index",
        lambda w: reverse("privacy:privacy_index"),
        audience=PUBLIC,
        overrides=_everyone_but(302, keep=frozenset({"admin"})),  # on to their own municipality's page
    ),
    Page("privacy", lambda w: reverse("privacy:privacy", args=[w.organisation.slug]), audience=PUBLIC),
    Page("accessibility", lambda w: reverse("organisations:accessibility"), audience=PUBLIC),
    # Everyone logged in has these, showing only what they may see.
    Page("dashboard", lambda w: reverse("processes:dashboard"), audience=LOGGED_IN),
    Page("units", lambda w: reverse("organisations:units"), audience=LOGGED_IN),
    Page("unit", _p("unit", "unit"), audience=READERS),
    Page("process_create", _p("process_create", "unit"), audience=EDITORS, invalid={"title": ""}),
    # The forløb.
    Page("process", _p("process", "process"), audience=READERS),
    Page("process_edit", _p("process_edit", "process"), audience=EDITORS, invalid={"title": ""}),
    Page("process_history", _p("process_history", "process"), audience=READERS),
    Page("participants", _p("participants", "process"), audience=READERS),
    # Readers see the participants; editors add them with the form on the same page.
    Page("participants:add", _p("participants", "process"), audience=EDITORS, method="POST", invalid={"user": ""}),
    Page(
        "participant_remove",
        _p("participant_remove", "process", "participant"),
        audience=EDITORS,
        method="POST",
        destructive=True,
    ),
    Page(
        "participant_ambassador",
        _p("participant_ambassador", "process", "participant"),
        audience=EDITORS,
        method="POST",
        ok=302,
    ),
    Page("process_import", _p("process_import", "process"), audience=EDITORS, invalid={"file": ""}),
    Page("import_template", _p("import_template", "process"), audience=EDITORS, html=False),
    # Challenges.
    Page("challenge_create", _p("challenge_create", "process"), audience=EDITORS, invalid={"title": ""}),
    Page("challenge", _p("challenge", "challenge"), audience=READERS),
    Page("challenge_edit", _p("challenge_edit", "challenge"), audience=EDITORS, invalid={"title": ""}),
    Page("challenge_delete", _p("challenge_delete", "challenge"), audience=EDITORS),
    Page(
        "challenge_delete:post",
        _p("challenge_delete", "challenge"),
        audience=EDITORS,
        method="POST",
        destructive=True,
    ),
    # Solutions, follow-ups, indicators and measurements.
    Page("solution_create", _p("solution_create", "challenge"), audience=EDITORS, invalid={"title": ""}),
    Page("solution", _p("solution", "solution"), audience=READERS),
    Page("solution_edit", _p("solution_edit", "solution"), audience=EDITORS, invalid={"title": ""}),
    Page("solution_delete", _p("solution_delete", "solution"), audience=EDITORS),
    Page(
        "solution_delete:post",
        _p("solution_delete", "solution"),
        audience=EDITORS,
        method="POST",
        destructive=True,
    ),
    Page("follow_up_create", _p("follow_up_create", "solution"), audience=CONTRIBUTORS, invalid={"happened": ""}),
    # Participants edit the follow-ups they wrote; the facilitator wrote this one.
    Page("follow_up_edit", _p("follow_up_edit", "follow_up"), audience=EDITORS, invalid={"happened": ""}),
    Page("indicator_create", _p("indicator_create", "solution"), audience=EDITORS, invalid={"name": ""}),
    Page("indicator_edit", _p("indicator_edit", "indicator"), audience=EDITORS, invalid={"name": ""}),
    Page("indicator_delete", _p("indicator_delete", "indicator"), audience=EDITORS),
    Page(
        "indicator_delete:post",
        _p("indicator_delete", "indicator"),
        audience=EDITORS,
        method="POST",
        destructive=True,
    ),
    Page(
        "measurement_create",
        _p("measurement_create", "indicator"),
        audience=CONTRIBUTORS,
        invalid={"value": "not a number"},
    ),
    # Participants edit the measurements they entered; the leder entered this one.
    Page(
        "measurement_edit",
        _p("measurement_edit", "measurement"),
        audience=EDITORS,
        invalid={"value": "not a number"},
    ),
    Page("measurement_delete", _p("measurement_delete", "measurement"), audience=EDITORS),
    Page(
        "measurement_delete:post",
        _p("measurement_delete", "measurement"),
        audience=EDITORS,
        method="POST",
        destructive=True,
    ),
    # Forankring: read by every reader of the forløb, kept by its editors.
    Page("anchoring", _p("anchoring", "process"), audience=READERS),
    Page("anchoring_measure_create", _p("anchoring_measure_create", "process"), audience=EDITORS, invalid={"title": ""}),
    Page("anchoring_measure_edit", _measure("anchoring_measure_edit"), audience=EDITORS, invalid={"title": ""}),
    Page("anchoring_measure_delete", _measure("anchoring_measure_delete"), audience=EDITORS),
    Page(
        "anchoring_measure_delete:post",
        _measure("anchoring_measure_delete"),
        audience=EDITORS,
        method="POST",
        destructive=True,
    ),
    Page("anchoring_check", _p("anchoring_check", "evaluation_round"), audience=READERS),
    Page("anchoring_check_edit", _p("anchoring_check_edit", "evaluation_round"), audience=EDITORS, invalid={"threshold": "9"}),
    Page(
        "anchoring_check_from_workshop",
        _p("anchoring_check_from_workshop", "evaluation_round"),
        audience=EDITORS,
        method="POST",
        ok=302,
    ),
    Page(
        "anchoring_suggestion_accept",
        lambda w: reverse("anchoring:anchoring_suggestion_accept", args=[w.evaluation_round.pk, "leadership_support"]),
        audience=EDITORS,
        method="POST",
        ok=302,
    ),
    # Analyse og beslut: read by every reader, decided by the editors in the open round.
    Page("solution_analysis", _p("solution_analysis", "solution"), audience=READERS),
    Page("decision_create", _p("decision_create", "solution"), audience=EDITORS, invalid={"rationale": ""}),
    Page("decision_edit", _decision, audience=EDITORS, invalid={"rationale": ""}),
    Page("process_decision", _p("process_decision", "evaluation_round"), audience=READERS),
    Page("round_decisions", _p("round_decisions", "evaluation_round"), audience=READERS),
    Page(
        "process_decision:post",
        _p("process_decision", "evaluation_round"),
        audience=EDITORS,
        method="POST",
        invalid={"rationale": ""},
    ),
    # Kommunikationsplan: read by every reader, kept by the editors.
    Page("communication", _p("communication", "evaluation_round"), audience=READERS),
    Page("communication_row_create", _p("communication_row_create", "evaluation_round"), audience=EDITORS, invalid={"audience": ""}),
    Page("communication_row_edit", _communication_row("communication_row_edit"), audience=EDITORS, invalid={"message": ""}),
    Page("communication_row_delete", _communication_row("communication_row_delete"), audience=EDITORS),
    Page("communication_row_action", _communication_row("communication_row_action"), audience=EDITORS, method="POST", ok=302),
    Page(
        "communication_row_delete:post",
        _communication_row("communication_row_delete"),
        audience=EDITORS,
        method="POST",
        destructive=True,
    ),
    # Handlingsplan: read by every reader; kept by the editors (and each action by its owner).
    Page("my_actions", lambda w: reverse("actionplan:my_actions"), audience=LOGGED_IN),
    Page("round_plan", _p("round_plan", "evaluation_round"), audience=READERS),
    Page("round_plan_xlsx", _p("round_plan_xlsx", "evaluation_round"), audience=READERS, html=False),
    Page("process_plan", _p("process_plan", "process"), audience=READERS),
    Page("process_plan_xlsx", _p("process_plan_xlsx", "process"), audience=READERS, html=False),
    Page("evaluation_ics", _p("evaluation_ics", "process"), audience=READERS, html=False),
    Page("plan_action_create", _p("plan_action_create", "evaluation_round"), audience=EDITORS, invalid={"what": ""}),
    Page("plan_action_edit", _action("plan_action_edit"), audience=EDITORS | {"medarbejder"}, invalid={"what": ""}),
    Page("action_ics", _action("action_ics"), audience=READERS, html=False),
    Page("plan_action_delete", _action("plan_action_delete"), audience=EDITORS),
    Page("plan_action_delete:post", _action("plan_action_delete"), audience=EDITORS, method="POST", destructive=True),
    Page("comparison", _p("comparison", "process"), audience=READERS),
    # Rundens afrapportering: the editors' draft; readers are told it is not approved yet (403)
    # until a version is, and then read the versions (tests/test_round_report.py).
    Page("round_report", _p("round_report", "evaluation_round"), audience=EDITORS),
    Page("round_report_docx", _p("round_report_docx", "evaluation_round"), audience=EDITORS, html=False),
    Page("round_report_pdf", _p("round_report_pdf", "evaluation_round"), audience=EDITORS, html=False),
    Page("round_report_approve", _p("round_report_approve", "evaluation_round"), audience=EDITORS, method="POST", ok=302),
    Page("round_report_reopen", _p("round_report_reopen", "evaluation_round"), audience=EDITORS, method="POST", ok=302),
    Page("round_report_version", _approved_report("round_report_version"), audience=READERS),
    Page("round_report_version_docx", _approved_report("round_report_version_docx"), audience=READERS, html=False),
    Page("round_report_version_pdf", _approved_report("round_report_version_pdf"), audience=READERS, html=False),
    # Evaluation rounds (step 6): seen by every reader of the forløb.
    Page("round_start", _p("round_start", "process"), audience=EDITORS, method="POST", destructive=True),
    # The demo's open round has a planned workshop and undecided solutions: starting the next one asks first.
    Page("round_start:ask", _p("round_start", "process"), audience=EDITORS, method="POST"),
    Page("round", _p("round", "evaluation_round"), audience=READERS),
    Page("round_close", _p("round_close", "evaluation_round"), audience=EDITORS, method="POST", destructive=True),
    # The demo's open round has a planned workshop: closing the round asks whether to cancel it.
    Page("round_close:ask", _p("round_close", "evaluation_round"), audience=EDITORS, method="POST"),
    Page("workshop_create", _round_without_workshop, audience=EDITORS, invalid={"title": ""}),
    # The workshop's content: its facilitators only, until the referat is approved.
    Page("workshop", _p("workshop", "workshop"), audience=FACILITATORS),
    Page("workshop_edit", _p("workshop_edit", "workshop"), audience=FACILITATORS, invalid={"title": ""}),
    Page("attendance", _p("attendance", "workshop"), audience=FACILITATORS),
    Page("section_create", _p("section_create", "workshop"), audience=FACILITATORS, invalid={"title": ""}),
    Page("section_edit", _p("section_edit", "section"), audience=FACILITATORS, invalid={"section-title": ""}),
    Page("section_move", _p("section_move", "section"), audience=FACILITATORS, method="POST", ok=302),
    Page("section_delete", _p("section_delete", "section"), audience=FACILITATORS),
    Page("workshop_run", _p("workshop_run", "workshop"), audience=FACILITATORS),
    Page("workshop_status", _p("workshop_status", "workshop"), audience=FACILITATORS, method="POST", ok=302),
    Page("workshop_joining", _p("workshop_joining", "workshop"), audience=FACILITATORS, method="POST", ok=302),
    Page("projector", _p("projector", "workshop"), audience=FACILITATORS),
    Page("section_show", _p("section_show", "section"), audience=FACILITATORS, method="POST", ok=302),
    Page("section_phase", _p("section_phase", "section"), audience=FACILITATORS, method="POST", ok=302),
    Page("card_hide", _card, audience=FACILITATORS, method="POST", ok=302),
    Page("paper_card", _p("paper_card", "section"), audience=FACILITATORS, method="POST", ok=302),
    Page("status_challenge", _p("status_challenge", "workshop"), audience=FACILITATORS, method="POST", ok=404),
    Page(
        "status_confirm",
        _p("status_confirm", "workshop", "solution"),
        audience=FACILITATORS,
        method="POST",
        ok=302,
    ),
    # Facilitation: groups, moderating cards, læringspunkter and aftaler. Each inline form of the
    # run page also has its own page, where it comes back with its errors.
    Page("group_create", _p("group_create", "section"), audience=FACILITATORS, invalid={"name": ""}),
    Page("group_edit", _on_group("group_edit"), audience=FACILITATORS, invalid={"name": ""}),
    Page("group_delete", _on_group("group_delete"), audience=FACILITATORS),
    Page("group_delete:post", _on_group("group_delete"), audience=FACILITATORS, method="POST", destructive=True),
    Page("card_group", _on_card("card_group"), audience=FACILITATORS, method="POST", ok=302),
    Page("card_moderate", _on_card("card_moderate"), audience=FACILITATORS, invalid={"text": ""}),
    Page("card_merge", _on_card("card_merge"), audience=FACILITATORS, invalid={"into": ""}),
    Page("card_solutions", _on_card("card_solutions"), audience=FACILITATORS),
    Page("lesson_create", _p("lesson_create", "section"), audience=FACILITATORS, invalid={"text": ""}),
    Page("lesson_edit", _on_lesson("lesson_edit"), audience=FACILITATORS, invalid={"text": ""}),
    Page("lesson_delete", _on_lesson("lesson_delete"), audience=FACILITATORS),
    Page("lesson_delete:post", _on_lesson("lesson_delete"), audience=FACILITATORS, method="POST", destructive=True),
    Page("action_create", _p("action_create", "section"), audience=FACILITATORS, invalid={"what": ""}),
    # The aftale's old address leads its facilitators on to the action's one edit page (actionplan).
    Page("action_edit", _on_action("action_edit"), audience=FACILITATORS, ok=302),
    # That page, for the aftale: its facilitators change it while the workshop agrees it, its owner
    # (amr) the status; nobody else sees it before the referat is approved.
    Page(
        "plan_action_edit:aftale",
        _on_action("plan_action_edit"),
        audience=FACILITATORS | {"amr"},
        invalid={"what": ""},
        overrides=_everyone_but(404, keep=FACILITATORS | {"amr"}),
    ),
    Page("action_delete", _on_action("action_delete"), audience=FACILITATORS),
    Page("action_delete:post", _on_action("action_delete"), audience=FACILITATORS, method="POST", destructive=True),
    Page(
        "section_delete:post",
        _p("section_delete", "section"),
        audience=FACILITATORS,
        method="POST",
        destructive=True,
    ),
    # The referat: a draft for the facilitators until they approve it (the demo workshop is not
    # closed, so approving refuses with a message). tests/test_minutes.py covers the approved state.
    Page("minutes", _p("minutes", "workshop"), audience=FACILITATORS),
    Page(
        "minutes:save",
        _p("minutes", "workshop"),
        audience=FACILITATORS,
        method="POST",
        invalid={"next_evaluation": "2020-01-01"},  # before the workshop
    ),
    Page("minutes_approve", _p("minutes_approve", "workshop"), audience=FACILITATORS, method="POST", ok=302),
    Page("minutes_reopen", _p("minutes_reopen", "workshop"), audience=FACILITATORS, method="POST", ok=302),
    Page("minutes_card_hide", _minutes_card, audience=FACILITATORS, method="POST", ok=302),
    Page("minutes_docx", _p("minutes_docx", "workshop"), audience=FACILITATORS, html=False),
    Page("minutes_pdf", _p("minutes_pdf", "workshop"), audience=FACILITATORS, html=False),
    # An approved version, as it was approved: the erfaringsbank demo's referat, in a forløb of
    # Børn og Unge that only the central konsulent of the personas may read.
    Page("minutes_version", _approved_minutes("minutes_version"), audience=frozenset({"central"}), seen_by=frozenset({"central"})),
    Page(
        "minutes_version_docx",
        _approved_minutes("minutes_version_docx"),
        audience=frozenset({"central"}),
        seen_by=frozenset({"central"}),
        html=False,
    ),
    Page(
        "minutes_version_pdf",
        _approved_minutes("minutes_version_pdf"),
        audience=frozenset({"central"}),
        seen_by=frozenset({"central"}),
        html=False,
    ),
    # The participants' side. Joining with the code is public and needs no account. The phone
    # pages need the cookie that joining sets (tests/test_join.py, tests/test_participant_cards.py
    # and tests/browser/test_phone_outbox.py cover the joined state); without it everybody is
    # sent to the join page (302), whether the code is real or not.
    Page("join", lambda w: reverse("workshops:join"), audience=PUBLIC, invalid={"code": "0000"}),
    Page("join_code", _code("join_code"), audience=PUBLIC),
    # The demo workshop is planned, so joining is refused with a message (tests/test_join_window.py).
    Page("join_code:post", _code("join_code"), audience=PUBLIC, method="POST", ok=409),
    Page("phone", _code("phone"), audience=PUBLIC, ok=302),
    Page("phone_state", _code("phone_state"), audience=PUBLIC, ok=302, html=False),
    Page("phone_card_add", _code("phone_card_add"), audience=PUBLIC, method="POST", ok=302),
    Page("phone_card_edit", _code("phone_card_edit", card=True), audience=PUBLIC, method="POST", ok=302),
    Page("phone_card_delete", _code("phone_card_delete", card=True), audience=PUBLIC, method="POST", ok=302),
    Page("phone_vote", _code("phone_vote", card=True), audience=PUBLIC, method="POST", ok=302),
    Page("phone_vote_withdraw", _code("phone_vote_withdraw", card=True), audience=PUBLIC, method="POST", ok=302),
    Page("phone_ratings", _code("phone_ratings"), audience=PUBLIC, method="POST", ok=302),
    # --- erfaringsbank (bank) ---
    # Everybody searches their own municipality's bank and opens its shared items (Demo Kommune's are
    # from Børnehuset Solsikken). Only editors of that forløb (the central konsulent) share or keep an
    # item inside it; "Brug hos os" is for those who edit a forløb of their own.
    Page("bank_search", lambda w: reverse("bank:bank_search"), audience=LOGGED_IN),
    Page("bank_search:found", lambda w: reverse("bank:bank_search") + "?q=dokumentationen&kind=laeringspunkt", audience=LOGGED_IN),
    # Only small words: the Danish message (GET form: tests/test_bank_pages.py reads it over HTTP).
    Page("bank_search:unsearchable", lambda w: reverse("bank:bank_search") + "?q=og+at", audience=LOGGED_IN),
    # A word the bank lacks searched by its parts, and a word left out: the notes above the results.
    Page("bank_search:parts", lambda w: reverse("bank:bank_search") + "?q=budgetindk%C3%B8b+-dokumentation", audience=LOGGED_IN),
    Page("bank_item", bank_item_url("bank_item"), audience=IN_DEMO_KOMMUNE),
    Page("bank_item:solution", bank_item_url("bank_item", "loesning"), audience=IN_DEMO_KOMMUNE),
    Page(
        "bank_share",
        bank_item_url("bank_share"),
        audience=frozenset({"central"}),
        seen_by=IN_DEMO_KOMMUNE,
        method="POST",
        ok=302,
    ),
    Page(
        "bank_adopt",
        bank_item_url("bank_adopt"),
        audience=frozenset({"konsulent", "leder", "central", "leder-syd"}),
        seen_by=IN_DEMO_KOMMUNE,
    ),
    Page(
        "bank_adopt:post",
        bank_item_url("bank_adopt"),
        audience=frozenset({"konsulent", "leder", "central", "leder-syd"}),
        seen_by=IN_DEMO_KOMMUNE,
        method="POST",
        invalid={"process": ""},
    ),
    # --- portfolio ---
    # The municipality's portfolio: central konsulenter and the MED-hovedudvalg (no demo persona sits in
    # it; tests/test_portfolio.py covers a member). Everybody else 404. Opened filtered on Demo Kommune's
    # top unit: to nabo, central konsulent of Nabo Kommune, that unit does not exist (404).
    Page("portfolio", _portfolio("portfolio"), audience=frozenset({"central"}), seen_by=frozenset()),
    Page("portfolio_xlsx", _portfolio("portfolio_xlsx"), audience=frozenset({"central"}), seen_by=frozenset(), html=False),
    # --- ideas ---
    # The municipal list of ideas: central konsulenter and the MED-hovedudvalg (no demo persona sits
    # in it; tests/test_ideas.py covers its 200 on the list and 403 on triage). Everybody else 404.
    # nabo is the central konsulent of Nabo Kommune: they get their own municipality's list, without Demo's ideas.
    Page(
        "idea_list",
        lambda w: reverse("ideas:idea_list"),
        audience=frozenset({"central"}),
        seen_by=frozenset(),
        overrides=MappingProxyType({"nabo": 200}),
    ),
    Page(
        "idea_triage",
        idea_url("idea_triage"),
        audience=frozenset({"central"}),
        seen_by=frozenset(),
        invalid={"note": "Tal med lederen i Syd. " * 200},  # longer than a note may be
    ),
    Page(
        "idea_start",
        idea_url("idea_start"),
        audience=frozenset({"central"}),
        seen_by=frozenset(),
        invalid={"title": "", "unit": ""},
    ),
    # --- network (ambassadors, consultants, erfa-groups) ---
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
        network.tells_about_url,
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
        network.facilitator_url("network_facilitator_remove"),
        audience=frozenset({"central"}),
        seen_by=IN_DEMO_KOMMUNE,
        method="POST",
        destructive=True,
    ),
    Page(
        "network_contact_remove",
        network.contact_url("network_contact_remove"),
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
    Page("erfa_group", network.group_url("erfa_group"), audience=IN_DEMO_KOMMUNE),
    Page(
        "erfa_group_edit",
        network.group_url("erfa_group_edit"),
        audience=frozenset({"central"}),
        seen_by=IN_DEMO_KOMMUNE,
        invalid={"name": "", "purpose": "Vi deler erfaringer."},
    ),
    Page(
        "erfa_meeting_create",
        network.group_url("erfa_meeting_create"),
        audience=ERFA_PLANNERS,
        seen_by=IN_DEMO_KOMMUNE,
        invalid={"date": "", "place": "Rådhuset"},
    ),
    # A meeting (agenda, notes, Word file) is its group's members' and the central konsulenter's: 404 for the rest.
    Page("erfa_meeting", network.meeting_url("erfa_meeting"), audience=ERFA_PLANNERS, seen_by=ERFA_PLANNERS),
    # The search box's error state: only small words.
    Page("erfa_meeting:search", network.meeting_url("erfa_meeting", "?q=og+at"), audience=ERFA_PLANNERS, seen_by=ERFA_PLANNERS),
    Page(
        "erfa_meeting:text",
        network.meeting_url("erfa_meeting"),
        audience=ERFA_PLANNERS,
        seen_by=ERFA_PLANNERS,
        method="POST",
        invalid={"text": ""},
    ),
    Page(
        "erfa_meeting_edit",
        network.meeting_url("erfa_meeting_edit"),
        audience=ERFA_PLANNERS,
        seen_by=ERFA_PLANNERS,
        invalid={"date": "ikke en dato", "notes": "Vi talte om tavlemøderne."},
    ),
    Page("erfa_meeting_docx", network.meeting_url("erfa_meeting_docx"), audience=ERFA_PLANNERS, seen_by=ERFA_PLANNERS, html=False),
    # Without an item to add, the meeting page says so (302 back to it).
    Page(
        "erfa_agenda_add",
        network.meeting_url("erfa_agenda_add"),
        audience=ERFA_PLANNERS,
        seen_by=ERFA_PLANNERS,
        method="POST",
        ok=302,
    ),
    Page(
        "erfa_agenda_move",
        network.agenda_item_url("erfa_agenda_move"),
        audience=ERFA_PLANNERS,
        seen_by=ERFA_PLANNERS,
        method="POST",
        ok=302,
    ),
    Page(
        "erfa_agenda_remove",
        network.agenda_item_url("erfa_agenda_remove"),
        audience=ERFA_PLANNERS,
        seen_by=ERFA_PLANNERS,
        method="POST",
        destructive=True,
    ),
    # Single sign-on. The demo has none set up: its starting points and the SAML metadata are not
    # found, and an OIDC answer without a sign-in under way is refused (403).
    Page("saml_metadata", lambda w: reverse("signin:saml_metadata"), audience=PUBLIC, ok=404, html=False),
    Page("saml_login", signin_pages.login_url("saml_login"), audience=PUBLIC, ok=404),
    Page("saml_acs", lambda w: reverse("signin:saml_acs"), audience=PUBLIC, method="POST", ok=404),
    Page("saml_slo", lambda w: reverse("signin:saml_slo"), audience=PUBLIC, ok=302),
    Page("saml_logout", lambda w: reverse("signin:saml_logout"), audience=PUBLIC, method="POST", ok=302),
    Page("oidc_login", signin_pages.login_url("oidc_login"), audience=PUBLIC, ok=404),
    Page("oidc_callback", lambda w: reverse("signin:oidc_callback"), audience=PUBLIC, ok=403),
    # The municipality's sign-in settings and role mapping: its administrator only.
    Page(
        "sign_in_settings",
        lambda w: reverse("signin:sign_in_settings"),
        audience=frozenset({"central"}),
        seen_by=frozenset(),
        invalid={"oidc_issuer": "not an address", "local_passwords": "on"},
    ),
    Page(
        "role_mappings",
        lambda w: reverse("signin:role_mappings"),
        audience=frozenset({"central"}),
        seen_by=frozenset(),
        invalid={"value": "", "role": "leder"},
    ),
    Page(
        "role_mapping_remove",
        signin_pages.role_mapping_url,
        audience=frozenset({"central"}),
        seen_by=frozenset(),
        method="POST",
        destructive=True,
    ),
    # The municipality's own administration: its administrator only; nobody else finds it (404).
    _administrators_only("administration", lambda w: reverse("administration:administration")),
    _administrators_only("administration_units", lambda w: reverse("administration:administration_units")),
    _administrators_only(
        "administration_unit_create",
        lambda w: reverse("administration:administration_unit_create"),
        invalid={"name": "", "kind": "arbejdsplads"},
    ),
    _administrators_only(
        "administration_unit",
        _p("administration_unit", "unit"),
        invalid={"name": "", "kind": "arbejdsplads"},
    ),
    _administrators_only(
        "administration_membership_add",
        _p("administration_membership_add", "unit"),
        invalid={"user": "", "role": "leder"},
    ),
    _administrators_only(
        "administration_membership_remove",
        administration.membership_url("administration_membership_remove"),
        method="POST",
        destructive=True,
    ),
    _administrators_only("administration_committees", lambda w: reverse("administration:administration_committees")),
    _administrators_only(
        "administration_committee_create",
        lambda w: reverse("administration:administration_committee_create"),
        invalid={"name": ""},
    ),
    _administrators_only(
        "administration_committee",
        administration.committee_url,
        invalid={"name": ""},
    ),
    _administrators_only(
        "administration_settings",
        lambda w: reverse("administration:administration_settings"),
        invalid={"name": "", "cvr": "1234"},
    ),
    _administrators_only(
        "privacy_retention",
        lambda w: reverse("privacy:privacy_retention"),
        invalid={"workshop_raw_months": "0", "process_years": "5", "history_months": "24", "reminder_months": "3"},
    ),
    _administrators_only("privacy_people", lambda w: reverse("privacy:privacy_people")),
    _administrators_only(
        "privacy_erase",
        privacy.erase_url,
        invalid={"confirm": ""},
    ),
    _administrators_only("privacy_person_export", privacy.export_url, html=False),
    Page("privacy_my_data", lambda w: reverse("privacy:privacy_my_data"), audience=LOGGED_IN),
    Page("privacy_my_data_export", lambda w: reverse("privacy:privacy_my_data_export"), audience=LOGGED_IN, html=False),
    _administrators_only("audit_trail", lambda w: reverse("audit:audit_trail")),
    _administrators_only(
        "audit_trail_export",
        lambda w: reverse("audit:audit_trail_export"),
        html=False,
    ),
    # A person's own sign-in: their account, password and two-step login.
    Page("account", lambda w: reverse("accounts:account"), audience=LOGGED_IN),
    Page("password_change", lambda w: reverse("accounts:password_change"), audience=LOGGED_IN, invalid={"old_password": "not-the-password"}),
    Page("totp_setup", lambda w: reverse("accounts:totp_setup"), audience=LOGGED_IN, invalid={"code": "abc"}),
    Page("totp_verify", lambda w: reverse("accounts:totp_verify"), audience=LOGGED_IN, ok=302),  # no app set up: on to setting one up
]

BY_NAME: dict[str, Page] = {page.name: page for page in PAGES}
