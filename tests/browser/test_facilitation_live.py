"""Facilitation without reloads: the facilitator groups, moves, merges and hides cards on the run
page, the page is never loaded again, and the projector and a phone show each change within a
second. Phones: the board by group and column, a vote taken back, a deleted card brought back.

Served by the real ASGI application (live pushes over WebSockets). A window marker tells that the
run page was not loaded again; the main frame's navigations are counted as well.
"""

import uuid

import pytest
from playwright.sync_api import Page, expect

from samskab.workshops.models import Card, CardGroup, Phase, Vote, Workshop
from tests.browser.conftest import PHONE, axe_violations, describe
from tests.browser.test_live_push import following, join, open_tab, write  # noqa: F401  (open_tab: the fixture)
from tests.pages.registry import ANONYMOUS, World
from tests.phone_helpers import learning_board, run

pytestmark = pytest.mark.browser

SECOND = 1000  # ms: what the room waits for a change at most


@pytest.fixture
def room(live_world: World):
    """A board in the group phase: three cards in its first column and one empty group."""
    workshop = Workshop.objects.get(round__process=live_world.process)
    board = run(workshop, phase=Phase.GROUP)
    column = board.headings.filter(kind="kolonne").first()
    cards = [
        Card.objects.create(client_id=uuid.uuid4(), section=board, column=column, text=text)
        for text in ("Tavlemøderne virker", "For mange skemaer", "Korte møder")
    ]
    group = CardGroup.objects.create(section=board, name="Møder")
    return workshop, board, group, cards


class StaysPut:
    """Counts the run page's loads: a marker in the window survives only if the page is never loaded again."""

    def __init__(self, tab: Page):
        self.tab = tab
        self.loads = 0
        tab.on("framenavigated", lambda frame: self._seen(frame))
        tab.evaluate("window.samskabStayed = true")

    def _seen(self, frame) -> None:
        if frame == self.tab.main_frame:
            self.loads += 1

    def check(self) -> None:
        assert self.tab.evaluate("window.samskabStayed === true"), "the run page was loaded again"
        assert self.loads == 0


def _open_room(open_tab, workshop):
    run_page = open_tab("konsulent")
    run_page.goto(f"/workshops/{workshop.pk}/afvikl/")
    projector = open_tab("konsulent")
    projector.goto(f"/workshops/{workshop.pk}/projektor/")
    phone = open_tab(ANONYMOUS, PHONE)
    join(phone, workshop)
    for tab in (run_page, projector, phone):
        following(tab, "socket")
    return run_page, projector, phone


def _tools(tab: Page, card: Card) -> None:
    """Open a card's menu of tools (it may be open still from the last use)."""
    if tab.locator(f"#kort-{card.pk} > details[open]").count() == 0:
        tab.locator(f"#kort-{card.pk} > details > summary").click()


def test_grouping_moving_merging_and_hiding_reach_the_projector_and_a_phone_without_a_reload(room, open_tab):
    workshop, board, group, cards = room
    run_page, projector, phone = _open_room(open_tab, workshop)
    stays = StaysPut(run_page)
    wall = projector.locator("#projector")
    phone_group = phone.locator(f'#phone-board [data-board-list="group:{group.pk}"]')

    # Group: drag the card, from anywhere on it, onto the group.
    run_page.locator(f"#kort-{cards[0].pk}").drag_to(run_page.locator(f"#gruppe-{group.pk} h3"))
    expect(run_page.locator(f"#gruppe-{group.pk} #kort-{cards[0].pk}")).to_have_count(1)
    expect(wall.locator(f"#gruppe-{group.pk} #kort-{cards[0].pk}")).to_have_count(1, timeout=SECOND)
    expect(phone_group).to_contain_text(cards[0].text, timeout=SECOND)

    # Move: the keyboard way, in the card's menu: choose the group, press Move.
    _tools(run_page, cards[1])
    run_page.locator(f"#group-{cards[1].pk}").select_option(str(group.pk))
    run_page.locator(f"#move-{cards[1].pk}").press("Enter")
    expect(run_page.locator(f"#gruppe-{group.pk} #kort-{cards[1].pk}")).to_have_count(1)
    expect(run_page.locator(f"#move-{cards[1].pk}")).to_be_focused()  # the focus stays where it was
    expect(wall.locator(f"#gruppe-{group.pk} #kort-{cards[1].pk}")).to_have_count(1, timeout=SECOND)
    expect(phone_group).to_contain_text(cards[1].text, timeout=SECOND)

    # Merge: choose the other card on the board.
    _tools(run_page, cards[2])
    run_page.locator(f'#kort-{cards[2].pk} [data-merge-start="{cards[2].pk}"]').click()
    assert run_page.locator(f'form[data-merge-into="{cards[2].pk}"]').is_hidden()  # not into itself
    violations = axe_violations(run_page)  # choosing the card to merge into
    assert not violations, describe(violations)
    run_page.locator(f'form[data-merge-into="{cards[0].pk}"] button').click()
    expect(run_page.locator(f"#kort-{cards[2].pk}")).to_have_count(0)
    expect(run_page.locator(f"#kort-{cards[0].pk}")).to_contain_text("Korte møder")
    expect(wall.locator(f"#kort-{cards[2].pk}")).to_have_count(0, timeout=SECOND)
    expect(wall.locator(f"#kort-{cards[0].pk}")).to_contain_text("Korte møder", timeout=SECOND)
    expect(phone.locator(f'#phone-board [data-card-id="{cards[2].client_id}"]')).to_have_count(0, timeout=SECOND)

    # Hide: off the wall and the phones, still on the run page.
    _tools(run_page, cards[1])
    run_page.locator(f"#hide-{cards[1].pk}").click()
    expect(run_page.locator(f"#kort-{cards[1].pk}.is-hidden")).to_have_count(1)
    expect(wall.locator(f"#kort-{cards[1].pk}")).to_have_count(0, timeout=SECOND)
    expect(phone.locator(f'#phone-board [data-card-id="{cards[1].client_id}"]')).to_have_count(0, timeout=SECOND)

    stays.check()
    assert Card.objects.get(pk=cards[0].pk).group == group
    assert Card.objects.get(pk=cards[1].pk).hidden
    assert not Card.objects.filter(pk=cards[2].pk).exists()


def test_a_card_edit_with_a_privacy_warning_stays_in_its_menu_with_the_message(room, open_tab, page_as):
    workshop, board, group, cards = room
    tab = open_tab("konsulent")
    tab.goto(f"/workshops/{workshop.pk}/afvikl/")
    stays = StaysPut(tab)
    _tools(tab, cards[0])
    tab.locator(f"#card-{cards[0].pk}-text").fill("Borgeren Jens Hansen venter")
    tab.locator(f"#save-{cards[0].pk}").click()
    menu = tab.locator(f"#kort-{cards[0].pk} > details[open]")
    expect(menu.locator(".form-error-message")).to_have_count(1)
    expect(menu.locator("textarea")).to_have_value("Borgeren Jens Hansen venter")  # nothing typed is lost
    stays.check()
    assert Card.objects.get(pk=cards[0].pk).text == "Tavlemøderne virker"
    violations = axe_violations(tab)
    assert not violations, describe(violations)


def test_the_phone_shows_the_board_by_group_and_column_in_vote_order_while_discussing(room, open_tab):
    workshop, board, group, cards = room
    cards[1].group = group
    cards[1].save()
    board.phase = Phase.DISCUSS
    board.save()
    voter = workshop.attendees.create()
    Vote.objects.create(client_id=uuid.uuid4(), card=cards[2], attendee=voter)
    phone = open_tab(ANONYMOUS, PHONE)
    join(phone, workshop)
    board_part = phone.locator("#phone-board")
    expect(board_part.locator(f'[data-board-list="group:{group.pk}"]')).to_contain_text(cards[1].text)
    column = board_part.locator('[data-board-list^="column:"]').first
    expect(column.locator("[data-card-id]")).to_have_count(2)
    # The card with a vote comes first while discussing.
    assert column.locator("[data-card-id]").first.get_attribute("data-card-id") == str(cards[2].client_id)
    headings = board_part.locator("h4").all_text_contents()
    assert any("Møder" in heading for heading in headings) and len(headings) >= 2
    violations = axe_violations(phone)
    assert not violations, describe(violations)


def test_a_phone_takes_back_a_vote(room, open_tab):
    workshop, board, group, cards = room
    board.phase = Phase.VOTE
    board.save()
    phone = open_tab(ANONYMOUS, PHONE)
    join(phone, workshop)
    item = phone.locator(f'#phone-vote [data-card-id="{cards[0].client_id}"]')
    left = phone.locator("#phone-votes-left")
    before = left.text_content()
    item.locator('button[data-outbox="vote"]').click()
    expect(item).to_have_attribute("data-my-votes", "1")
    expect(left).not_to_have_text(before)
    expect(phone.locator("#phone-outbox-status.is-ok")).to_have_count(1)
    take_back = item.locator('button[data-outbox="unvote"]')
    expect(take_back).to_be_visible()
    take_back.click()
    expect(item).to_have_attribute("data-my-votes", "0")
    expect(left).to_have_text(before)
    expect(take_back).to_be_hidden()
    assert not Vote.objects.filter(card=cards[0]).exists()
    violations = axe_violations(phone)
    assert not violations, describe(violations)


def test_while_voting_a_hidden_card_leaves_the_phones_vote_list_without_a_fetch(room, open_tab):
    workshop, board, group, cards = room
    board.phase = Phase.VOTE
    board.save()
    run_page, projector, phone = _open_room(open_tab, workshop)
    fetched: list[str] = []
    phone.on("request", lambda request: fetched.append(request.url) if "/deltag/" in request.url or "/tilstand/" in request.url else None)
    listed = phone.locator("#phone-vote [data-card-id]")
    expect(listed).to_have_count(3)

    _tools(run_page, cards[1])
    run_page.locator(f"#hide-{cards[1].pk}").click()

    expect(phone.locator(f'#phone-vote [data-card-id="{cards[1].client_id}"]')).to_have_count(0, timeout=SECOND)
    expect(listed).to_have_count(2)
    assert fetched == [], fetched  # placed from the event: no page, no state


def test_a_phone_undoes_the_delete_of_its_card(live_world, open_tab):
    workshop = Workshop.objects.get(round__process=live_world.process)
    board = run(workshop, learning_board(workshop), phase=Phase.WRITE)
    phone = open_tab(ANONYMOUS, PHONE)
    join(phone, workshop)
    write(phone, "Vi mangler tid til at dele")
    mine = phone.locator("#phone-my-cards [data-mine]")
    expect(mine).to_have_count(1)
    mine.locator('form[data-outbox="delete"] button').click()
    expect(mine).to_have_count(0)
    undo = phone.locator("#phone-undo")
    expect(undo).to_be_visible()
    violations = axe_violations(phone)
    assert not violations, describe(violations)
    undo.locator("button").click()
    expect(mine).to_have_count(1)
    expect(mine).to_contain_text("Vi mangler tid til at dele")
    assert Card.objects.filter(section=board, text="Vi mangler tid til at dele").count() == 1


def test_confirming_a_status_in_the_status_round_keeps_the_place(live_world, open_tab):
    workshop = Workshop.objects.get(round__process=live_world.process)
    run(workshop, workshop.sections.get(kind="status"))
    tab = open_tab("konsulent", PHONE)  # a narrow screen: the solutions go far down the page
    tab.goto(f"/workshops/{workshop.pk}/afvikl/")
    stays = StaysPut(tab)
    form = tab.locator("form.samskab-status-confirm").last
    form.scroll_into_view_if_needed()
    assert tab.evaluate("() => window.scrollY") > 0
    top = "() => document.querySelectorAll('form.samskab-status-confirm')[document.querySelectorAll('form.samskab-status-confirm').length - 1].getBoundingClientRect().top"
    before = tab.evaluate(top)
    form.locator("textarea").fill("Godt i gang")
    form.locator("button[type=submit]").click()
    expect(tab.locator("#messages .alert")).to_have_count(1)  # "saved as a follow-up"
    assert abs(tab.evaluate(top) - before) < 50  # the solution stays where it was on the screen: no jump to the top
    stays.check()
