"""Every page of the registry, opened by every demo persona and by an anonymous visitor.

The expected statuses come from tests/pages/registry.py; this file only opens the pages and
compares. The last tests look at what a persona is shown, not only at what they may open.
"""

import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from tests.pages.registry import ANONYMOUS, LOGGED_IN, OUTSIDERS, PAGES, Page, World
from tests.signed_in import signed_in_client

WHO = [ANONYMOUS, *sorted(LOGGED_IN)]


@pytest.fixture
def world(demo) -> World:
    return World.build()


@pytest.fixture
def client_for(personas):
    def make(who: str) -> Client:
        return Client() if who == ANONYMOUS else signed_in_client(personas[who])

    return make


def _open(client: Client, page: Page, world: World) -> HttpResponse:
    url = page.url(world)
    if page.method == "POST":
        return client.post(url, page.invalid or {})
    return client.get(url)


def _post_invalid(client: Client, page: Page, world: World, who: str) -> HttpResponse:
    """Send the page's form with invalid data, where the page's form is (after a redirect, for some)."""
    url = page.url(world)
    if who in page.audience and page.ok == 302:
        url = client.get(url)["Location"]
    return client.post(url, page.invalid)


def _problem(page: Page, who: str, expected: int, response: HttpResponse) -> str | None:
    if response.status_code != expected:
        return f"{who}: expected {expected}, got {response.status_code}"
    if expected == 302 and who == ANONYMOUS and not page.public:
        if not response["Location"].startswith(reverse("accounts:login") + "?next="):
            return f"{who}: redirected to {response['Location']}, not to the login page"
    return None


def _shows_form_errors(response: HttpResponse) -> bool:
    """The form came back with errors, and each error is on the page."""
    form = response.context["form"]
    if not form.errors:
        return False
    page = response.content.decode()
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        messages = [str(message) for errors in form.errors.values() for message in errors]
    return all(escape(message) in page for message in messages)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_each_persona_gets_the_status_the_registry_expects(page, world, client_for):
    problems = []
    for who in WHO:
        expected = page.expected(who)
        if expected is None:
            continue
        response = _open(client_for(who), page, world)
        problems.append(_problem(page, who, expected, response))
        if page.method == "POST" and page.invalid and response.status_code == 200:
            if not _shows_form_errors(response):
                problems.append(f"{who}: the form came back without its errors")
    problems = [problem for problem in problems if problem]
    assert not problems, f"{page.name} ({page.url(world)}):\n" + "\n".join(problems)


ERROR_STATES = [page for page in PAGES if page.invalid and page.method == "GET"]


@pytest.mark.parametrize("page", ERROR_STATES, ids=lambda page: page.name)
def test_each_persona_gets_the_expected_status_when_sending_a_form_with_errors(page, world, client_for):
    problems = []
    for who in WHO:
        expected = page.expected_invalid(who)
        response = _post_invalid(client_for(who), page, world, who)
        problems.append(_problem(page, who, expected, response))
        if expected == 200 and response.status_code == 200 and not _shows_form_errors(response):
            problems.append(f"{who}: the form came back without its errors")
    problems = [problem for problem in problems if problem]
    assert not problems, f"{page.name} ({page.url(world)}), invalid data:\n" + "\n".join(problems)


def test_the_other_municipalitys_user_gets_404_on_everything_but_their_own_start_pages(world, client_for):
    client = client_for("nabo")
    opened = {}
    for page in PAGES:
        if page.public or page.audience == LOGGED_IN or "nabo" in page.audience or "nabo" in page.overrides:
            continue  # their own municipality's pages, said so in the registry
        opened[page.name] = _open(client, page, world).status_code
    assert opened and set(opened.values()) == {404}, opened


@pytest.mark.parametrize("who", sorted(OUTSIDERS))
def test_outsiders_are_shown_nothing_of_the_process_on_the_pages_they_may_open(who, world, client_for):
    client = client_for(who)
    secrets = [world.process.title, world.unit.name, world.challenge.title, world.solution.title]
    leaks = []
    for page in PAGES:
        if page.method != "GET" or not page.html or page.expected(who) != 200:
            continue
        if page.municipal and who not in ("nabo", "admin"):
            continue  # names the municipality shares, shown to its own people
        html = client.get(page.url(world)).content.decode()
        leaks += [f"{page.name}: {secret}" for secret in secrets if escape(secret) in html]
    assert not leaks


HREF = re.compile(r'href="([^"]*)"')


def _links(response: HttpResponse) -> set[str]:
    """The app's own pages linked from a page (not static files, not other sites)."""
    if not response["Content-Type"].startswith("text/html"):
        return set()
    links = set()
    for href in HREF.findall(response.content.decode()):
        parts = urlsplit(unescape(href))
        if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.startswith("/static/"):
            continue
        links.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return links


@pytest.mark.parametrize("who", sorted(LOGGED_IN))
def test_every_link_a_persona_is_shown_leads_to_a_page_they_may_open(who, world, client_for):
    """No edit buttons for readers, no links into what they may not see: crawl from the dashboard."""
    client = client_for(who)
    found_on = {reverse("processes:dashboard"): "(start)"}
    queue = [reverse("processes:dashboard")]
    dead_ends = []
    while queue:
        url = queue.pop()
        response = client.get(url)
        if response.status_code != 200:
            dead_ends.append(f"{url} ({response.status_code}), linked from {found_on[url]}")
            continue
        for link in _links(response) - found_on.keys():
            found_on[link] = url
            queue.append(link)
    assert not dead_ends
    assert len(found_on) > 3  # the crawl reached more than the dashboard and the footer
