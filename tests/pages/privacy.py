"""URLs of the personal-data pages, for the page registry."""

from tests.pages.naming import reverse

from samskab.accounts.models import User


def _medarbejder(world) -> User:
    return User.objects.get(organisation=world.organisation, username="medarbejder")


def erase_url(world) -> str:
    return reverse("privacy:privacy_erase", args=[_medarbejder(world).pk])


def export_url(world) -> str:
    return reverse("privacy:privacy_person_export", args=[_medarbejder(world).pk])
