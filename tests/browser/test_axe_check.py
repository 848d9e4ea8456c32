"""The axe check itself (tests/browser/conftest.py) finds what it should: on a page loaded after axe came
with the context's init script, and at both widths."""

import pytest

from tests.browser.conftest import DESKTOP, axe_violations, violations_at_both_widths

pytestmark = pytest.mark.browser

BROKEN = "<img src='/static/samskab-missing.png'><button></button>"


def test_the_check_finds_violations_on_a_later_page_at_both_widths(page_as):
    tab = page_as("konsulent")
    tab.goto("/")
    assert axe_violations(tab) == []  # the context's first check: axe sent in, and kept as an init script
    tab.goto("/")
    assert tab.evaluate("() => typeof window.axe") == "object"  # there before the check asks for it
    tab.evaluate("html => document.querySelector('main').insertAdjacentHTML('beforeend', html)", BROKEN)
    assert {violation.rule for violation in axe_violations(tab)} == {"image-alt", "button-name"}
    desktop, phone = violations_at_both_widths(tab).split("at 375 px:\n")
    assert desktop.startswith("at 1280 px:\n"), desktop
    for shown in (desktop, phone):
        assert "image-alt" in shown and "button-name" in shown, shown
    assert tab.viewport_size["width"] == DESKTOP  # back at its width
