"""Every page of the app, who may open it, and how to show it with errors.

Two tests walk this registry: tests/test_access_walk.py opens every page as every demo
persona and checks the status each gets; tests/browser/test_axe_walk.py runs axe-core on
every page (and its error state) at desktop and phone width.

Each app's entries are in its own module here (tests/pages/<app>.py), with the URLs of the demo
objects they need: a new URL pattern must be added to one of them, or tests/test_page_registry.py
fails. What a page is and who may open it is in tests/pages/page.py. PAGES keeps the order the
axe walk cuts its groups by.
"""

from tests.pages import (
    accounts,
    actionplan,
    administration,
    anchoring,
    audit,
    bank,
    communication,
    comparison,
    decisions,
    ideas,
    network,
    organisations,
    portfolio,
    privacy,
    processes,
    reports,
    signin,
    workshops,
)
from tests.pages.page import ACCESS_LEVELS, ANONYMOUS, LOGGED_IN, OUTSIDERS, READERS, Page, World  # noqa: F401  (the walks import them from here)

PAGES: list[Page] = [
    # Public by design: log-in, password reset, privacy, accessibility statement.
    *accounts.LOGIN_PAGES,
    *privacy.STATEMENT_PAGES,
    *organisations.PAGES,
    *processes.PAGES,
    *anchoring.PAGES,
    *decisions.PAGES,
    *communication.PAGES,
    *actionplan.PAGES,
    *comparison.PAGES,
    *reports.PAGES,
    *workshops.PAGES,
    *bank.PAGES,
    *portfolio.PAGES,
    *ideas.PAGES,
    *network.PAGES,
    *signin.PAGES,
    *administration.PAGES,
    *privacy.DATA_PAGES,
    *audit.PAGES,
    *accounts.ACCOUNT_PAGES,
]

BY_NAME: dict[str, Page] = {page.name: page for page in PAGES}
