"""The audit trail's pages of the page registry: the municipality's administrator only."""

from tests.pages.administration import administrators_only
from tests.pages.naming import reverse
from tests.pages.page import Page

PAGES: list[Page] = [
    administrators_only("audit_trail", lambda w: reverse("audit:audit_trail")),
    administrators_only(
        "audit_trail_export",
        lambda w: reverse("audit:audit_trail_export"),
        html=False,
    ),
]
