"""The comparison of a forløb's rounds, in the page registry."""

from tests.pages.page import READERS, Page, world_url

PAGES: list[Page] = [
    Page("comparison", world_url("comparison", "process"), audience=READERS),
]
