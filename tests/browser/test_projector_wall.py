"""The projector on a wall: every phase fits one screen at 1920×1080 and 1280×720 with a board of
40 cards, its text is large enough to read from the back of the room, and the join code and QR
code are on the screen exactly while joining is open. Projector mode comes and goes with F and
Escape."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from samskab.rounds.models import Action
from samskab.workshops import ratings
from samskab.workshops.models import (
    Attendee,
    Card,
    CardGroup,
    Lesson,
    Phase,
    Rating,
    SectionKind,
    Vote,
    WorkshopStatus,
)
from tests.browser.conftest import axe_violations, describe, sign_in

pytestmark = pytest.mark.browser

SCREENS = [(1920, 1080), (1280, 720)]
TEXTS = [
    "Tavlemøderne virker",
    "For mange skemaer i hverdagen, især når en borger skifter team",
    "Korte møder",
    "Vi fik talt sammen på tværs af faggrupper, og det har gjort en forskel for borgerne",
    "Ledelsen bakkede op",
    "Vi manglede tid til at prøve løsningerne af ordentligt, før de skulle evalueres",
    "Dokumentationen fylder stadig for meget",
    "TR var med fra start",
]

FITS = """() => {
  const scroller = document.scrollingElement;
  return {height: scroller.scrollHeight, inner: window.innerHeight, wall: document.documentElement.classList.contains("is-wall")};
}"""

# The smallest text on the wall: its size in px, and where.
SMALLEST_TEXT = """() => {
  const sizes = [...document.querySelectorAll("#projector p, #projector li, #projector h2, #projector h3, #projector h4, #projector span, #projector strong")]
    .filter((element) => element.getClientRects().length && element.textContent.trim())
    .map((element) => [parseFloat(getComputedStyle(element).fontSize), element.outerHTML.slice(0, 80)]);
  sizes.sort((a, b) => a[0] - b[0]);
  return sizes[0];
}"""

INSIDE = """(selector) => {
  const element = document.querySelector(selector);
  if (!element) return null;
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
}"""

# The cards shown on the page of the wall now, and whether any of them is cut off at the bottom.
SHOWN_CARDS = """() => {
  const flow = document.querySelector("[data-projector-flow]").getBoundingClientRect();
  const shown = [...document.querySelectorAll("#projector [id^=kort-]")].filter((card) => {
    const box = card.getBoundingClientRect();
    return box.left >= flow.left - 1 && box.right <= flow.right + 1;
  });
  return {ids: shown.map((card) => card.id), cut: shown.some((card) => card.getBoundingClientRect().bottom > window.innerHeight)};
}"""


@pytest.fixture
def wall(live_world):
    """The demo workshop running, joining open, on its learning board with 40 cards, 4 groups and votes."""
    workshop, board = live_world.workshop, live_world.section
    workshop.status, workshop.joining_open, workshop.max_attendees = WorkshopStatus.RUNNING, True, 30
    workshop.current_section = board
    workshop.save()
    columns = list(board.headings.filter(kind="kolonne"))
    themes = list(board.headings.filter(kind="tema"))
    attendees = [Attendee.objects.create(workshop=workshop) for _ in range(6)]
    groups = [CardGroup.objects.create(section=board, name=f"Gruppe {n}", order=n) for n in range(1, 5)]
    cards = []
    for n in range(40):
        card = Card.objects.create(
            client_id=uuid.uuid4(),
            section=board,
            column=columns[n % len(columns)],
            theme=themes[n % len(themes)] if n % 3 else None,
            text=f"{TEXTS[n % len(TEXTS)]} ({n + 1})",
            attendee=attendees[n % len(attendees)],
        )
        cards.append(card)
    for n, card in enumerate(cards[:12]):
        card.group = groups[n % len(groups)]
        card.save(update_fields=["group"])
    for n, attendee in enumerate(attendees):
        for card in cards[n : n + 3]:
            Vote.objects.create(client_id=uuid.uuid4(), card=card, attendee=attendee)
    lesson = Lesson.objects.create(section=board, text="Korte møder giver tid til borgerne", reusable=True, theme=themes[0])
    lesson.cards.add(cards[2])
    Action.objects.create(
        round=workshop.round,
        section=board,
        what="Del erfaringerne på næste personalemøde",
        why="Så kollegerne kan bruge dem",
        owner=workshop.round.process.participants.first(),
        deadline=timezone.localdate() + timedelta(days=14),
    )
    return workshop, board, cards


def _screen(browser, live_server, size):
    width, height = size
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": height})
    context.set_default_timeout(15_000)
    tab = context.new_page()
    sign_in(tab, "konsulent", live_server.url)
    return tab


def _open_wall(tab, workshop):
    tab.goto(reverse("workshops:projector", args=[workshop.pk]))
    tab.keyboard.press("f")
    tab.wait_for_function("() => document.documentElement.classList.contains('is-wall')")


def _check_fits(tab, size, what: str) -> None:
    fits = tab.evaluate(FITS)
    assert fits["wall"], what
    assert fits["height"] <= fits["inner"], f"{what} at {size}: {fits['height']} px high in {fits['inner']} px"
    if size[1] == 1080:
        size_px, where = tab.evaluate(SMALLEST_TEXT)
        assert size_px >= 24, f"{what}: text of {size_px} px at 1080p: {where}"


def _all_cards_over_the_pages(tab) -> set[str]:
    """Every card the wall shows, page by page (→ turns the page; after the last comes the first)."""
    seen: set[str] = set()
    for _ in range(10):
        shown = tab.evaluate(SHOWN_CARDS)
        assert not shown["cut"], "a card on the wall is cut off at the bottom"
        if set(shown["ids"]) <= seen:
            break
        seen |= set(shown["ids"])
        tab.keyboard.press("ArrowRight")
    return seen


@pytest.mark.parametrize("size", SCREENS, ids=["1080p", "720p"])
def test_every_phase_of_a_40_card_board_fits_the_wall(browser, live_server, wall, size):
    workshop, board, cards = wall
    tab = _screen(browser, live_server, size)
    try:
        for phase in Phase.values:
            board.phase = phase
            board.save(update_fields=["phase"])
            _open_wall(tab, workshop)
            _check_fits(tab, size, f"the board in phase {phase}")
            assert tab.evaluate(INSIDE, "#join-code") and tab.evaluate(INSIDE, ".samskab-qr-wrap svg"), phase
            if phase == Phase.WRITE:
                assert tab.locator("#projector [id^=kort-]").count() == 0  # not revealed yet
            else:
                assert _all_cards_over_the_pages(tab) == {f"kort-{card.pk}" for card in cards}, phase
            if phase == Phase.CONCLUDE:
                assert tab.evaluate(INSIDE, "#laeringspunkter") and tab.evaluate(INSIDE, "#aftaler")
    finally:
        tab.context.close()


@pytest.mark.parametrize("size", SCREENS, ids=["1080p", "720p"])
def test_the_status_round_and_a_closed_rating_fit_the_wall(browser, live_server, wall, size):
    workshop, board, cards = wall
    status = workshop.sections.get(kind=SectionKind.STATUS)
    rating = workshop.sections.get(kind=SectionKind.RATING)
    tab = _screen(browser, live_server, size)
    try:
        workshop.current_section = status
        workshop.save(update_fields=["current_section"])
        _open_wall(tab, workshop)
        _check_fits(tab, size, "the status round")
        workshop.current_section = rating
        workshop.save(update_fields=["current_section"])
        _open_wall(tab, workshop)
        _check_fits(tab, size, "the open rating")
        for statement in rating.statements.all():
            for n, role in enumerate(["medarbejder"] * 7 + ["leder"] * 2 + [""] * 5):
                attendee = Attendee.objects.create(workshop=workshop, role=role)
                Rating.objects.create(client_id=uuid.uuid4(), statement=statement, attendee=attendee, value=n % 5 + 1)
        rating.locked = True
        rating.save(update_fields=["locked"])
        ratings.publish(rating)
        _open_wall(tab, workshop)
        _check_fits(tab, size, "the closed rating")
        # The figures are beside their bars: one chart per statement, each with its average as text.
        assert tab.locator(".samskab-rating-chart svg").count() == 2 * rating.statements.count()
        assert "Skjult" not in tab.locator("#projector").inner_text()
    finally:
        tab.context.close()


def test_the_code_and_qr_leave_the_wall_when_joining_closes_and_the_closed_workshop_shows_no_timer(
    browser, live_server, wall
):
    workshop, board, cards = wall
    board.phase_ends_at = timezone.now() + timedelta(minutes=5)
    board.save(update_fields=["phase_ends_at"])
    tab = _screen(browser, live_server, (1920, 1080))
    try:
        _open_wall(tab, workshop)
        assert tab.locator("#join-code").inner_text() == workshop.join_code
        assert tab.locator("[data-phase-ends]").count() == 1
        workshop.joining_open = False
        workshop.save(update_fields=["joining_open"])
        _open_wall(tab, workshop)
        assert tab.locator("#join-code").count() == 0 and tab.locator(".samskab-qr-wrap").count() == 0
        workshop.status = WorkshopStatus.CLOSED
        workshop.save(update_fields=["status"])
        _open_wall(tab, workshop)
        assert tab.locator("#workshop-closed").count() == 1
        assert tab.locator("[data-phase-ends]").count() == 0 and tab.locator("#join-code").count() == 0
    finally:
        tab.context.close()


def test_projector_mode_comes_with_f_or_the_button_and_goes_with_escape(browser, live_server, wall):
    workshop, board, cards = wall
    tab = _screen(browser, live_server, (1280, 720))
    try:
        tab.goto(reverse("workshops:projector", args=[workshop.pk]))
        bar = tab.locator(".samskab-wall-bar")
        assert bar.is_visible() and tab.locator("header.samskab-header").count() == 0  # none of the site's chrome
        tab.keyboard.press("f")
        assert not bar.is_visible()
        tab.keyboard.press("Escape")
        assert bar.is_visible()
        tab.locator("[data-projector-mode]").click()
        assert not bar.is_visible()
        tab.keyboard.press("f")
        assert bar.is_visible()
    finally:
        tab.context.close()


@pytest.mark.parametrize("shown", [Phase.GROUP, Phase.CONCLUDE, SectionKind.STATUS, SectionKind.RATING])
def test_the_wall_passes_axe_at_1920(browser, live_server, wall, shown):
    workshop, board, cards = wall
    if shown in Phase.values:
        board.phase = shown
        board.save(update_fields=["phase"])
    else:
        workshop.current_section = section = workshop.sections.get(kind=shown)
        workshop.save(update_fields=["current_section"])
        if shown == SectionKind.RATING:
            statement = section.statements.first()
            for n in range(6):
                attendee = Attendee.objects.create(workshop=workshop, role="medarbejder")
                Rating.objects.create(client_id=uuid.uuid4(), statement=statement, attendee=attendee, value=n % 5 + 1)
            section.locked = True
            section.save(update_fields=["locked"])
            ratings.publish(section)
    tab = _screen(browser, live_server, (1920, 1080))
    try:
        _open_wall(tab, workshop)
        violations = axe_violations(tab)
        assert not violations, describe(violations)
    finally:
        tab.context.close()


def test_the_code_leaves_the_wall_live_when_the_facilitator_closes_joining(browser, asgi_server, wall):
    workshop, board, cards = wall
    contexts = []

    def screen(size):
        context = browser.new_context(base_url=asgi_server, viewport={"width": size[0], "height": size[1]})
        context.set_default_timeout(15_000)
        contexts.append(context)
        tab = context.new_page()
        sign_in(tab, "konsulent", asgi_server)
        return tab

    try:
        wall_tab, run_tab = screen((1920, 1080)), screen((1280, 900))
        _open_wall(wall_tab, workshop)
        expect(wall_tab.locator("html")).to_have_attribute("data-live", "socket", timeout=10_000)
        assert wall_tab.locator("#join-code").is_visible()
        loads = []
        wall_tab.on("framenavigated", lambda frame: loads.append(frame.url))
        run_tab.goto(reverse("workshops:workshop_run", args=[workshop.pk]))
        run_tab.locator(f"form[action='{reverse('workshops:workshop_joining', args=[workshop.pk])}']:has(input[name=open][value='0']) button").click()
        expect(wall_tab.locator("#join-code")).to_have_count(0, timeout=5_000)
        expect(wall_tab.locator(".samskab-qr-wrap")).to_have_count(0)
        assert loads == []  # the wall was not loaded again
        assert wall_tab.evaluate("() => document.documentElement.classList.contains('is-wall')")  # still in projector mode
    finally:
        for context in contexts:
            context.close()
