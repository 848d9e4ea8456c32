"""A whole evaluation workshop in the browser, as the people in the room would run it.

The facilitator (konsulent) runs the demo workshop on a desktop-sized page, the projector shows the
wall, and three participants on phone-sized pages join by typing the code. Everything the users do
goes through the pages: the ORM only loads the demo and checks the result at the end. The pages
are served by the real ASGI application (tests/browser/asgi_server.py), so the projector's and the
phones' updates are live pushes. Selectors are the Danish texts a user reads (labels, roles, names).
"""

import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from io import BytesIO

import pytest
from django.utils import timezone, translation
from docx import Document
from playwright.sync_api import Browser, Locator, Page, expect
from pypdf import PdfReader

from tests.pages.registry import ANONYMOUS, World
from samskab.rounds.models import Action
from samskab.workshops.models import Attendee, Card, Lesson, Minutes, MinutesStatus, Rating, Vote, Workshop
from tests.browser.conftest import DESKTOP, PHONE, press, sign_in

pytestmark = pytest.mark.browser

LEARNING_BOARD = "Læring af samskabt styring"
RATING_SECTION = "Forankring"
GROUP = "Møderne"
# The cards: (text, column). The first of each phone is written while writing (skriv), the second once shown (vis).
MORNING = ("Tavlemøderne giver ro om morgenen", "Gør igen")
FORMS = ("Vi brugte for lang tid på skemaer", "Gør anderledes")
COLLEAGUE = ("Jens fra team 2 bremser alting", "Undgå")  # names a colleague: hidden before the referat
FRIDAYS = ("Korte møder hver fredag", "Gør igen")
TEMPLATE = ("Skabelonen sparer tid", "Gør igen")
MAILS = ("Lange mails uden svar", "Undgå")
LESSON = "Start småt og vis resultater tidligt"
AGREEMENT = "Del skabelonen med Hjemmeplejen Syd"
RATING_OPEN = re.compile("Vurderingen er åben, så kun antallet af svar vises")
HIDDEN_IN_REFERAT = "Skjult: færre end 5 svar"


@pytest.fixture(autouse=True)
def patient_expect() -> Iterator[None]:
    """Ten seconds for each `expect` here (not the default five): pushes and reloads share 2 busy cores."""
    expect.set_options(timeout=10_000)
    yield
    expect.set_options(timeout=5_000)


@pytest.fixture
def open_tab(browser: Browser, asgi_server: str) -> Iterator[Callable[..., Page]]:
    """open_tab("konsulent", width): a page in its own browser context on the ASGI server."""
    contexts = []

    def open_as(username: str, width: int) -> Page:
        context = browser.new_context(base_url=asgi_server, viewport={"width": width, "height": 900}, accept_downloads=True)
        context.set_default_timeout(15_000)
        contexts.append(context)
        tab = context.new_page()
        sign_in(tab, username, asgi_server)
        return tab

    yield open_as
    for context in contexts:
        context.close()


# The facilitator's run page ---------------------------------------------------------------------------


def to_phase(run: Page, phase: str) -> None:
    press(run, run.get_by_role("group", name="Fase").get_by_role("button", name=phase, exact=True))
    expect(run.get_by_role("button", name=phase, exact=True)).to_have_attribute("aria-current", "step")


def show_section(run: Page, title: str) -> None:
    press(run, run.get_by_role("button", name=title, exact=True))
    expect(run.get_by_role("heading", level=2, name=re.compile(f"^{title}"))).to_be_visible()


def card_on(tab: Page, text: str) -> Locator:
    return tab.locator("#run-board").get_by_role("listitem").filter(has_text=text)


def tab_to(tab: Page, target: Locator, limit: int = 300) -> None:
    """Press Tab until the target has the focus, as a keyboard user moves through the page."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError("Tab never reached the target")


def form_with(tab: Page, button: str) -> Locator:
    return tab.locator("form").filter(has=tab.get_by_role("button", name=button, exact=True))


# The phones ---------------------------------------------------------------------------------------------


def join(phone: Page, code: str, role: str | None) -> None:
    """Type the code on the short address, state a role (or not), and join."""
    phone.goto("/w/")
    phone.get_by_label("Kode").fill(f"{code[:3].lower()} {code[3:].lower()}")
    press(phone, phone.get_by_role("button", name="Fortsæt"))
    if role:
        phone.get_by_label("Din rolle").select_option(label=role)
    press(phone, phone.get_by_role("button", name="Deltag i workshoppen"))
    expect(phone.get_by_role("heading", level=1)).to_have_text("Evalueringsworkshop: et år med mindre bøvl")


def in_phase(phone: Page, phase: str) -> None:
    """The phone has followed the facilitator (it swaps in its new layout when the phase changes)."""
    expect(phone.locator("#phone")).to_contain_text(f"Fase: {phase}")


def sent(phone: Page) -> None:
    expect(phone.locator("#phone-outbox")).to_be_hidden()


def write(phone: Page, card: tuple[str, str]) -> None:
    text, column = card
    phone.locator('form[data-outbox="card"]').get_by_label(column, exact=True).check()  # not the board's column of that name
    phone.get_by_label("Dit kort").fill(text)
    phone.get_by_role("button", name="Send kort").click()
    sent(phone)
    expect(phone.locator("#phone-my-cards")).to_contain_text(text)


def vote(phone: Page, card: tuple[str, str]) -> None:
    # The button reads "Stem" with the card's text for screen readers; Chromium names it "Stem : <text>".
    button = phone.get_by_role("button", name=re.compile(rf"^Stem\s*: {re.escape(card[0])}$"))
    item = phone.get_by_role("listitem").filter(has=button)
    button.click()
    sent(phone)
    expect(item).to_contain_text("din stemme: 1")


def rate(phone: Page, value: str) -> None:
    statements = phone.get_by_role("group").filter(has=phone.get_by_role("radio"))
    expect(statements).to_have_count(8)
    for index in range(8):
        statements.nth(index).get_by_label(value, exact=True).check()
    phone.get_by_role("button", name="Gem mine vurderinger").click()
    sent(phone)


# The referat's files ----------------------------------------------------------------------------------


def download(tab: Page, link: str) -> str:
    with tab.expect_download() as downloading:
        tab.get_by_role("link", name=link, exact=True).click()
    return downloading.value.path()


def word_text(path: str) -> str:
    document = Document(BytesIO(open(path, "rb").read()))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def pdf_text(path: str) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_a_whole_workshop_from_joining_to_the_approved_referat(live_world: World, open_tab):
    workshop = Workshop.objects.get(round__process=live_world.process)
    with translation.override("da"):
        owner = str(live_world.process.participants.get(user__username="leder"))
    deadline = timezone.localdate() + timedelta(days=30)

    # The facilitator starts the workshop and shows the learning board; the projector follows it.
    run = open_tab("konsulent", DESKTOP)
    run.goto(f"/workshops/{workshop.pk}/afvikl/")
    press(run, run.get_by_role("button", name="Start workshoppen"))
    show_section(run, LEARNING_BOARD)
    projector = open_tab("konsulent", DESKTOP)
    projector.goto(f"/workshops/{workshop.pk}/projektor/")
    wall = projector.locator("#projector")
    expect(wall).to_contain_text(LEARNING_BOARD)
    expect(projector.locator("html")).to_have_attribute("data-live", "socket")
    projector.evaluate("() => { window.notReloaded = true; }")

    # Three phones join by the code: a leder, a medarbejder and one who would rather not say.
    phones = [open_tab(ANONYMOUS, PHONE) for _ in range(3)]
    for phone, role in zip(phones, ["leder", "medarbejder", None]):
        join(phone, workshop.join_code, role)
        in_phase(phone, "skriv")
    first, second = [MORNING, COLLEAGUE, TEMPLATE], [FORMS, FRIDAYS, MAILS]
    for phone, card in zip(phones, first):
        write(phone, card)
    # While the cards are written, the wall counts them but keeps their texts back.
    expect(wall).to_contain_text("3 kort")
    expect(wall).not_to_contain_text(MORNING[0])

    to_phase(run, "vis")
    for phone, card in zip(phones, second):
        in_phase(phone, "vis")
        write(phone, card)
    for text, _column in first + second:
        expect(wall).to_contain_text(text)
        expect(card_on(run, text)).to_have_count(1)  # the run page has fetched it too, before any card is dragged
    assert projector.evaluate("() => window.notReloaded === true"), "the projector reloaded instead of being pushed"
    expect(projector.locator("html")).to_have_attribute("data-live", "socket")  # pushed, not polled

    # Gruppér: a new group, one card dragged into it, another moved there with the keyboard only.
    to_phase(run, "gruppér")
    run.get_by_label("Ny gruppe").fill(GROUP)
    press(run, run.get_by_role("button", name="Tilføj gruppen"))
    group = run.get_by_role("region", name=re.compile(f"^{GROUP}"))
    # Dragged from anywhere on the card (its menu is folded away).
    card_on(run, MORNING[0]).drag_to(group.get_by_role("heading"))
    expect(group).to_contain_text(MORNING[0])
    tab_to(run, card_on(run, FRIDAYS[0]).locator("summary"))  # the card's tools
    run.keyboard.press("Enter")
    run.keyboard.press("Tab")  # to "Flyt til gruppe"
    expect(run.get_by_label(f"Flyt til gruppe: {FRIDAYS[0]}")).to_be_focused()
    run.keyboard.press("ArrowDown")  # from "Ingen gruppe" to the one group
    run.keyboard.press("Tab")  # to its Flyt button
    swaps = run.evaluate("() => Number(document.documentElement.dataset.runSwaps || 0)")
    run.keyboard.press("Enter")
    run.wait_for_function("before => Number(document.documentElement.dataset.runSwaps || 0) > before", arg=swaps)
    expect(group).to_contain_text(FRIDAYS[0])

    # Stem: each phone casts two votes.
    to_phase(run, "stem")
    for phone, choices in zip(phones, [(TEMPLATE, MAILS), (TEMPLATE, MAILS), (TEMPLATE, FORMS)]):
        in_phase(phone, "stem")
        for card in choices:
            vote(phone, card)

    # Drøft: the cards are sorted by votes (the later card with two votes before the one without).
    to_phase(run, "drøft")
    avoid = run.locator("#run-board").get_by_role("region", name=re.compile("^Undgå"))
    expect(avoid.locator(".samskab-pre")).to_have_text([MAILS[0], COLLEAGUE[0]])

    # Konkludér: a læringspunkt that can be used elsewhere, and an aftale.
    to_phase(run, "konkludér")
    lesson = form_with(run, "Gem læringspunktet")
    lesson.get_by_label("Læringspunkt", exact=True).fill(LESSON)
    lesson.get_by_label(re.compile("kan bruges andre steder", re.IGNORECASE)).check()
    lesson.get_by_label("Tema").select_option(label="Metoden")
    lesson.get_by_label(TEMPLATE[0]).check()
    press(run, lesson.get_by_role("button", name="Gem læringspunktet"))
    expect(run.locator("#laeringspunkter")).to_contain_text(LESSON)
    agreement = form_with(run, "Gem aftalen")
    agreement.get_by_label("Hvad skal gøres").fill(AGREEMENT)
    agreement.get_by_label("Hvem").select_option(label=owner)
    agreement.get_by_label("Senest").fill(deadline.isoformat())
    agreement.get_by_label("Hvorfor").fill("Syd har de samme skemaer")
    press(run, agreement.get_by_role("button", name="Gem aftalen"))
    expect(run.locator("#aftaler")).to_contain_text(AGREEMENT)

    # The rating: three raters; while it is open, only how many have answered is shown.
    show_section(run, RATING_SECTION)
    for phone, value in zip(phones, ["4", "5", "2"]):
        expect(phone.get_by_role("heading", level=2, name=RATING_SECTION)).to_be_visible()
        rate(phone, value)
    ratings = run.locator("#run-board").get_by_role("table", name="Vurderinger", exact=True)
    expect(ratings.locator("tbody tr td:nth-child(2)")).to_have_text(["3"] * 8)  # answers, pushed live
    expect(wall.locator(".samskab-projector-box")).to_have_text([re.compile(r": 3 svar$")] * 8)  # the wall: one box a statement
    for tab, board in ((run, run.locator("#run-board")), (projector, wall)):
        expect(board.get_by_text(RATING_OPEN)).to_be_visible()  # while open: how many, never what
        assert not re.search(r"\b\d,\d\b", board.inner_text()), f"an average is shown on {tab.url}"

    # The card that names a colleague is hidden; it leaves the wall.
    show_section(run, LEARNING_BOARD)
    card_on(run, COLLEAGUE[0]).locator("summary").first.click()  # the card's tools
    press(run, card_on(run, COLLEAGUE[0]).get_by_role("button", name="Skjul kortet"))
    expect(card_on(run, COLLEAGUE[0])).to_contain_text("skjult")
    expect(wall).not_to_contain_text(COLLEAGUE[0])
    expect(wall).to_contain_text(MAILS[0])

    # Close, open the referat from the workshop's page, approve it, and download both files.
    press(run, run.get_by_role("button", name="Luk workshoppen"))
    run.get_by_role("navigation", name="Du er her").get_by_role("link", name=workshop.title).click()
    run.wait_for_url(f"**/workshops/{workshop.pk}/")
    run.get_by_role("link", name=re.compile("^Referat")).click()
    expect(run.get_by_role("heading", level=1)).to_contain_text("Referat")
    press(run, run.get_by_role("button", name="Godkend referatet"))
    expect(run.get_by_role("button", name="Godkend referatet")).to_have_count(0)
    for text in (word_text(download(run, "Hent som Word (version 1)")), pdf_text(download(run, "Hent som PDF (version 1)"))):
        for card in (MORNING, FORMS, FRIDAYS, TEMPLATE, MAILS):
            assert card[0] in text
        assert COLLEAGUE[0] not in text
        assert f"{TEMPLATE[0]} (3 stemmer)" in text  # the votes the phones cast
        assert LESSON in text and "Kan bruges andre steder" in text
        assert AGREEMENT in text and "Lene Lauridsen" in text
        assert HIDDEN_IN_REFERAT in text and "så ingens svar kan udpeges" in text  # hidden, and why
        assert "3,7" not in text  # the average of 4, 5 and 2 is not given

    # What the users did is stored once, as they did it.
    board = workshop.sections.get(title=LEARNING_BOARD)
    assert sorted(Attendee.objects.filter(workshop=workshop).values_list("role", flat=True)) == ["", "leder", "medarbejder"]
    assert Card.objects.filter(section=board).count() == 6
    assert set(Card.objects.filter(group__name=GROUP).values_list("text", flat=True)) == {MORNING[0], FRIDAYS[0]}
    assert Card.objects.get(text=COLLEAGUE[0]).hidden
    assert Vote.objects.filter(card__section=board).count() == 6
    assert Rating.objects.filter(attendee__workshop=workshop).count() == 24
    assert Lesson.objects.get(section=board).reusable
    action = Action.objects.get(section=board)
    assert (action.what, str(action.deadline), action.owner.user.username) == (AGREEMENT, deadline.isoformat(), "leder")
    assert Minutes.objects.get(workshop=workshop).status == MinutesStatus.APPROVED
