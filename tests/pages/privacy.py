"""URLs of the personal-data pages, for the page registry."""

from django.urls import reverse

from samskab.accounts.models import User


def _medarbejder(world) -> User:
    return User.objects.get(organisation=world.organisation, username="medarbejder")


def erase_url(world) -> str:
    return reverse("privacy_erase", args=[_medarbejder(world).pk])


def export_url(world) -> str:
    return reverse("privacy_person_export", args=[_medarbejder(world).pk])
