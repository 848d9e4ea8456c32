"""Browser tests: Debian's Chromium (its headless shell), driven by Playwright, against
pytest-django's live server.

One browser per test module (see `browser`). `page_as("konsulent")` gives a tab logged in
(`sign_in`: through the real login form the first time in a test process, then with that sign-in's
cookies and session), at 1280 px unless a width is given; a test reuses one tab per persona and
width. `axe_violations(tab)`
runs axe-core on what the tab shows. Mark browser tests with `@pytest.mark.browser`.
"""

import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from playwright.sync_api import Browser, BrowserContext, Locator, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from samskab.demo import kommune as demo
from tests.pages.registry import ANONYMOUS, World
from tests.browser.asgi_server import asgi_server  # noqa: F401  (the ASGI server fixture, for live pushes)

# Debian's chromium-headless-shell: the same Blink as Debian's chromium, without the browser's own
# user interface, which a headless browser still ran (Playwright's own headless default is the same
# shell). The suite spent a third less CPU with it (the README's Tests and benchmarks).
CHROMIUM = "/usr/bin/chromium-headless-shell"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = 1280
PHONE = 375
AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Chromium, for the tests of one module.

    While Playwright's sync API runs, its event loop counts as running in this thread, and
    Django refuses ORM calls unless DJANGO_ALLOW_ASYNC_UNSAFE is set. The tests' ORM calls
    between two browser steps are synchronous and safe. The variable is set only while the
    browser runs: for a whole session it would hide real async-safety bugs from later tests
    and reach their subprocesses (`check --deploy` fails on it).
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()


@pytest.fixture
def live_world(live_server) -> World:
    """Demo Kommune in the live server's database: there from the session's set-up, and put back
    from a snapshot after each browser test's flush (tests/conftest.py)."""
    return World.build()


def log_in(tab: Page, username: str) -> None:
    """Log in through the login form, as a person would."""
    tab.goto("/log-ind/")
    form = tab.locator("main form")
    form.locator("[name=username]").fill(username)
    form.locator("[name=password]").fill(demo.DEMO_PASSWORD)
    with tab.expect_navigation():
        form.locator("[type=submit]").click()
    assert "/log-ind/" not in tab.url, f"{username} could not log in"


# Each persona's sign-in through the form, once per test process: its cookies and its session row.
_signed_in: dict[str, tuple[list, dict]] = {}
COOKIE_KEYS = ("name", "value", "httpOnly", "secure", "sameSite")


def sign_in(tab: Page, username: str, base_url: str) -> None:
    """Sign the tab's context (on the server at `base_url`) in as `username`; ANONYMOUS stays out.

    The first time in a test process through the login form (`log_in`); after that, the context gets
    that sign-in's cookies, and its session row is put back: the flush after each browser test
    deleted it. A sign-in through the form costs three page loads (1-2 s on the busy 2-core
    machine); putting the row back costs one query. The tab stays where it is (a new one: blank).
    """
    if username == ANONYMOUS:
        return
    if username not in _signed_in:
        log_in(tab, username)
        cookies = [{key: cookie[key] for key in COOKIE_KEYS} for cookie in tab.context.cookies()]
        key = next(cookie["value"] for cookie in cookies if cookie["name"] == settings.SESSION_COOKIE_NAME)
        row = Session.objects.filter(session_key=key).values("session_key", "session_data", "expire_date").get()
        _signed_in[username] = cookies, row
        return
    cookies, row = _signed_in[username]
    Session.objects.update_or_create(session_key=row["session_key"], defaults=row)
    tab.context.add_cookies([{**cookie, "url": base_url} for cookie in cookies])


@pytest.fixture
def page_as(browser: Browser, live_server, live_world) -> Iterator[Callable[..., Page]]:
    """page_as("leder", width=375): a tab logged in as that persona (ANONYMOUS: not logged in)."""
    tabs: dict[tuple[str, int], Page] = {}

    def open_as(username: str, width: int = DESKTOP) -> Page:
        if (username, width) not in tabs:
            context = browser.new_context(
                base_url=live_server.url, viewport={"width": width, "height": 900}, accept_downloads=True
            )
            context.set_default_timeout(15_000)
            tab = context.new_page()
            sign_in(tab, username, live_server.url)
            tabs[username, width] = tab
        return tabs[username, width]

    yield open_as
    for tab in tabs.values():
        tab.context.close()


@dataclass
class Violation:
    """One axe-core rule that fails, and where."""

    rule: str
    impact: str
    help: str
    help_url: str
    nodes: list[str]

    def __str__(self) -> str:
        where = "\n".join(f"    {node}" for node in self.nodes[:5])
        more = f"\n    … and {len(self.nodes) - 5} more" if len(self.nodes) > 5 else ""
        return f"{self.rule} ({self.impact}): {self.help} <{self.help_url}>\n{where}{more}"


# What Chromium says when a click's navigation replaces the document while axe reads it.
NAVIGATING = ("Execution context was destroyed", "reading 'documentElement'", "Cannot find context")


def axe_violations(tab: Page) -> list[Violation]:
    """The WCAG 2.1 A and AA violations axe-core finds in what the tab shows now.

    A click on a link returns before the next page has loaded; when the old document goes away
    under axe, the check waits for the new one to load and runs again on it.
    """
    for attempt in range(3):
        tab.wait_for_load_state("load")
        try:
            results = _run_axe(tab)
            break
        except PlaywrightError as error:
            if attempt == 2 or not any(sign in str(error) for sign in NAVIGATING):
                raise
    return [
        Violation(
            rule=found["id"],
            impact=found["impact"] or "",
            help=found["help"],
            help_url=found["helpUrl"],
            nodes=[f"{' '.join(node['target'])}: {node['failureSummary']}".replace("\n", " ") for node in found["nodes"]],
        )
        for found in results["violations"]
    ]


# Browser contexts that load axe-core with every new document (an init script).
_axe_contexts: "weakref.WeakSet[BrowserContext]" = weakref.WeakSet()


@cache
def _axe_text() -> str:
    return AXE_SCRIPT.read_text()


def _run_axe(tab: Page) -> dict:
    """Run axe-core on the tab's document, loading it first when the document has none.

    Sending axe's 650 kB through the developer protocol and compiling it costs about half the CPU of
    its run (some 80 ms a page), so a context that needs axe once gets it as an init script: each new
    document of that context has axe from its first moment (an init script is not governed by the
    Content-Security-Policy, and the page's own scripts do not see it unless they look for `axe`).
    Contexts that never run axe load no page with it.
    """
    if not tab.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the browser's developer protocol: a <script> tag with axe's text would
        # be inline code, which the Content-Security-Policy blocks.
        tab.evaluate(_axe_text() + "\n;undefined")
        if tab.context not in _axe_contexts:
            tab.context.add_init_script(_axe_text())
            _axe_contexts.add(tab.context)
    return tab.evaluate(AXE_RUN, AXE_TAGS)


# axe-core's run, again when a part of the page was swapped (an element added or removed) while it ran:
# a live page (the run page, the projector, a phone) may swap a fragment in at any moment, and a run
# that saw half of the old part and half of the new one judged neither. Text that changes (a timer)
# does not count. Three runs at most: a page that never stops changing is judged as its last run saw it.
AXE_RUN = """async tags => {
    const swapped = records => records.some(record => [...record.addedNodes, ...record.removedNodes].some(node => node.nodeType === Node.ELEMENT_NODE));
    for (let run = 1; ; run++) {
        let changed = false;
        const watch = new MutationObserver(records => { changed = changed || swapped(records); });
        watch.observe(document, {childList: true, subtree: true});
        let results;
        try {
            results = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
        } finally {
            changed = changed || swapped(watch.takeRecords());
            watch.disconnect();
        }
        if (!changed || run === 3) return {violations: results.violations};  // not the passes and the rest (some 35 kB a page)
    }
}"""


def describe(violations: list[Violation]) -> str:
    return "\n".join(str(violation) for violation in violations)


def resize(tab: Page, width: int) -> None:
    """Resize the window, and let the page's scripts answer the resize (in the next frames)."""
    tab.set_viewport_size({"width": width, "height": tab.viewport_size["height"]})
    tab.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def violations_at_both_widths(tab: Page) -> str:
    """axe on what the tab shows at its width, then resized to the other (DESKTOP or PHONE), described;
    empty when there are none. The document stays what a page loaded at that width shows
    (tests/browser/test_axe_walk.py: test_a_resized_page_is_the_page_loaded_at_that_width), so one
    page load serves both widths. The tab is then resized back to its width, for the test's next step."""
    width = tab.viewport_size["width"]
    found = []
    for shown in (width, PHONE if width == DESKTOP else DESKTOP):
        if shown != width:
            resize(tab, shown)
        violations = axe_violations(tab)
        if violations:
            found.append(f"at {shown} px:\n{describe(violations)}")
    resize(tab, width)
    return "\n".join(found)


@pytest.fixture(name="axe_violations")
def axe_violations_fixture() -> Callable[[Page], list[Violation]]:
    return axe_violations


def press(tab: Page, button: Locator) -> None:
    """Click a button that posts a form (or a link), and wait for the page it leads to; on the run
    page, for the answer HTMX swaps in place (the page is not loaded again)."""
    if tab.locator("#run-page").count():
        swaps = tab.evaluate("() => Number(document.documentElement.dataset.runSwaps || 0)")
        button.click()
        tab.wait_for_function("before => Number(document.documentElement.dataset.runSwaps || 0) > before", arg=swaps)
        return
    with tab.expect_navigation():
        button.click()
