"""Grouping in the browser: with the mouse (drag and drop) and with the keyboard only; axe in every new state."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samskab.rounds.models import Action
from samskab.workshops import ratings
from samskab.workshops.models import Attendee, Card, CardGroup, Lesson, Phase, Rating, SectionKind, WorkshopStatus
from tests.browser.conftest import violations_at_both_widths

pytestmark = pytest.mark.browser


@pytest.fixture
def grouping_board(live_world):
    workshop, board = live_world.workshop, live_world.section
    workshop.status = WorkshopStatus.RUNNING
    workshop.current_section = board
    workshop.save()
    board.phase = Phase.GROUP
    board.save()
    column = board.headings.filter(kind="kolonne").first()
    cards = [
        Card.objects.create(client_id=uuid.uuid4(), section=board, column=column, text=text)
        for text in ("Tavlemøderne virker", "For mange skemaer", "Korte møder")
    ]
    group = CardGroup.objects.create(section=board, name="Møder")
    return workshop, board, group, cards


def _tab_to(tab, selector: str, limit: int = 400) -> None:
    """Press Tab until the element is focused, as a keyboard user moves through the page."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate("selector => document.activeElement === document.querySelector(selector)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _drag(tab, card: Card, target) -> None:
    """Drag the card (from anywhere on it) and drop it on the target; the page swaps the answer in place."""
    _swapped(tab, lambda: tab.locator(f"#kort-{card.pk}").drag_to(target))


def _swapped(tab, act) -> None:
    """Do something that sends a form of the run page, and wait until its answer is swapped in."""
    before = tab.evaluate("() => Number(document.documentElement.dataset.runSwaps || 0)")
    act()
    tab.wait_for_function("before => Number(document.documentElement.dataset.runSwaps || 0) > before", arg=before)


def test_the_facilitator_drags_a_card_into_a_group_with_the_mouse(page_as, grouping_board):
    workshop, board, group, cards = grouping_board
    tab = page_as("konsulent")
    tab.goto(reverse("workshops:workshop_run", args=[workshop.pk]))
    _drag(tab, cards[0], tab.locator(f"#gruppe-{group.pk} h3"))
    cards[0].refresh_from_db()
    assert cards[0].group == group
    assert tab.locator(f"#gruppe-{group.pk} .samskab-postit", has_text="Tavlemøderne virker").count() == 1
    # Dragged back onto a column, it leaves the group.
    _drag(tab, cards[0], tab.locator("[data-drop-group=''] h3").first)
    cards[0].refresh_from_db()
    assert cards[0].group is None


def test_the_facilitator_makes_a_group_and_fills_it_with_the_keyboard_only(page_as, grouping_board):
    workshop, board, group, cards = grouping_board
    tab = page_as("konsulent")
    tab.goto(reverse("workshops:workshop_run", args=[workshop.pk]))
    _tab_to(tab, "#group_name")
    tab.keyboard.type("Skemaer")
    _swapped(tab, lambda: tab.keyboard.press("Enter"))
    new = CardGroup.objects.get(section=board, name="Skemaer")
    target = cards[1]
    _tab_to(tab, f"#kort-{target.pk} summary")  # the card's tools
    tab.keyboard.press("Enter")
    tab.keyboard.press("Tab")
    assert tab.evaluate("() => document.activeElement.id") == f"group-{target.pk}"
    # The options: no group, Møder, Skemaer. Arrow down twice chooses Skemaer.
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("ArrowDown")
    assert tab.locator(f"#group-{target.pk}").input_value() == str(new.pk)
    tab.keyboard.press("Tab")  # to the Move button
    _swapped(tab, lambda: tab.keyboard.press("Enter"))
    target.refresh_from_db()
    assert target.group == new
    assert tab.locator(f"#gruppe-{new.pk} .samskab-postit", has_text="For mange skemaer").count() == 1


def test_grouping_and_concluding_pass_axe_on_the_run_page_and_the_projector_at_both_widths(page_as, grouping_board):
    workshop, board, group, cards = grouping_board
    cards[0].group = group
    cards[0].save()
    lesson = Lesson.objects.create(section=board, text="Korte møder giver tid", reusable=True, theme=board.headings.filter(kind="tema").first())
    lesson.cards.add(cards[0])
    owner = workshop.round.process.participants.first()
    Action.objects.create(
        round=workshop.round, section=board, what="Del erfaringerne", owner=owner, deadline=timezone.localdate() + timedelta(days=7)
    )
    tab = page_as("konsulent")
    for phase in (Phase.GROUP, Phase.DISCUSS, Phase.CONCLUDE):
        board.phase = phase
        board.save(update_fields=["phase"])
        for url in (reverse("workshops:workshop_run", args=[workshop.pk]), reverse("workshops:projector", args=[workshop.pk])):
            tab.goto(url)
            found = violations_at_both_widths(tab)
            assert not found, f"{url} in phase {phase}:\n{found}"


def test_ratings_by_role_pass_axe_at_both_widths(page_as, live_world):
    workshop = live_world.workshop
    section = workshop.sections.get(kind=SectionKind.RATING)
    workshop.status = WorkshopStatus.RUNNING
    workshop.current_section = section
    workshop.save()
    statement = section.statements.first()
    for role, count in (("medarbejder", 6), ("leder", 1), ("", 5)):
        for _ in range(count):
            attendee = Attendee.objects.create(workshop=workshop, role=role)
            Rating.objects.create(client_id=uuid.uuid4(), statement=statement, attendee=attendee, value=4)
    # Figures by role are shown once the facilitator has closed the rating (workshops/ratings.py).
    section.locked = True
    section.save(update_fields=["locked"])
    ratings.publish(section)
    tab = page_as("konsulent")
    for url in (reverse("workshops:workshop_run", args=[workshop.pk]), reverse("workshops:projector", args=[workshop.pk])):
        tab.goto(url)
        assert tab.locator("#ratings-by-role").count() == 1
        found = violations_at_both_widths(tab)
        assert not found, f"{url}:\n{found}"
