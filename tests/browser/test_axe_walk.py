"""axe-core finds no WCAG 2.1 A/AA violation on any page, at desktop and at phone width.

Every page of the registry (tests/pages/registry.py) is opened as one persona who may see it
(anonymously when it is public), and each form is also shown with its errors. Then each page is
opened again as a persona of every other access level that may see it (an editor, a participant, a
reader): a reader's view of the same page is laid out differently. Every view is checked at 1280 px
and at 375 px, and no view may load a broken stylesheet, script or image, nor break the
Content-Security-Policy.

How the walk stays cheap, with the same checks:
- The pages are split into groups of about equal work, one test each, so that pytest-xdist's
  workers share the walk evenly. A group holds every view of its pages.
- A view is loaded once and checked at the width the tab has, then the window is resized to the
  other width and it is checked again: the document stays the same as a page loaded at that width
  (`test_a_resized_page_is_the_page_loaded_at_that_width` keeps that true).
- One tab per persona for the whole module, signed in once (`sign_in`).
- axe's result depends only on the document, the style sheets and the width. A view whose document
  is the same as one already checked at that width reuses that result; "the same" leaves out what
  changes with every response (the CSRF token, a form's submission id) and the signed-in person's
  name in the header, once that person's header has been checked at that width on another page.
- The walk runs on the embedded database (SQLite) only. What axe judges is the HTML and its style,
  which do not depend on the database; CI's run on PostgreSQL renders every one of these views
  through HTTP in `tests/test_access_walk.py` and `tests/test_access.py`, and skips the walk
  (about two minutes of both cores).
"""

import hashlib
import os
import re
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Page as Tab
from django.db import connection
from playwright.sync_api import expect

from tests.pages.registry import ACCESS_LEVELS, ANONYMOUS, LOGGED_IN, PAGES, Page, World
from tests.browser.conftest import AXE_SCRIPT, DESKTOP, PHONE, Violation, axe_violations, describe, resize, sign_in

# While working on a few pages: AXE_ONLY=bank_,portfolio walks only the pages whose names start so.
ONLY = tuple(prefix for prefix in os.environ.get("AXE_ONLY", "").split(",") if prefix)

# Where a page shows errors: DKFDS's field message or the error summary.
ERRORS = ".form-error-message, .alert-error"

# About how many views one test of the walk checks (each at both widths): some 25 tests in all,
# which two workers share evenly and which each take well under the longest browser test.
VIEWS_PER_TEST = 16


@dataclass(frozen=True)
class View:
    """One page as one persona sees it, or its form with errors."""

    page: Page
    viewer: str
    errors: bool = False

    def __str__(self) -> str:
        return f"{self.page.name}{' with errors' if self.errors else ''} as {self.viewer}"


def _views(page: Page) -> list[View]:
    """What the walk checks of a page: its main viewer's view, its error state, each other level's view."""
    if not page.html or (page.method == "POST" and not page.invalid) or (ONLY and not page.name.startswith(ONLY)):
        return []
    viewer = page.viewer()
    if page.expected(viewer) in (403, 404):
        return []  # refused by design (e.g. single sign-on not set up): the refusal pages are walked below
    views = []
    if page.method == "GET":
        views.append(View(page, viewer))
    if page.invalid:
        views.append(View(page, viewer, errors=True))
    if page.method == "GET":
        for level in sorted(ACCESS_LEVELS):
            other = page.other_viewer(level)
            if other is not None and page.expected(other) not in (403, 404):
                views.append(View(page, other))
    return views


def _groups() -> list[list[View]]:
    """The registry's pages in order, cut into groups of about VIEWS_PER_TEST views."""
    groups: list[list[View]] = [[]]
    for page in PAGES:
        views = _views(page)
        if views and len(groups[-1]) + len(views) > VIEWS_PER_TEST and groups[-1]:
            groups.append([])
        groups[-1].extend(views)
    return [group for group in groups if group]


GROUPS = _groups()


def _group_id(group: list[View]) -> str:
    return f"{group[0].page.name}..{group[-1].page.name}"


@dataclass
class WalkTab:
    """A persona's tab, kept for the module, and what went wrong loading its pages."""

    tab: Tab
    broken: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def walk_tabs(browser, live_server):
    """One tab per persona for the whole module (signed in by `tab_as` in each test)."""
    tabs: dict[str, WalkTab] = {}
    yield tabs
    for walk_tab in tabs.values():
        walk_tab.tab.context.close()


@pytest.fixture
def tab_as(walk_tabs, browser, live_server, live_world):
    """tab_as("leder"): the module's tab for that persona, signed in for this test."""
    signed_in: set[str] = set()

    def open_as(username: str) -> WalkTab:
        if username not in walk_tabs:
            context = browser.new_context(base_url=live_server.url, viewport={"width": DESKTOP, "height": 900})
            context.set_default_timeout(15_000)
            walk_tabs[username] = _prepare(context.new_page())
        walk_tab = walk_tabs[username]
        if username not in signed_in:
            sign_in(walk_tab.tab, username, live_server.url)
            signed_in.add(username)
        return walk_tab

    yield open_as
    broken = [url for walk_tab in walk_tabs.values() for url in walk_tab.broken]
    for walk_tab in walk_tabs.values():
        walk_tab.broken.clear()  # reported once, by the test that loaded them
    assert not broken, "\n".join(broken)


def _prepare(tab: Tab) -> WalkTab:
    """Load axe-core with every page the tab opens, and watch for stylesheets, scripts and images
    that fail to load (axe would judge a page without them) or that the Content-Security-Policy
    blocks (the browser says so on the console)."""
    tab.context.add_init_script(path=str(AXE_SCRIPT))
    walk_tab = WalkTab(tab)
    broken = walk_tab.broken
    tab.on("console", lambda message: "Content Security Policy" in message.text and broken.append(f"{tab.url}: {message.text}"))
    tab.on("response", lambda response: response.status >= 400 and "/static/" in response.url and broken.append(response.url))
    tab.on("requestfailed", lambda request: "/static/" in request.url and broken.append(request.url))
    return walk_tab


# The document as axe judges it, without what changes with every response or names the signed-in person.
DOCUMENT = """() => {
    const copy = document.documentElement.cloneNode(true);
    for (const input of copy.querySelectorAll('[name=csrfmiddlewaretoken], [name=submission]')) input.removeAttribute('value');
    for (const element of copy.querySelectorAll('[hx-headers], [nonce]')) { element.removeAttribute('hx-headers'); element.removeAttribute('nonce'); }
    for (const name of copy.querySelectorAll('.samskab-user-name')) {
        for (const text of [...name.childNodes].filter(node => node.nodeType === Node.TEXT_NODE)) text.remove();
    }
    return copy.outerHTML;
}"""
TOKEN = re.compile(r"\b[A-Za-z0-9]{64}\b")  # a CSRF token anywhere else (a script's data)


class Checked:
    """axe's results in this test process, by width and document (see the module's docstring)."""

    def __init__(self) -> None:
        self.results: dict[tuple[int, str], list[Violation]] = {}
        self.headers: set[tuple[int, str]] = set()  # (width, persona) whose header axe has checked
        self.runs = self.reused = 0

    def violations(self, tab: Tab, viewer: str) -> list[Violation]:
        width = tab.viewport_size["width"]
        document = TOKEN.sub("", tab.evaluate(DOCUMENT))
        key = width, hashlib.sha256(document.encode()).hexdigest()
        if key in self.results and (width, viewer) in self.headers:
            self.reused += 1
            return self.results[key]
        self.runs += 1
        self.results[key] = axe_violations(tab)
        self.headers.add((width, viewer))
        return self.results[key]


CHECKED = Checked()


def _other(width: int) -> int:
    return PHONE if width == DESKTOP else DESKTOP


def _both_widths(tab: Tab, viewer: str) -> str:
    """Check what the tab shows at its width, then resized to the other; the violations, described."""
    found = []
    for step in range(2):
        if step:
            resize(tab, _other(tab.viewport_size["width"]))
        violations = CHECKED.violations(tab, viewer)
        if violations:
            found.append(f"at {tab.viewport_size['width']} px:\n{describe(violations)}")
    return "\n".join(found)


def _send_invalid(tab: Tab, page: Page) -> None:
    """Fill the page's form with the registry's invalid data and send it, as a person would."""
    fields = list(page.invalid)
    form = tab.locator(f'main form:has([name="{fields[0]}"])')
    for name, value in page.invalid.items():
        field_ = form.locator(f'[name="{name}"]')
        kind = field_.evaluate("element => element.type")
        if kind.startswith("select"):
            field_.select_option(value)
        elif kind == "file":
            field_.set_input_files([])
        elif kind == "checkbox":
            field_.set_checked(bool(value))
        else:
            field_.fill(value)
    form.locator('[type="submit"]').click()
    expect(tab.locator(ERRORS).first).to_be_visible()
    tab.wait_for_load_state()


@pytest.mark.browser
@pytest.mark.skipif(connection.vendor != "sqlite", reason="the HTML is the same on every database: walked on SQLite")
@pytest.mark.parametrize("views", GROUPS, ids=[_group_id(group) for group in GROUPS])
def test_no_view_of_a_page_has_wcag_violations(views: list[View], tab_as, live_world: World, subtests):
    for view in views:
        tab = tab_as(view.viewer).tab
        url = view.page.url(live_world)
        with subtests.test(page=view.page.name, viewer=view.viewer, errors=view.errors):
            if not view.errors or view.page.method == "POST":  # a POST's form is on the page of the same address
                response = tab.goto(url)
                assert response is not None and response.status == 200
            if view.errors:
                _send_invalid(tab, view.page)
            found = _both_widths(tab, view.viewer)
            assert not found, f"{url} ({view})\n{found}"


def _refused(status: int) -> tuple[Page, str]:
    """A page, and a persona it refuses with `status`."""
    return next(
        (page, who)
        for page in PAGES
        if page.method == "GET"
        for who in sorted(LOGGED_IN)
        if page.expected(who) == status
    )


@pytest.mark.browser
def test_the_refusal_pages_have_no_wcag_violations(tab_as, live_world: World, subtests):
    for status in (403, 404):
        page, who = _refused(status)
        with subtests.test(status=status, page=page.name, viewer=who):
            tab = tab_as(who).tab
            response = tab.goto(page.url(live_world))
            assert response is not None and response.status == status
            found = _both_widths(tab, who)
            assert not found, found
    anonymous = tab_as(ANONYMOUS).tab
    with subtests.test(status=404, viewer=ANONYMOUS):
        response = anonymous.goto("/findes-ikke/")
        assert response is not None and response.status == 404
        found = _both_widths(anonymous, ANONYMOUS)
        assert not found, found
    with subtests.test(status="403 csrf", viewer=ANONYMOUS):
        anonymous.goto("/log-ind/")
        anonymous.context.clear_cookies()  # the form was open too long: its CSRF cookie is gone
        with anonymous.expect_navigation() as navigation:
            anonymous.locator('main form [type="submit"]').click()
        assert navigation.value is not None and navigation.value.status == 403
        found = _both_widths(anonymous, ANONYMOUS)
        assert not found, found


# Pages whose scripts know the width: DKFDS's menu and header, the forløb page's tools, the run page
# and the projector (the live client).
RESIZED = ("dashboard", "process", "solution", "round", "workshop_run", "projector")


@pytest.mark.browser
@pytest.mark.parametrize("first", [DESKTOP, PHONE], ids=["narrowed", "widened"])
def test_a_resized_page_is_the_page_loaded_at_that_width(first, page_as, live_world: World):
    """The walk checks a page at the second width by resizing the window: the document must then be
    the one a page loaded at that width shows, or axe would judge another page than a phone's."""
    resized, loaded = page_as("konsulent", first), page_as("konsulent", _other(first))
    pages = [page for page in PAGES if page.name in RESIZED]
    assert len(pages) == len(RESIZED)
    for page in pages:
        url = page.url(live_world)
        resized.set_viewport_size({"width": first, "height": 900})
        resized.goto(url)
        resize(resized, _other(first))
        loaded.goto(url)
        documents = [TOKEN.sub("", tab.evaluate(DOCUMENT)) for tab in (resized, loaded)]
        assert documents[0] == documents[1], f"{page.name}: resized to {_other(first)} px is not the page loaded at that width"


@pytest.mark.browser
def test_the_live_server_serves_the_design_system(page_as, live_server):
    tab = page_as("medarbejder")
    for path in ("/static/vendor/dkfds/css/dkfds.min.css", "/static/samskab.css", "/static/vendor/htmx/htmx.min.js"):
        assert tab.request.get(live_server.url + path).status == 200, path

