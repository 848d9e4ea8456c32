"""Setting up a workshop in the browser: fremmøde ticked for everyone at once, and the question a
round with a planned workshop asks before it closes; axe on each page and its error state, on a
desktop and a phone."""

import pytest
from django.urls import reverse

from samskab.rounds.models import RoundStatus
from samskab.workshops.models import AttendanceStatus, Workshop
from tests.browser.conftest import DESKTOP, PHONE, axe_violations, describe

pytestmark = pytest.mark.browser


def _accessible(tab, where: str) -> None:
    violations = axe_violations(tab)
    assert not violations, f"{where}\n{describe(violations)}"


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_fremmoede_is_ticked_for_everyone_at_once_and_a_double_tick_is_explained(page_as, live_world, width):
    workshop = live_world.workshop
    participants = workshop.round.process.participants.count()
    tab = page_as("konsulent", width=width)
    tab.goto(reverse("workshops:attendance", args=[workshop.pk]))
    _accessible(tab, "fremmøde")
    tab.get_by_role("button", name="Vælg alle", exact=True).click()
    assert tab.locator("input[name=attended]:checked").count() == participants
    tab.get_by_role("button", name="Fravælg alle", exact=True).click()
    assert tab.locator("input[name=attended]:checked").count() == 0
    tab.get_by_role("button", name="Vælg alle", exact=True).click()
    # The demo's afbud (amr) is still ticked under apologies: saving says who is ticked twice.
    with tab.expect_navigation():
        tab.get_by_role("button", name="Gem").click()
    assert tab.locator(".form-error-message").count() == 1
    assert tab.locator("input[name=attended]:checked").count() == participants  # nothing typed is lost
    _accessible(tab, "fremmøde with an error")
    tab.locator("input[name=apologies]:checked").uncheck()
    with tab.expect_navigation():
        tab.get_by_role("button", name="Gem").click()
    assert workshop.attendance.filter(status=AttendanceStatus.ATTENDED).count() == participants


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_starting_the_next_round_asks_what_becomes_of_the_planned_workshop(page_as, live_world, width):
    process, workshop = live_world.process, live_world.workshop
    tab = page_as("konsulent", width=width)
    tab.goto(process.get_absolute_url())
    with tab.expect_navigation():
        tab.get_by_role("button", name="Start næste evalueringsrunde").click()
    _accessible(tab, "the question")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Start den næste runde").click()
    assert tab.locator("#workshop-error").is_visible()
    _accessible(tab, "the question with its error")
    assert process.rounds.count() == 1
    tab.get_by_label("Flyt den til den nye runde, og hold den der").check()
    with tab.expect_navigation():
        tab.get_by_role("button", name="Start den næste runde").click()
    workshop.refresh_from_db()
    assert process.rounds.count() == 2 and workshop.round == process.rounds.latest("number")


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_closing_a_round_asks_before_it_cancels_the_planned_workshop(page_as, live_world, width):
    evaluation_round, workshop = live_world.evaluation_round, live_world.workshop
    tab = page_as("konsulent", width=width)
    tab.goto(evaluation_round.get_absolute_url())
    with tab.expect_navigation():
        tab.locator(f"form[action='{reverse('workshops:round_close', args=[evaluation_round.pk])}'] button").click()
    _accessible(tab, "the question")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Afslut runden").click()
    assert tab.locator("#workshop-error").is_visible()
    _accessible(tab, "the question with its error")
    tab.get_by_label("Aflys workshoppen: den bliver ikke holdt").check()
    with tab.expect_navigation():
        tab.get_by_role("button", name="Afslut runden").click()
    evaluation_round.refresh_from_db()
    assert evaluation_round.status == RoundStatus.CLOSED
    assert not Workshop.objects.filter(pk=workshop.pk).exists()
