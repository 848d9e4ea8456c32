"""Live pushes in the browser: a card written on one phone reaches the projector, the run page and
another phone over WebSockets, without polling; with WebSockets blocked, the pages poll.

Served by the real ASGI application (tests/browser/asgi_server.py). Selectors are ids, names and
data attributes, never interface text. <html data-live> tells whether a page follows the socket
or polls (assets/live.js).
"""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, Route, expect

from tests.pages.registry import ANONYMOUS, World
from samskab.accounts.models import User
from samskab.workshops import services
from samskab.workshops.models import Phase, Workshop
from tests.browser.conftest import DESKTOP, PHONE, describe, sign_in
from tests.helpers import north_cards
from tests.phone_helpers import run

pytestmark = pytest.mark.browser

SEND = 'form[data-outbox="card"] button[type="submit"]:not([name])'


@pytest.fixture
def workshop(live_world: World) -> Workshop:
    workshop = Workshop.objects.get(round__process=live_world.process)
    run(workshop, phase=Phase.SHOW)  # the cards are shown: the room sees their texts
    return workshop


@pytest.fixture
def open_tab(browser: Browser, asgi_server: str) -> Callable[..., Page]:
    """open_tab("konsulent", width, block_sockets=False): a new browser context on the ASGI server."""
    contexts = []

    def open_as(username: str, width: int = DESKTOP, block_sockets: bool = False) -> Page:
        context = browser.new_context(base_url=asgi_server, viewport={"width": width, "height": 900})
        context.set_default_timeout(15_000)
        contexts.append(context)
        tab = context.new_page()
        if block_sockets:  # a proxy that lets no WebSocket through
            tab.route_web_socket("**/ws/**", lambda socket: socket.close())
        sign_in(tab, username, asgi_server)
        return tab

    yield open_as
    for context in contexts:
        context.close()


def join(tab: Page, workshop: Workshop) -> None:
    tab.goto(f"/w/{workshop.join_code}/")
    with tab.expect_navigation():
        tab.locator("main form button[type=submit]").click()
    assert tab.url.endswith(f"/w/{workshop.join_code}/deltag/")


def write(tab: Page, text: str) -> None:
    tab.locator('label[for^="card-column-"]').first.click()
    tab.locator("#card-text").fill(text)
    tab.locator(SEND).click()


def following(tab: Page, mode: str, timeout: float = 10_000) -> None:
    expect(tab.locator("html")).to_have_attribute("data-live", mode, timeout=timeout)


class Requests:
    """The state and page requests a tab makes: polling would show here."""

    def __init__(self, tab: Page, *paths: str):
        self.seen: list[str] = []
        tab.on("request", lambda request: self.seen.append(request.url) if any(p in request.url for p in paths) else None)


def test_a_card_reaches_the_projector_the_run_page_and_another_phone_without_polling(workshop, open_tab):
    projector = open_tab("konsulent")
    projector.goto(f"/workshops/{workshop.pk}/projektor/")
    run_page = open_tab("konsulent")
    run_page.goto(f"/workshops/{workshop.pk}/afvikl/")
    writer, reader = open_tab(ANONYMOUS, PHONE), open_tab(ANONYMOUS, PHONE)
    frames: list[str] = []
    reader.on("websocket", lambda socket: socket.on("framereceived", lambda frame: frames.append(frame)))
    join(writer, workshop)
    join(reader, workshop)
    for tab in (projector, run_page, writer, reader):
        following(tab, "socket")
    reader_requests = Requests(reader, "/tilstand/", "/deltag/")
    projector_requests = Requests(projector, "/projektor/")
    projector.wait_for_timeout(3500)  # longer than the polling interval: nobody polls
    assert reader_requests.seen == [] and projector_requests.seen == []

    write(writer, "Tavlemøderne gav ro i maven")

    expect(reader.locator("#phone-board")).to_contain_text("Tavlemøderne gav ro i maven", timeout=1000)
    expect(projector.locator("#projector")).to_contain_text("Tavlemøderne gav ro i maven", timeout=1000)
    expect(run_page.locator("#run-board")).to_contain_text("Tavlemøderne gav ro i maven", timeout=1000)
    card = north_cards().get()
    assert reader_requests.seen == []  # the reader's phone asked for nothing: it was pushed
    assert any(str(card.client_id) in frame for frame in frames)
    assert len(projector_requests.seen) == 1  # one fetch of the wall, because of the push
    # The new card is announced as a calm count in the one polite live region.
    for tab in (reader, projector):
        news = tab.locator("#live-news")
        expect(news).to_have_text(news.get_attribute("data-new-one"), timeout=5000)
    expect(writer.locator("#live-news")).to_have_text("")  # not news to the one who wrote it


def test_the_facilitators_own_change_is_not_fetched_again_when_its_event_arrives(workshop, open_tab):
    """The answer HTMX swaps in already shows the change; a second swap could land under a drag."""
    run_page = open_tab("konsulent")
    frames: list[str] = []
    run_page.on("websocket", lambda socket: socket.on("framereceived", lambda frame: frames.append(frame)))
    board_fetches = []
    run_page.on(
        "request",
        lambda request: board_fetches.append(request.url) if request.headers.get("hx-target") == "run-board" else None,
    )
    run_page.goto(f"/workshops/{workshop.pk}/afvikl/")
    following(run_page, "socket")

    swaps = run_page.evaluate("() => Number(document.documentElement.dataset.runSwaps || 0)")
    run_page.locator("form:has(#timer-minutes) button[type=submit]").click()
    run_page.wait_for_function("before => Number(document.documentElement.dataset.runSwaps || 0) > before", arg=swaps)
    for _ in range(50):  # the change's own event reaches the run page's socket
        if any('"changed"' in frame for frame in frames):
            break
        run_page.wait_for_timeout(100)
    assert any('"changed"' in frame for frame in frames), frames
    run_page.wait_for_timeout(1000)  # three times the pause live.js keeps between a fragment's fetches
    assert board_fetches == [], (frames, run_page.evaluate("() => document.getElementById('run-board').dataset.seq"))


def test_with_websockets_blocked_the_pages_poll_and_still_update(workshop, open_tab):
    projector = open_tab("konsulent", block_sockets=True)
    projector.goto(f"/workshops/{workshop.pk}/projektor/")
    reader = open_tab(ANONYMOUS, PHONE, block_sockets=True)
    join(reader, workshop)
    writer = open_tab(ANONYMOUS, PHONE)
    join(writer, workshop)
    following(projector, "polling")
    following(reader, "polling")

    write(writer, "Papirkort er bedre end ingen kort")

    expect(reader.locator("#phone-board")).to_contain_text("Papirkort er bedre end ingen kort", timeout=10_000)
    expect(projector.locator("#projector")).to_contain_text("Papirkort er bedre end ingen kort", timeout=10_000)


def test_a_phase_change_reaches_the_phone_and_the_timer_is_shown_to_all(workshop, open_tab, axe_violations):
    run_page = open_tab("konsulent")
    run_page.goto(f"/workshops/{workshop.pk}/afvikl/")
    phone = open_tab(ANONYMOUS, PHONE)
    join(phone, workshop)
    projector = open_tab("konsulent")
    projector.goto(f"/workshops/{workshop.pk}/projektor/")
    following(phone, "socket")
    following(projector, "socket")

    run_page.locator("form:has(#timer-minutes) button[type=submit]").click()  # swapped in place, no reload

    # The phone swaps in its new layout; the projector fetches its wall again.
    expect(phone.locator("[data-phase-ends] [data-timer-left]")).not_to_be_empty(timeout=5000)
    expect(projector.locator("[data-phase-ends] [data-timer-left]")).not_to_be_empty(timeout=5000)
    for tab, where in ((phone, "phone"), (projector, "projector"), (run_page, "run page")):
        violations = axe_violations(tab)
        assert not violations, f"{where}\n{describe(violations)}"


def test_a_new_phase_swaps_the_phones_layout_in_place_with_one_request_and_keeps_the_draft(workshop, open_tab):
    run_page = open_tab("konsulent")
    run_page.goto(f"/workshops/{workshop.pk}/afvikl/")
    phone = open_tab(ANONYMOUS, PHONE)
    join(phone, workshop)
    following(phone, "socket")
    write(phone, "Kort før afstemningen")
    expect(phone.locator("#phone-my-cards")).to_contain_text("Kort før afstemningen")
    phone.locator("#card-text").fill("En halv sætning")  # a draft, not typed into at the moment
    phone.locator("#card-text").blur()
    sockets: list[str] = []
    phone.on("websocket", lambda socket: sockets.append(socket.url))
    requests = Requests(phone, "/tilstand/", "/deltag/")
    phone.evaluate("() => { window.notReloaded = true; }")

    run_page.locator('form.samskab-phases button[value="stem"]').click()

    expect(phone.locator("#phone-vote")).to_contain_text("Kort før afstemningen", timeout=5000)
    expect(phone.locator("#card-text")).to_have_count(0)  # the write form went with the old layout
    expect(phone.locator("html")).to_have_attribute("data-live", "socket")
    assert phone.evaluate("() => window.notReloaded === true"), "the phone loaded its page again"
    assert sockets == [], "the phone opened a new socket"
    # The event named the new layout: one fetch of the page's fragment, no state asked first.
    assert len(requests.seen) == 1 and "/deltag/" in requests.seen[0], requests.seen
    # The draft's form went with the old layout: its text is kept under "Not sent", as after a reload.
    expect(phone.locator("#phone-unsent")).to_contain_text("En halv sætning")


def test_the_timer_counts_down_for_everyone_and_a_minute_left_is_announced(workshop, open_tab):
    section = workshop.current_section
    section.phase_ends_at = timezone.now() + timedelta(seconds=70)
    section.save()
    phone = open_tab(ANONYMOUS, PHONE)
    join(phone, workshop)
    expect(phone.locator("[data-phase-ends] [data-timer-left]")).to_contain_text("1:")
    news = phone.locator("#live-news")
    expect(news).to_have_text(news.get_attribute("data-minute-left"), timeout=20_000)


def test_a_phone_that_misses_a_message_sees_the_gap_and_catches_up_from_the_state(workshop, open_tab):
    lost: list[str] = []

    def lose_the_first_change(page_side):
        server_side = page_side.connect_to_server()

        def to_the_page(message):
            if '"events"' in message and not lost:
                lost.append(message)  # lost on the way: the phone never sees this change
                return
            page_side.send(message)

        server_side.on_message(to_the_page)

    reader = open_tab(ANONYMOUS, PHONE)
    reader.route_web_socket("**/ws/**", lose_the_first_change)
    join(reader, workshop)
    writer = open_tab(ANONYMOUS, PHONE)
    join(writer, workshop)
    following(reader, "socket")

    write(writer, "Det første kort")
    expect(writer.locator("#phone-my-cards")).to_contain_text("Det første kort")
    write(writer, "Det andet kort")

    board = reader.locator("#phone-board")
    expect(board).to_contain_text("Det andet kort")
    expect(board).to_contain_text("Det første kort")  # fetched with the state, after the gap
    assert len(lost) == 1 and "Det første kort" in lost[0]


class HeldPage:
    """Route interception for the phone's page fetches (as fragments): holds one answer back while told."""

    def __init__(self, tab: Page, workshop: Workshop):
        self.holding = False
        self.held: list[tuple[Route, object]] = []
        tab.route(f"**/w/{workshop.join_code}/deltag/", self.handle)

    def handle(self, route: Route) -> None:
        if self.holding and route.request.headers.get("hx-request") and not self.held:
            self.held.append((route, route.fetch()))  # the page as the server renders it now …
        else:
            route.continue_()


# Every phase the phone's page shows, in order, as its script swaps pages in.
PHASES_SHOWN = """() => {
    window.phasesShown = [];
    const note = () => {
        const phase = (document.getElementById("phone").innerText.match(/Fase: (\\S+)/) || [])[1];
        if (phase && phase !== window.phasesShown.at(-1)) window.phasesShown.push(phase);
    };
    note();
    new MutationObserver(note).observe(document.getElementById("phone"), {childList: true, subtree: true});
}"""


def test_an_older_page_that_arrives_after_a_newer_one_is_not_shown(workshop, open_tab):
    """Two fetches of the page cross: the phase moved on while the first was on its way, and its answer
    comes last. The phone keeps the newer page instead of going back for a moment to a phase the
    facilitator has left (which also undid what the person had just ticked)."""
    phone = open_tab(ANONYMOUS, PHONE)
    join(phone, workshop)
    following(phone, "socket")
    board = workshop.current_section
    facilitator = User.objects.get(username="konsulent")
    network = HeldPage(phone, workshop)
    phone.evaluate(PHASES_SHOWN)
    network.holding = True
    services.section_phase_set(section=board, phase=Phase.GROUP, by=facilitator)
    for _ in range(100):  # the phone fetches its page for the new phase: held
        if network.held:
            break
        phone.wait_for_timeout(100)
    assert network.held, "the phone did not fetch its page when the phase changed"
    network.holding = False
    services.section_phase_set(section=board, phase=Phase.VOTE, by=facilitator)
    expect(phone.locator("#phone")).to_contain_text("Fase: stem")
    route, older = network.held[0]
    with phone.expect_request_finished(lambda request: request == route.request):
        route.fulfill(response=older)  # … answered only now, with the phase "gruppér"
    phone.evaluate("() => new Promise(done => setTimeout(done, 500))")  # its script has read it, and fetched again if it would
    assert phone.evaluate("() => window.phasesShown") == ["vis", "stem"]
