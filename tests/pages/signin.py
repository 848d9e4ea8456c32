"""Sign-in's pages for the page registry: single sign-on (the demo has none set up, so most are not
found) and the municipality's sign-in settings and role mapping in its administration."""

from tests.pages.naming import reverse

from samskab.demo.kommune import DEMO_SLUG
from samskab.organisations.models import Role
from samskab.signin.models import RoleMapping


def login_url(name: str):
    return lambda world: reverse(name, args=[DEMO_SLUG])


def role_mapping_url(world) -> str:
    mapping, _created = RoleMapping.objects.get_or_create(
        organisation=world.organisation, value="Samskab.Leder", role=Role.LEADER, unit=world.unit
    )
    return reverse("signin:role_mapping_remove", args=[mapping.pk])
