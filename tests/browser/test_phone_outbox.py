"""A participant on a phone: joins by code, writes cards that survive a failing network and a reload.

Selectors are ids, names and data attributes, never interface text. The network is made to
fail with Playwright's route interception: a POST is aborted before it reaches the server, or
it reaches the server and its answer is lost on the way back.
"""

import threading
from collections.abc import Callable

import pytest
from playwright.sync_api import Page as Tab
from playwright.sync_api import Route, expect

from tests.pages.registry import ANONYMOUS, World
from samskab.workshops.models import Card, Phase, SectionKind, Workshop, WorkshopStatus
from tests.browser.conftest import PHONE, violations_at_both_widths
from tests.helpers import north_cards
from tests.phone_helpers import run

SEND = 'form[data-outbox="card"] button[type="submit"]:not([name])'


def _assert_accessible(tab: Tab, where: str) -> None:
    """axe finds nothing at the tab's width, nor resized to the other (phone or desktop)."""
    found = violations_at_both_widths(tab)
    assert not found, f"{where}\n{found}"


def _join(tab: Tab, workshop: Workshop, check: Callable[[str], None] = lambda where: None) -> None:
    """Join as a person would: the short address, the code typed in small letters, the join screen."""
    tab.goto("/w/")
    check("the code form")
    code = workshop.join_code
    tab.locator("#id_code").fill(f"{code[:3].lower()} {code[3:].lower()}")
    with tab.expect_navigation():
        tab.locator("main form button[type=submit]").click()
    assert tab.url.endswith(f"/w/{code}/")
    check("the join screen")
    with tab.expect_navigation():
        tab.locator("main form button[type=submit]").click()
    assert tab.url.endswith(f"/w/{code}/deltag/")


def _write(tab: Tab, text: str) -> None:
    tab.locator('label[for^="card-column-"]').first.click()
    tab.locator("#card-text").fill(text)
    tab.locator(SEND).click()


class Network:
    """Route interception for card POSTs: counts them, and fails them as told."""

    def __init__(self, tab: Tab):
        self.posts = 0
        self.blocked = False  # abort every POST before it reaches the server
        self.fail_first = False  # abort the first POST before it reaches the server
        self.lose_first_answer = False  # let the first POST through, and lose its answer
        self.lock = threading.Lock()
        tab.route("**/kort/", self.handle)

    def handle(self, route: Route) -> None:
        if route.request.method != "POST":
            route.continue_()
            return
        with self.lock:
            self.posts += 1
            first = self.posts == 1
        if self.blocked or (first and self.fail_first):
            route.abort("internetdisconnected")
        elif first and self.lose_first_answer:
            route.fetch()  # the server stores the card …
            route.abort("connectionreset")  # … and the phone never hears back
        else:
            route.continue_()


@pytest.fixture
def phone(page_as, live_world: World) -> Tab:
    return page_as(ANONYMOUS, PHONE)


@pytest.fixture
def workshop(live_world: World) -> Workshop:
    run(live_world.workshop)
    return live_world.workshop


def _delivered(tab: Tab, text: str) -> None:
    expect(tab.locator("#phone-outbox")).to_be_hidden(timeout=20_000)
    expect(tab.locator("#phone-my-cards")).to_contain_text(text, timeout=10_000)


@pytest.mark.browser
def test_a_card_whose_first_sending_fails_waits_in_the_outbox_and_arrives_once(phone, workshop):
    _join(phone, workshop)
    network = Network(phone)
    network.fail_first = True
    _write(phone, "Tavlemøderne gav os ro")
    expect(phone.locator("#phone-outbox-list")).to_contain_text("Tavlemøderne gav os ro")
    expect(phone.locator("#card-text")).to_have_value("")
    expect(phone.locator("#phone-outbox-status")).not_to_be_empty()
    # Waiting is said in its own colour, never the green of "stored"; stored is green.
    expect(phone.locator("#phone-outbox-status.is-waiting")).to_have_count(1)
    _delivered(phone, "Tavlemøderne gav os ro")
    expect(phone.locator("#phone-outbox-status.is-ok")).to_have_count(1)
    assert network.posts == 2
    assert Card.objects.filter(text="Tavlemøderne gav os ro").count() == 1


@pytest.mark.browser
def test_a_card_whose_answer_is_lost_is_sent_again_and_stored_once(phone, workshop):
    _join(phone, workshop)
    network = Network(phone)
    network.lose_first_answer = True
    _write(phone, "Vi aftalte for lidt")
    _delivered(phone, "Vi aftalte for lidt")
    assert network.posts == 2
    assert Card.objects.filter(text="Vi aftalte for lidt").count() == 1


@pytest.mark.browser
def test_a_card_still_in_the_outbox_survives_a_reload_and_arrives_once(phone, workshop):
    _join(phone, workshop)
    network = Network(phone)
    network.blocked = True
    _write(phone, "Husk at spørge nattevagten")
    expect(phone.locator("#phone-outbox-list")).to_contain_text("Husk at spørge nattevagten")
    phone.wait_for_function("() => JSON.parse(localStorage.getItem('samskab-outbox'))[0].attempts > 0")
    phone.reload()
    expect(phone.locator("#phone-outbox-list")).to_contain_text("Husk at spørge nattevagten")
    assert not north_cards().exists()
    network.blocked = False
    _delivered(phone, "Husk at spørge nattevagten")
    assert Card.objects.filter(text="Husk at spørge nattevagten").count() == 1
    phone.reload()  # nothing is left to send twice
    expect(phone.locator("#phone-outbox")).to_be_hidden()
    assert north_cards().count() == 1


@pytest.mark.browser
def test_a_refused_card_comes_back_into_its_field_with_the_servers_message(phone, workshop):
    _join(phone, workshop)
    board = workshop.current_section
    board.locked = True  # locked after the page was shown
    board.save()
    _write(phone, "For sent, men vigtigt")
    expect(phone.locator("[data-form-message]")).to_be_visible()
    expect(phone.locator("#card-text")).to_have_value("For sent, men vigtigt")
    expect(phone.locator("#phone-outbox")).to_be_hidden()
    assert not north_cards().exists()


@pytest.mark.browser
def test_a_cpr_number_is_caught_on_the_phone_before_sending(phone, workshop):
    _join(phone, workshop)
    network = Network(phone)
    _write(phone, "Borgeren 010203-1234 ventede")
    warning = phone.locator('form[data-outbox="card"] [data-privacy-warning]')
    expect(warning).to_be_visible()
    assert network.posts == 0
    # The status line says the card is held back, not that it was sent.
    expect(phone.locator("#phone-outbox-status.is-held")).to_have_count(1)
    expect(phone.locator("#phone-outbox-status.is-ok")).to_have_count(0)
    warning.locator('button[name="confirmed"]').click()
    _delivered(phone, "Borgeren 010203-1234 ventede")
    assert north_cards().get().text == "Borgeren 010203-1234 ventede"


@pytest.mark.browser
def test_the_page_follows_the_facilitator_to_the_vote_and_counts_my_votes(phone, workshop):
    _join(phone, workshop)
    board = workshop.current_section
    _write(phone, "Mere tid hos borgerne")
    _delivered(phone, "Mere tid hos borgerne")
    workshop.votes_per_participant = 1
    workshop.save()
    run(workshop, board, phase=Phase.VOTE)
    vote_button = phone.locator('#phone-vote button[data-outbox="vote"]')
    expect(vote_button).to_be_visible(timeout=15_000)  # the page reloaded itself for the new phase
    vote_button.click()
    expect(vote_button).to_be_disabled(timeout=10_000)  # no votes left
    assert board.cards.get().votes.count() == 1


@pytest.mark.browser
def test_the_join_and_participant_pages_have_no_wcag_violations(page_as, live_world: World, subtests):
    workshop = live_world.workshop
    tab = page_as(ANONYMOUS, PHONE)

    def check(where: str) -> None:
        with subtests.test(page=where):
            _assert_accessible(tab, where)

    tab.goto(f"/w/{workshop.join_code}/")
    expect(tab.locator("#join-refusal")).to_be_visible()  # planned: the join page says why nobody can join yet
    check("the join screen of a workshop not open for joining")
    workshop.status, workshop.joining_open, workshop.current_section = WorkshopStatus.RUNNING, True, None
    workshop.save(update_fields=["status", "joining_open", "current_section"])
    _join(tab, workshop, check)
    check("waiting for the facilitator")
    tab.goto("/w/")
    tab.locator("#id_code").fill("0000")
    tab.locator("main form button[type=submit]").click()
    expect(tab.locator(".form-error-message")).to_be_visible()
    check("the code form with its error")

    board = run(workshop)
    tab.goto(f"/w/{workshop.join_code}/deltag/")
    _write(tab, "Borgeren 010203-1234")
    expect(tab.locator("[data-privacy-warning]").first).to_be_visible()
    check("a board, with the privacy warning")
    tab.locator('[data-privacy-warning] button[name="confirmed"]').first.click()
    _delivered(tab, "Borgeren 010203-1234")
    tab.locator("#phone-my-cards details summary").first.click()
    check("a board, with my card open for changes")

    run(workshop, board, phase=Phase.VOTE)
    tab.goto(f"/w/{workshop.join_code}/deltag/")
    check("the vote")

    run(workshop, workshop.sections.get(kind=SectionKind.RATING))
    tab.goto(f"/w/{workshop.join_code}/deltag/")
    tab.locator('label[for$="-5"]').first.click()
    check("a rating")

    run(workshop, workshop.sections.get(kind=SectionKind.STATUS))
    tab.goto(f"/w/{workshop.join_code}/deltag/")
    check("a status round")
