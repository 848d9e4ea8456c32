"""The privacy pages of the page registry: the public privacy statement, and the personal-data pages."""

from tests.pages.administration import administrators_only
from tests.pages.naming import reverse
from tests.pages.page import LOGGED_IN, PUBLIC, Page, everyone_but

from samskab.accounts.models import User


def _medarbejder(world) -> User:
    return User.objects.get(organisation=world.organisation, username="medarbejder")


def erase_url(world) -> str:
    return reverse("privacy:privacy_erase", args=[_medarbejder(world).pk])


def export_url(world) -> str:
    return reverse("privacy:privacy_person_export", args=[_medarbejder(world).pk])


STATEMENT_PAGES: list[Page] = [
    Page(
        "privacy_index",
        lambda w: reverse("privacy:privacy_index"),
        audience=PUBLIC,
        overrides=everyone_but(302, keep=frozenset({"admin"})),  # on to their own municipality's page
    ),
    Page("privacy", lambda w: reverse("privacy:privacy", args=[w.organisation.slug]), audience=PUBLIC),
]

DATA_PAGES: list[Page] = [
    administrators_only(
        "privacy_retention",
        lambda w: reverse("privacy:privacy_retention"),
        invalid={"workshop_raw_months": "0", "process_years": "5", "history_months": "24", "reminder_months": "3"},
    ),
    administrators_only("privacy_people", lambda w: reverse("privacy:privacy_people")),
    administrators_only(
        "privacy_erase",
        erase_url,
        invalid={"confirm": ""},
    ),
    administrators_only("privacy_person_export", export_url, html=False),
    Page("privacy_my_data", lambda w: reverse("privacy:privacy_my_data"), audience=LOGGED_IN),
    Page("privacy_my_data_export", lambda w: reverse("privacy:privacy_my_data_export"), audience=LOGGED_IN, html=False),
]
