"""The municipality's sign-in settings and role mapping (its administration), and local passwords turned off."""

from django.urls import reverse

from samskab.demo.kommune import DEMO_PASSWORD, DEMO_SLUG
from samskab.organisations.models import Organisation, Role, Unit
from samskab.signin.models import RoleMapping, SignInSettings
from tests.helpers import html
from tests.idp import saml as idp


def test_the_administrator_connects_a_saml_identity_provider(client_as):
    response = client_as("central").post(
        reverse("signin:sign_in_settings"),
        {"local_passwords": "on", "oidc_roles_claim": "roles", "saml_idp_metadata": idp.metadata()},
    )
    assert response.status_code == 302
    settings = SignInSettings.objects.get(organisation__slug=DEMO_SLUG)
    assert settings.saml_idp_entity_id == idp.ENTITY_ID and settings.has_saml and settings.local_passwords


def test_metadata_that_cannot_be_read_is_refused_and_what_was_typed_stays(client_as):
    response = client_as("central").post(
        reverse("signin:sign_in_settings"),
        {"local_passwords": "on", "oidc_issuer": "https://login.example.dk/t/v2.0", "oidc_client_id": "abc", "saml_idp_metadata": "<nonsense/>"},
    )
    assert response.status_code == 200
    assert "kunne ikke læse disse metadata" in html(response)
    assert "https://login.example.dk/t/v2.0" in html(response) and "abc" in html(response)
    assert not SignInSettings.objects.exists()


def test_local_passwords_cannot_be_turned_off_before_single_sign_on_is_set_up(client_as):
    response = client_as("central").post(reverse("signin:sign_in_settings"), {"oidc_roles_claim": "roles"})
    assert response.status_code == 200
    assert "før du slår lokale adgangskoder fra" in html(response)


def test_the_administrator_adds_and_removes_a_role_mapping(client_as):
    client = client_as("central")
    north = Unit.objects.get(name="Hjemmeplejen Nord")
    response = client.post(reverse("signin:role_mappings"), {"value": " Samskab.Leder ", "role": Role.LEADER, "unit": north.pk})
    assert response.status_code == 302
    mapping = RoleMapping.objects.get()
    assert (mapping.value, mapping.role, mapping.unit, mapping.organisation.slug) == ("Samskab.Leder", Role.LEADER, north, DEMO_SLUG)
    assert "Samskab.Leder" in html(client.get(reverse("signin:role_mappings")))
    assert client.post(reverse("signin:role_mapping_remove", args=[mapping.pk])).status_code == 302
    assert not RoleMapping.objects.exists()


def test_a_role_mapping_of_another_municipality_is_not_found(client_as):
    other = Organisation.objects.exclude(slug=DEMO_SLUG).first()
    mapping = RoleMapping.objects.create(organisation=other, value="x", role=Role.LEADER)
    assert client_as("central").post(reverse("signin:role_mapping_remove", args=[mapping.pk])).status_code == 404
    assert RoleMapping.objects.filter(pk=mapping.pk).exists()


def test_a_unit_of_another_municipality_cannot_be_chosen(client_as):
    other_unit = Unit.objects.exclude(organisation__slug=DEMO_SLUG).first()
    response = client_as("central").post(reverse("signin:role_mappings"), {"value": "x", "role": Role.LEADER, "unit": other_unit.pk})
    assert response.status_code == 200
    assert not RoleMapping.objects.exists()


def test_people_who_do_not_administer_the_municipality_do_not_find_the_pages(client_as):
    for url in (reverse("signin:sign_in_settings"), reverse("signin:role_mappings")):
        assert client_as("leder").get(url).status_code == 404
        assert client_as("nabo").get(url).status_code == 404


def _passwords_off(demo) -> None:
    organisation = Organisation.objects.get(slug=DEMO_SLUG)
    SignInSettings.objects.create(
        organisation=organisation, local_passwords=False, saml_idp_metadata=idp.metadata(), saml_idp_entity_id=idp.ENTITY_ID,
        oidc_issuer="https://login.example.dk/t/v2.0", oidc_client_id="abc",
    )


def test_with_local_passwords_off_the_municipalitys_people_cannot_use_their_password(demo, client):
    _passwords_off(demo)
    response = client.post(reverse("accounts:login"), {"username": "leder", "password": DEMO_PASSWORD})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    response = client.post(reverse("accounts:login"), {"username": "nabo", "password": DEMO_PASSWORD})
    assert response.status_code == 302  # another municipality keeps its passwords


def test_with_local_passwords_off_the_municipalitys_login_page_offers_only_single_sign_on(demo, client):
    _passwords_off(demo)
    page = html(client.get(reverse("accounts:login") + f"?kommune={DEMO_SLUG}"))
    assert reverse("signin:oidc_login", args=[DEMO_SLUG]) in page
    assert 'name="password"' not in page
    assert 'name="password"' in html(client.get(reverse("accounts:login")))  # others still sign in with passwords


def test_the_login_page_has_no_single_sign_on_button_where_none_is_set_up(demo, client):
    page = html(client.get(reverse("accounts:login")))
    assert "/log-ind/oidc/" not in page and "/log-ind/saml/" not in page
    assert 'name="password"' in page
