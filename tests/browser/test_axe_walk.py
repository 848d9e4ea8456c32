"""axe-core finds no WCAG 2.1 A/AA violation on any page, at desktop and at phone width.

Every page of the registry (tests/pages/registry.py) is opened as one persona who may see it
(anonymously when it is public), and each form is also shown with its errors. Then each page is
opened again as a persona of every other access level that may see it (an editor, a participant, a
reader): a reader's view of the same page is laid out differently.
"""

import os

import pytest
from playwright.sync_api import Page as Tab
from playwright.sync_api import expect

from tests.pages.registry import ACCESS_LEVELS, ANONYMOUS, LOGGED_IN, PAGES, Page, World
from tests.browser.conftest import AXE_SCRIPT, DESKTOP, PHONE, axe_violations, describe

# While working on a few pages: AXE_ONLY=bank_,portfolio walks only the pages whose names start so.
ONLY = tuple(prefix for prefix in os.environ.get("AXE_ONLY", "").split(",") if prefix)

# Where a page shows errors: DKFDS's field message or the error summary.
ERRORS = ".form-error-message, .alert-error"


def _assert_accessible(tab: Tab, where: str = "") -> None:
    violations = axe_violations(tab)
    assert not violations, f"{where or tab.url}\n{describe(violations)}"


def _send_invalid(tab: Tab, page: Page) -> None:
    """Fill the page's form with the registry's invalid data and send it, as a person would."""
    fields = list(page.invalid)
    form = tab.locator(f'main form:has([name="{fields[0]}"])')
    for name, value in page.invalid.items():
        field = form.locator(f'[name="{name}"]')
        kind = field.evaluate("element => element.type")
        if kind.startswith("select"):
            field.select_option(value)
        elif kind == "file":
            field.set_input_files([])
        elif kind == "checkbox":
            field.set_checked(bool(value))
        else:
            field.fill(value)
    form.locator('[type="submit"]').click()
    expect(tab.locator(ERRORS).first).to_be_visible()
    tab.wait_for_load_state()


def _prepare(tab: Tab) -> list[str]:
    """Load axe-core with every page the tab opens, and watch for stylesheets, scripts and images
    that fail to load (axe would judge a page without them) or that the Content-Security-Policy
    blocks (the browser says so on the console)."""
    tab.context.add_init_script(path=str(AXE_SCRIPT))
    broken: list[str] = []
    tab.on("console", lambda message: "Content Security Policy" in message.text and broken.append(f"{tab.url}: {message.text}"))
    tab.on("response", lambda response: response.status >= 400 and "/static/" in response.url and broken.append(response.url))
    tab.on("requestfailed", lambda request: "/static/" in request.url and broken.append(request.url))
    return broken


@pytest.mark.browser
@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_page_has_wcag_violations(width, page_as, live_world: World, subtests):
    assets: dict[str, list[str]] = {}
    for page in PAGES:
        if not page.html or (page.method == "POST" and not page.invalid):
            continue
        if ONLY and not page.name.startswith(ONLY):
            continue
        viewer = page.viewer()
        if page.expected(viewer) in (403, 404):
            continue  # refused by design (e.g. single sign-on not set up): the refusal pages are walked below
        tab = page_as(viewer, width)
        if viewer not in assets:
            assets[viewer] = _prepare(tab)
        url = page.url(live_world)
        if page.method == "GET":
            with subtests.test(page=page.name, viewer=viewer):
                response = tab.goto(url)
                assert response is not None and response.status == 200
                _assert_accessible(tab, url)
        if page.invalid:
            with subtests.test(page=f"{page.name} with errors", viewer=viewer):
                if page.method == "POST":  # the form is on the page of the same address
                    tab.goto(url)
                _send_invalid(tab, page)
                _assert_accessible(tab, f"{url} with errors")
    assert not [url for broken in assets.values() for url in broken]


@pytest.mark.browser
@pytest.mark.parametrize("level", sorted(ACCESS_LEVELS))
@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_each_access_levels_view_of_a_page_has_no_wcag_violations(width, level, page_as, live_world: World, subtests):
    broken: dict[str, list[str]] = {}
    for page in PAGES:
        if not page.html or page.method != "GET" or (ONLY and not page.name.startswith(ONLY)):
            continue
        viewer = page.other_viewer(level)
        if viewer is None or page.expected(viewer) in (403, 404):
            continue
        tab = page_as(viewer, width)
        if viewer not in broken:
            broken[viewer] = _prepare(tab)
        url = page.url(live_world)
        with subtests.test(page=page.name, viewer=viewer):
            response = tab.goto(url)
            assert response is not None and response.status == 200
            _assert_accessible(tab, f"{url} as {viewer}")
    assert not [url for urls in broken.values() for url in urls]


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
@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_refusal_pages_have_no_wcag_violations(width, page_as, live_world: World, subtests):
    for status in (403, 404):
        page, who = _refused(status)
        with subtests.test(status=status, page=page.name, viewer=who):
            tab = page_as(who, width)
            response = tab.goto(page.url(live_world))
            assert response is not None and response.status == status
            _assert_accessible(tab)
    anonymous = page_as(ANONYMOUS, width)
    with subtests.test(status=404, viewer=ANONYMOUS):
        response = anonymous.goto("/findes-ikke/")
        assert response is not None and response.status == 404
        _assert_accessible(anonymous)
    with subtests.test(status="403 csrf", viewer=ANONYMOUS):
        anonymous.goto("/log-ind/")
        anonymous.context.clear_cookies()  # the form was open too long: its CSRF cookie is gone
        with anonymous.expect_navigation() as navigation:
            anonymous.locator('main form [type="submit"]').click()
        assert navigation.value is not None and navigation.value.status == 403
        _assert_accessible(anonymous)


@pytest.mark.browser
def test_the_live_server_serves_the_design_system(page_as, live_server):
    tab = page_as("medarbejder")
    for path in ("/static/vendor/dkfds/css/dkfds.min.css", "/static/samskab.css", "/static/vendor/htmx/htmx.min.js"):
        assert tab.request.get(live_server.url + path).status == 200, path
