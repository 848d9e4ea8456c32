"""Sign-in's pages for the page registry: single sign-on (the demo has none set up, so most are not
found) and the municipality's sign-in settings and role mapping in its administration."""

from tests.pages.naming import reverse
from tests.pages.page import PUBLIC, Page

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


PAGES: list[Page] = [
    # Single sign-on. The demo has none set up: its starting points and the SAML metadata are not
    # found, and an OIDC answer without a sign-in under way is refused (403).
    Page("saml_metadata", lambda w: reverse("signin:saml_metadata"), audience=PUBLIC, ok=404, html=False),
    Page("saml_login", login_url("saml_login"), audience=PUBLIC, ok=404),
    Page("saml_acs", lambda w: reverse("signin:saml_acs"), audience=PUBLIC, method="POST", ok=404),
    Page("saml_slo", lambda w: reverse("signin:saml_slo"), audience=PUBLIC, ok=302),
    Page("saml_logout", lambda w: reverse("signin:saml_logout"), audience=PUBLIC, method="POST", ok=302),
    Page("oidc_login", login_url("oidc_login"), audience=PUBLIC, ok=404),
    Page("oidc_callback", lambda w: reverse("signin:oidc_callback"), audience=PUBLIC, ok=403),
    # The municipality's sign-in settings and role mapping: its administrator only.
    Page(
        "sign_in_settings",
        lambda w: reverse("signin:sign_in_settings"),
        audience=frozenset({"central"}),
        seen_by=frozenset(),
        invalid={"oidc_issuer": "not an address", "local_passwords": "on"},
    ),
    Page(
        "role_mappings",
        lambda w: reverse("signin:role_mappings"),
        audience=frozenset({"central"}),
        seen_by=frozenset(),
        invalid={"value": "", "role": "leder"},
    ),
    Page(
        "role_mapping_remove",
        role_mapping_url,
        audience=frozenset({"central"}),
        seen_by=frozenset(),
        method="POST",
        destructive=True,
    ),
]
