"""A lesson spreads from one workplace to another, in the browser, from beginning to end.

At Hjemmeplejen Nord the facilitator writes a læringspunkt that "kan bruges andre steder" at the end
of the workshop, closes it and approves the referat. The leader of Hjemmeplejen Syd searches the
erfaringsbank with other forms of its words, opens it (she may not see the forløb, so it names whom
to ask) and uses it in her own forløb; the item then shows where it has spread. The central
konsulent sees both forløb in the portfolio and downloads it as .xlsx, read back here. (Turning a
transfer idea into a new forløb: tests/browser/test_ideas.py.) Every page passes axe at 1280 and,
resized, at 375 px.
"""

import re
from io import BytesIO

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from samskab.bank.models import Adoption, BankItem, ItemKind
from samskab.processes.models import Process, Solution
from samskab.workshops.models import Workshop
from tests.browser.conftest import press, violations_at_both_widths
from tests.minutes_helpers import hold_workshop

pytestmark = pytest.mark.browser

LESSON = "Dokumentationen bliver kortere med én fælles skabelon for besøgsnotater"
LOCAL_LESSON = "Morgenmødet skal ikke kortes mere"  # not marked "kan bruges andre steder"
SEARCH = "dokumentation skabeloner"  # other forms of the lesson's words
SOUTH = "Færre faste skemaer"
NORTH = "Mindre bøvl, mere tid hos borgerne"


def assert_accessible(tab: Page, username: str) -> None:
    """axe finds nothing on what the persona is shown, at desktop width and resized to 375 px."""
    found = violations_at_both_widths(tab)
    assert not found, f"{tab.url} ({username})\n{found}"


def form_with(tab: Page, button: str):
    return tab.locator("form").filter(has=tab.get_by_role("button", name=button, exact=True))


def write_lesson(run: Page, text: str, *, elsewhere: bool) -> None:
    lesson = form_with(run, "Gem læringspunktet")
    lesson.get_by_label("Læringspunkt", exact=True).fill(text)
    if elsewhere:
        lesson.get_by_label(re.compile("kan bruges andre steder", re.IGNORECASE)).check()
    lesson.get_by_label("Tema").select_option(label="Metoden")
    press(run, lesson.get_by_role("button", name="Gem læringspunktet"))
    expect(run.locator("#laeringspunkter")).to_contain_text(text)


def test_a_lesson_is_found_at_another_workplace_used_there_and_seen_in_the_portfolio(live_world, page_as):
    hold_workshop(live_world.process, close=False)
    workshop = Workshop.objects.get(round__process=live_world.process)

    # Hjemmeplejen Nord: the facilitator concludes the learning board, closes and approves.
    run = page_as("konsulent")
    run.goto(f"/workshops/{workshop.pk}/afvikl/")
    press(run, run.get_by_role("button", name="Start workshoppen"))
    board = "Læring af samskabt styring"
    press(run, run.get_by_role("button", name=board, exact=True))
    press(run, run.get_by_role("group", name="Fase").get_by_role("button", name="konkludér", exact=True))
    write_lesson(run, LESSON, elsewhere=True)
    write_lesson(run, LOCAL_LESSON, elsewhere=False)
    assert_accessible(run, "konsulent")
    press(run, run.get_by_role("button", name="Luk workshoppen"))
    run.goto(f"/workshops/{workshop.pk}/referat/")
    press(run, run.get_by_role("button", name="Godkend referatet"))
    expect(run.get_by_role("button", name="Godkend referatet")).to_have_count(0)
    assert BankItem.objects.filter(title=LESSON, kind=ItemKind.LESSON, listed=True).exists()
    assert not BankItem.objects.filter(title=LOCAL_LESSON).exists()

    # Hjemmeplejen Syd: the leader searches with other word forms, and the lesson comes first.
    south = page_as("leder-syd")
    south.goto("/")
    south.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Erfaringsbank").click()
    south.wait_for_url("**/erfaringsbank/")
    assert_accessible(south, "leder-syd")
    south.get_by_label("Søgetekst").fill(SEARCH)
    press(south, south.get_by_role("button", name="Søg", exact=True))
    hits = south.locator("main").get_by_role("link", name=re.compile("^Dokumentationen bliver kortere"))
    expect(hits).to_have_count(1)
    first_hit = south.locator("main li, main article, main section.samskab-card").filter(has_text=LESSON).first
    expect(first_hit.locator("mark").first).to_be_visible()
    marked = [text.lower() for text in first_hit.locator("mark").all_inner_texts()]
    assert "dokumentationen" in marked and "skabelon" in marked
    assert_accessible(south, "leder-syd")

    # She may not see Hjemmeplejen Nord's forløb: the item names the unit and whom to ask.
    press(south, hits.first)
    expect(south.get_by_role("heading", level=1)).to_have_text(LESSON)
    expect(south.locator("main")).to_contain_text("Hjemmeplejen Nord")
    expect(south.locator("main")).to_contain_text("Karin Kofoed")
    expect(south.locator(f'main a[href="{live_world.process.get_absolute_url()}"]')).to_have_count(0)
    expect(south.get_by_role("link", name="Læs det godkendte referat fra workshoppen")).to_have_count(0)
    expect(south.locator("#spread")).to_have_count(0)  # not used anywhere yet: nothing said
    assert_accessible(south, "leder-syd")

    # Brug hos os: the lesson becomes a challenge with a solution draft in her own forløb.
    south_process = Process.objects.get(title=SOUTH)
    adopt = form_with(south, "Brug hos os")
    adopt.get_by_label("Brug i forløbet").select_option(label=f"{SOUTH} (Hjemmeplejen Syd)")
    press(south, adopt.get_by_role("button", name="Brug hos os"))
    solution = Solution.objects.get(challenge__process=south_process, adoptions__item__title=LESSON)
    assert south.url.endswith(solution.get_absolute_url())
    expect(south.locator("#bank-origin")).to_contain_text(LESSON)
    expect(south.locator("#bank-origin")).to_contain_text("Hjemmeplejen Nord")
    assert_accessible(south, "leder-syd")

    # The origin shows that it has spread, to the facilitator who wrote it down too.
    item = BankItem.objects.get(title=LESSON)
    run.goto(item.get_absolute_url())
    expect(run.locator("#spread")).to_contain_text("Brugt i 1 enhed")
    expect(run.locator("main")).to_contain_text("Hjemmeplejen Syd")
    assert_accessible(run, "konsulent")
    assert Adoption.objects.filter(item=item, process=south_process).count() == 1

    # The central konsulent: both forløb in the portfolio, and the same rows in its .xlsx.
    central = page_as("central")
    central.goto("/")
    central.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Portefølje").click()
    central.wait_for_url("**/portefoelje/")
    table = central.locator("main table").filter(has_text=NORTH)
    for title in (NORTH, SOUTH):
        expect(table.get_by_role("link", name=title, exact=True)).to_have_count(1)
    assert_accessible(central, "central")
    with central.expect_download() as downloading:
        central.get_by_role("link", name=re.compile("Excel")).click()
    workbook = load_workbook(BytesIO(open(downloading.value.path(), "rb").read()), read_only=True)
    titles = {cell for row in workbook.worksheets[0].iter_rows(values_only=True) for cell in row}
    assert {NORTH, SOUTH} <= titles

