"""What a leader met at 1280 px: the main menu on one line, and the portfolio's last column in view."""

import pytest
from django.urls import reverse

from tests.browser.conftest import DESKTOP

pytestmark = pytest.mark.browser


def test_the_central_konsulents_menu_fits_on_one_line(page_as, live_world):
    tab = page_as("central", DESKTOP)
    tab.goto(reverse("portfolio:portfolio"))
    tops = tab.evaluate("() => [...document.querySelectorAll('.samskab-nav-list > li')].map(item => item.offsetTop)")
    assert len(tops) == 8 and len(set(tops)) == 1  # with Administration: she administers Demo Kommune


def test_the_portfolios_table_shows_its_last_column_without_scrolling(page_as, live_world):
    tab = page_as("central", DESKTOP)
    tab.goto(reverse("portfolio:portfolio"))
    wrap = tab.locator(".samskab-table-wrap:has(.samskab-wide-table)")
    scroll, client = wrap.evaluate("element => [element.scrollWidth, element.clientWidth]")
    assert scroll <= client
