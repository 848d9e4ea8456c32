"""The central konsulent turns a transfer idea into a new forløb, in the browser.

The demo's finished forløb at Børnehuset Solsikken has an approved referat whose transfer board
holds a card in the column "new workflows or challenges we could take on": it is on the list of
ideas. The central konsulent opens the list from the menu, starts a forløb from the idea at
Hjemmeplejen Syd, and the new forløb says where it came from. Every page passes axe.
"""

import pytest
from playwright.sync_api import expect

from samskab.ideas.models import Idea, IdeaStatus
from samskab.processes.models import Process
from tests.browser.conftest import axe_violations, describe, violations_at_both_widths

pytestmark = pytest.mark.browser

IDEA = "Madordningens bestillinger"
TITLE = "Madbestillinger uden tre led"


def _accessible(tab) -> None:
    violations = axe_violations(tab)
    assert not violations, f"{tab.url}\n{describe(violations)}"


def test_the_central_konsulent_starts_a_process_from_a_transfer_idea(page_as):
    tab = page_as("central")
    tab.goto("/")
    tab.locator('nav a[href="/ideer/"]').click()
    tab.wait_for_url("**/ideer/")
    idea = tab.locator("section.samskab-card", has_text=IDEA)
    expect(idea).to_have_count(1)
    expect(idea).to_contain_text("Børnehuset Solsikken")
    _accessible(tab)

    idea.locator('a[href$="/start-forloeb/"]').click()
    tab.wait_for_url("**/start-forloeb/")
    form = tab.locator("main form")
    assert IDEA in form.locator("[name=purpose]").input_value()
    assert IDEA in form.locator("[name=title]").input_value()
    _accessible(tab)
    form.locator("[name=unit]").select_option(label="Hjemmeplejen Syd")
    form.locator("[name=title]").fill(TITLE)
    with tab.expect_navigation():
        form.locator("[type=submit]").click()

    process = Process.objects.get(title=TITLE)
    assert tab.url.endswith(process.get_absolute_url())
    started_from = tab.locator(".samskab-started-from")
    expect(started_from).to_contain_text("Børnehuset Solsikken")
    expect(started_from).to_contain_text(IDEA)
    _accessible(tab)
    idea_record = Idea.objects.get(text__startswith=IDEA)
    assert idea_record.status == IdeaStatus.STARTED and idea_record.started_process == process

    tab.goto("/ideer/")
    idea = tab.locator("section.samskab-card", has_text=IDEA)
    expect(idea.locator(f'a[href="{process.get_absolute_url()}"]')).to_have_count(1)
    expect(idea.locator('a[href$="/start-forloeb/"]')).to_have_count(0)
    found = violations_at_both_widths(tab)  # the list as it is now, at 1280 px and resized to 375 px
    assert not found, f"{tab.url}\n{found}"
