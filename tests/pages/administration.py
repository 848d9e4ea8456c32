"""The municipality's administration pages of the page registry: its administrator only."""

from collections.abc import Callable

from tests.pages.naming import reverse
from tests.pages.page import Page, World, world_url

from samskab.organisations.models import MedCommittee, Membership

ADMINISTRATORS = frozenset({"central"})  # the demo's municipality administrator


def committee_url(world) -> str:
    committee = MedCommittee.objects.filter(unit__organisation=world.organisation).order_by("pk").first()
    return reverse("administration:administration_committee", args=[committee.pk])


def membership_url(name: str) -> Callable:
    def url(world) -> str:
        membership = Membership.objects.filter(unit=world.unit).order_by("pk").first()
        return reverse(name, args=[membership.pk])

    return url


def administrators_only(name: str, url: Callable[[World], str], **fields) -> Page:
    """A page of the municipality's own administration: its administrator only; nobody else finds it (404)."""
    return Page(name, url, audience=ADMINISTRATORS, seen_by=frozenset(), **fields)


PAGES: list[Page] = [
    administrators_only("administration", lambda w: reverse("administration:administration")),
    administrators_only("administration_units", lambda w: reverse("administration:administration_units")),
    administrators_only(
        "administration_unit_create",
        lambda w: reverse("administration:administration_unit_create"),
        invalid={"name": "", "kind": "arbejdsplads"},
    ),
    administrators_only(
        "administration_unit",
        world_url("administration_unit", "unit"),
        invalid={"name": "", "kind": "arbejdsplads"},
    ),
    administrators_only(
        "administration_membership_add",
        world_url("administration_membership_add", "unit"),
        invalid={"user": "", "role": "leder"},
    ),
    administrators_only(
        "administration_membership_remove",
        membership_url("administration_membership_remove"),
        method="POST",
        destructive=True,
    ),
    administrators_only("administration_committees", lambda w: reverse("administration:administration_committees")),
    administrators_only(
        "administration_committee_create",
        lambda w: reverse("administration:administration_committee_create"),
        invalid={"name": ""},
    ),
    administrators_only(
        "administration_committee",
        committee_url,
        invalid={"name": ""},
    ),
    administrators_only(
        "administration_settings",
        lambda w: reverse("administration:administration_settings"),
        invalid={"name": "", "cvr": "1234"},
    ),
]
