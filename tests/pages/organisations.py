"""The organisations' page of the page registry: the accessibility statement."""

from tests.pages.naming import reverse
from tests.pages.page import PUBLIC, Page

PAGES: list[Page] = [
    Page("accessibility", lambda w: reverse("organisations:accessibility"), audience=PUBLIC),
]
