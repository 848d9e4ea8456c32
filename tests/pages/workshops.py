"""The evaluation rounds' and workshops' pages of the page registry: a round, its workshop prepared,
run and facilitated, its referat, and the participants' side (joining and the phone)."""

import uuid
from collections.abc import Callable

from tests.pages.naming import reverse
from tests.pages.page import EDITORS, FACILITATORS, PUBLIC, READERS, Page, World, deletion, everyone_but, world_url

from samskab.rounds.models import Action, EvaluationRound
from samskab.workshops.models import Card, CardGroup, Lesson, MinutesVersion


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
    """A URL about a card on the demo workshop's board, written the first time it is asked for."""

    def url(world: World) -> str:
        card, _created = Card.objects.get_or_create(
            client_id=uuid.UUID(int=1), defaults={"section": world.section, "text": "Tavlemøderne virker."}
        )
        return reverse(name, args=[card.pk])

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


def _approved_minutes(name: str) -> Callable[[World], str]:
    """A URL of version 1 of the referat the erfaringsbank demo approved (Børnehuset Solsikken, seen by the central konsulent)."""

    def url(world: World) -> str:
        version = MinutesVersion.objects.get(minutes__workshop__round__process__unit__name="Børnehuset Solsikken", number=1)
        return reverse(name, args=[version.minutes.workshop_id, 1])

    return url


PAGES: list[Page] = [
    # Evaluation rounds (step 6): seen by every reader of the forløb.
    Page("round_start", world_url("round_start", "process"), audience=EDITORS, method="POST", destructive=True),
    # The demo's open round has a planned workshop and undecided solutions: starting the next one asks first.
    Page("round_start:ask", world_url("round_start", "process"), audience=EDITORS, method="POST"),
    Page("round", world_url("round", "evaluation_round"), audience=READERS),
    Page("round_close", world_url("round_close", "evaluation_round"), audience=EDITORS, method="POST", destructive=True),
    # The demo's open round has a planned workshop: closing the round asks whether to cancel it.
    Page("round_close:ask", world_url("round_close", "evaluation_round"), audience=EDITORS, method="POST"),
    Page("workshop_create", _round_without_workshop, audience=EDITORS, invalid={"title": ""}),
    # The workshop's content: its facilitators only, until the referat is approved.
    Page("workshop", world_url("workshop", "workshop"), audience=FACILITATORS),
    Page("workshop_edit", world_url("workshop_edit", "workshop"), audience=FACILITATORS, invalid={"title": ""}),
    Page("attendance", world_url("attendance", "workshop"), audience=FACILITATORS),
    Page("section_create", world_url("section_create", "workshop"), audience=FACILITATORS, invalid={"title": ""}),
    Page("section_edit", world_url("section_edit", "section"), audience=FACILITATORS, invalid={"section-title": ""}),
    Page("section_move", world_url("section_move", "section"), audience=FACILITATORS, method="POST", ok=302),
    Page("section_delete", world_url("section_delete", "section"), audience=FACILITATORS),
    Page("workshop_run", world_url("workshop_run", "workshop"), audience=FACILITATORS),
    Page("workshop_status", world_url("workshop_status", "workshop"), audience=FACILITATORS, method="POST", ok=302),
    Page("workshop_joining", world_url("workshop_joining", "workshop"), audience=FACILITATORS, method="POST", ok=302),
    Page("projector", world_url("projector", "workshop"), audience=FACILITATORS),
    Page("section_show", world_url("section_show", "section"), audience=FACILITATORS, method="POST", ok=302),
    Page("section_phase", world_url("section_phase", "section"), audience=FACILITATORS, method="POST", ok=302),
    Page("card_hide", _on_card("card_hide"), audience=FACILITATORS, method="POST", ok=302),
    Page("paper_card", world_url("paper_card", "section"), audience=FACILITATORS, method="POST", ok=302),
    Page("status_challenge", world_url("status_challenge", "workshop"), audience=FACILITATORS, method="POST", ok=404),
    Page(
        "status_confirm",
        world_url("status_confirm", "workshop", "solution"),
        audience=FACILITATORS,
        method="POST",
        ok=302,
    ),
    # Facilitation: groups, moderating cards, læringspunkter and aftaler. Each inline form of the
    # run page also has its own page, where it comes back with its errors.
    Page("group_create", world_url("group_create", "section"), audience=FACILITATORS, invalid={"name": ""}),
    Page("group_edit", _on_group("group_edit"), audience=FACILITATORS, invalid={"name": ""}),
    *deletion("group_delete", _on_group("group_delete"), FACILITATORS),
    Page("card_group", _on_card("card_group"), audience=FACILITATORS, method="POST", ok=302),
    Page("card_moderate", _on_card("card_moderate"), audience=FACILITATORS, invalid={"text": ""}),
    Page("card_merge", _on_card("card_merge"), audience=FACILITATORS, invalid={"into": ""}),
    Page("card_solutions", _on_card("card_solutions"), audience=FACILITATORS),
    Page("lesson_create", world_url("lesson_create", "section"), audience=FACILITATORS, invalid={"text": ""}),
    Page("lesson_edit", _on_lesson("lesson_edit"), audience=FACILITATORS, invalid={"text": ""}),
    *deletion("lesson_delete", _on_lesson("lesson_delete"), FACILITATORS),
    Page("action_create", world_url("action_create", "section"), audience=FACILITATORS, invalid={"what": ""}),
    # The aftale's old address leads its facilitators on to the action's one edit page (actionplan).
    Page("action_edit", _on_action("action_edit"), audience=FACILITATORS, ok=302),
    # That page, for the aftale: its facilitators change it while the workshop agrees it, its owner
    # (amr) the status; nobody else sees it before the referat is approved.
    Page(
        "plan_action_edit:aftale",
        _on_action("plan_action_edit"),
        audience=FACILITATORS | {"amr"},
        invalid={"what": ""},
        overrides=everyone_but(404, keep=FACILITATORS | {"amr"}),
    ),
    *deletion("action_delete", _on_action("action_delete"), FACILITATORS),
    Page(
        "section_delete:post",
        world_url("section_delete", "section"),
        audience=FACILITATORS,
        method="POST",
        destructive=True,
    ),
    # The referat: a draft for the facilitators until they approve it (the demo workshop is not
    # closed, so approving refuses with a message). tests/test_minutes.py covers the approved state.
    Page("minutes", world_url("minutes", "workshop"), audience=FACILITATORS),
    Page(
        "minutes:save",
        world_url("minutes", "workshop"),
        audience=FACILITATORS,
        method="POST",
        invalid={"next_evaluation": "2020-01-01"},  # before the workshop
    ),
    Page("minutes_approve", world_url("minutes_approve", "workshop"), audience=FACILITATORS, method="POST", ok=302),
    Page("minutes_reopen", world_url("minutes_reopen", "workshop"), audience=FACILITATORS, method="POST", ok=302),
    Page("minutes_card_hide", _on_card("minutes_card_hide"), audience=FACILITATORS, method="POST", ok=302),
    Page("minutes_docx", world_url("minutes_docx", "workshop"), audience=FACILITATORS, html=False),
    Page("minutes_pdf", world_url("minutes_pdf", "workshop"), audience=FACILITATORS, html=False),
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
]
