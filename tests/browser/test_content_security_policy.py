"""The pages run under the Content-Security-Policy without a single violation.

The browser reports every blocked script, style, image, font, socket or form target as a
`securitypolicyviolation` event and on the console; an init script (which the policy does not
govern) records the events from the first moment of each page, and the console is watched too.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.browser.test_grouping import grouping_board  # noqa: F401  (a running workshop's board in the group phase)

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} in ${event.sourceFile}:${event.lineNumber}`);
});
"""


def watch(tab) -> list[str]:
    """Record the tab's CSP violations: from the console, and from the page's own events."""
    seen: list[str] = []
    tab.context.add_init_script(RECORD_VIOLATIONS)
    tab.on("console", lambda message: "Content Security Policy" in message.text and seen.append(message.text))
    return seen


def violations(tab, seen: list[str]) -> list[str]:
    return seen + tab.evaluate("() => window.__violations || []")


def test_the_watch_sees_what_the_policy_blocks(page_as):
    tab = page_as("konsulent")
    seen = watch(tab)
    tab.goto(reverse("processes:dashboard"))
    tab.evaluate("""() => {
        document.body.insertAdjacentHTML("beforeend", '<p id="red" style="color: red">x</p>');
        const script = document.createElement("script");
        script.textContent = "window.__ran = true";
        document.body.appendChild(script);
    }""")
    tab.wait_for_function("() => window.__violations.length >= 2")  # the style and the script, reported
    assert tab.evaluate("() => window.__ran") is None  # the inline script did not run
    found = violations(tab, seen)
    assert any("style" in item for item in found) and any("script" in item for item in found), found


def test_the_facilitators_pages_run_without_violations(page_as, live_world, grouping_board):  # noqa: F811
    workshop, board, group, cards = grouping_board
    tab = page_as("konsulent")
    seen = watch(tab)
    for url in (
        reverse("processes:dashboard"),
        live_world.process.get_absolute_url(),
        live_world.solution.get_absolute_url(),
        reverse("processes:participants", args=[live_world.process.pk]),
        reverse("actionplan:round_plan", args=[live_world.evaluation_round.pk]),
        reverse("workshops:workshop_run", args=[workshop.pk]),
        reverse("workshops:projector", args=[workshop.pk]),
        reverse("bank:bank_search"),
        reverse("network:network_ambassadors"),
    ):
        tab.goto(url)
        tab.wait_for_load_state("networkidle")
        assert violations(tab, seen) == [], url
    # A drag on the run page: grouping.js marks the drop zone, HTMX and the page swap in place.
    with tab.expect_navigation():
        tab.goto(reverse("workshops:workshop_run", args=[workshop.pk]))
    tab.locator(f"#kort-{cards[0].pk}").drag_to(tab.locator(f"#gruppe-{group.pk} h3"))
    expect(tab.locator(f"#gruppe-{group.pk} #kort-{cards[0].pk}")).to_have_count(1)
    assert violations(tab, seen) == []


def test_the_login_page_and_the_phone_width_menu_run_without_violations(page_as):
    tab = page_as("leder", PHONE)
    seen = watch(tab)
    tab.goto(reverse("processes:dashboard"))
    tab.wait_for_load_state("networkidle")
    menu = tab.locator(".js-menu-open")
    if menu.count():
        menu.first.click()  # DKFDS's script opens the mobile menu
    assert violations(tab, seen) == []
