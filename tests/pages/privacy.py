"""URLs of the personal-data pages, for the page registry."""

from django.urls import reverse

from samskab.accounts.models import User


def erase_url(world) -> str:
    person = User.objects.get(organisation=world.organisation, username="medarbejder")
    return reverse("privacy_erase", args=[person.pk])
