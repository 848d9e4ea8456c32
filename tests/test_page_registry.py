"""The page registry (tests/pages/registry.py) knows every page, and its entries are sound."""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from tests.pages.registry import ANONYMOUS, LOGGED_IN, OUTSIDERS, PAGES, READERS, World


def _url_names(patterns, prefix: str = "") -> set[str]:
    """The names of the project's URL patterns (the route for an unnamed one), admin left out."""
    names = set()
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if pattern.app_name != "admin":
                names |= _url_names(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and not route.startswith(settings.STATIC_URL.lstrip("/")):
            names.add(pattern.name or route)
    return names


def test_every_url_pattern_is_in_the_page_registry():
    registered = {page.url_name for page in PAGES}
    missing = _url_names(get_resolver().url_patterns) - registered
    assert not missing, f"add these URL patterns to tests/pages/registry.py: {sorted(missing)}"


def test_every_registered_page_is_a_url_pattern():
    unknown = {page.url_name for page in PAGES} - _url_names(get_resolver().url_patterns)
    assert not unknown, f"no URL pattern is named {sorted(unknown)}"


def test_page_names_are_unique():
    names = [page.name for page in PAGES]
    assert len(names) == len(set(names))


def test_every_persona_is_a_reader_or_an_outsider_of_the_demo_process():
    assert READERS | OUTSIDERS == LOGGED_IN
    assert not READERS & OUTSIDERS
    assert ANONYMOUS not in LOGGED_IN


def test_every_page_url_leads_to_its_own_view(demo):
    world = World.build()
    wrong = {}
    for page in PAGES:
        url = page.url(world)
        if resolve(urlsplit(url).path).url_name != page.url_name:  # a page may carry a query string
            wrong[page.name] = url
    assert not wrong


def test_somebody_may_open_every_page():
    for page in PAGES:
        assert page.expected(page.viewer()) in (page.ok, None), page.name
