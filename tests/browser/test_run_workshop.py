"""The facilitator runs the workshop in the browser: every phase of a board, with cards, passes axe."""

import uuid

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from samskab.workshops.models import Card, Phase, WorkshopStatus
from tests.browser.conftest import axe_violations, describe, violations_at_both_widths

pytestmark = pytest.mark.browser


@pytest.fixture
def running_board(live_world):
    workshop, board = live_world.workshop, live_world.section
    workshop.status = WorkshopStatus.RUNNING
    workshop.current_section = board
    workshop.save()
    column = board.headings.filter(kind="kolonne").first()
    Card.objects.create(client_id=uuid.uuid4(), section=board, column=column, text="Tavlemøderne virker")
    Card.objects.create(client_id=uuid.uuid4(), section=board, column=column, text="Navnet på en kollega", hidden=True)
    return workshop, board


def test_every_phase_of_the_run_page_and_the_projector_passes_axe_at_both_widths(page_as, running_board):
    workshop, board = running_board
    tab = page_as("konsulent")
    for phase in Phase:
        board.phase = phase
        board.save(update_fields=["phase"])
        for url in (reverse("workshops:workshop_run", args=[workshop.pk]), reverse("workshops:projector", args=[workshop.pk])):
            tab.goto(url)
            found = violations_at_both_widths(tab)
            assert not found, f"{url} in phase {phase}:\n{found}"


def test_a_paper_card_typed_in_appears_on_the_board_and_an_empty_one_shows_why(page_as, running_board):
    workshop, board = running_board
    tab = page_as("konsulent")
    tab.goto(reverse("workshops:workshop_run", args=[workshop.pk]))
    form = tab.locator(f"form[action='{reverse('workshops:paper_card', args=[board.pk])}']")
    form.locator("[type=submit]").click()  # the answer is swapped into the page (HTMX), no page load
    expect(tab.locator("[data-module=error-summary]")).to_have_count(1)
    assert not axe_violations(tab), describe(axe_violations(tab))
    form = tab.locator(f"form[action='{reverse('workshops:paper_card', args=[board.pk])}']")
    form.locator("[name=text]").fill("Skrevet i hånden")
    form.locator("[name=column]").select_option(index=1)
    form.locator("[type=submit]").click()
    expect(tab.locator(".samskab-postit", has_text="Skrevet i hånden")).to_have_count(1)
    assert Card.objects.filter(section=board, text="Skrevet i hånden", attendee__on_paper=True).count() == 1


def test_the_status_round_passes_axe_on_the_run_page_and_the_projector_at_both_widths(page_as, live_world):
    workshop = live_world.workshop
    workshop.status = WorkshopStatus.RUNNING
    workshop.current_section = workshop.sections.get(kind="status")
    workshop.save()
    tab = page_as("konsulent")
    for url in (reverse("workshops:workshop_run", args=[workshop.pk]), reverse("workshops:projector", args=[workshop.pk])):
        tab.goto(url)
        found = violations_at_both_widths(tab)
        assert not found, f"{url}:\n{found}"
