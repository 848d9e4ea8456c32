"""URLs of the municipality's administration pages, for the page registry."""

from collections.abc import Callable

from tests.pages.naming import reverse

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
