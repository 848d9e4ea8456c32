"""Sign-in through OpenID Connect (Entra ID's shape, and Keycloak's), against the in-suite provider (tests/idp/oidc.py)."""

import uuid
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from django.urls import reverse

from samskab.accounts.models import User
from samskab.demo.kommune import DEMO_SLUG
from samskab.organisations.models import Organisation, Role, Unit
from samskab.signin.models import ExternalIdentity, GrantedMembership, RoleMapping, SignInSettings
from tests.idp import oidc as idp

NORTH_UUID = uuid.UUID("6d0b3d52-3b7c-4b5a-9a55-000000000001")
SECRET_VARIABLE = "SAMSKAB_OIDC_SECRET_DEMO_KOMMUNE"


@pytest.fixture(scope="module")
def provider():
    provider = idp.OidcProvider()
    yield provider
    provider.stop()


@pytest.fixture
def entra(demo, provider, monkeypatch):
    """Demo Kommune connected to the in-suite Entra ID; its app role Samskab.Leder makes a leader of Hjemmeplejen Nord."""
    monkeypatch.setenv(SECRET_VARIABLE, idp.CLIENT_SECRET)
    organisation = Organisation.objects.get(slug=DEMO_SLUG)
    SignInSettings.objects.create(organisation=organisation, oidc_issuer=provider.issuer, oidc_client_id=idp.CLIENT_ID)
    north = Unit.objects.get(organisation=organisation, name="Hjemmeplejen Nord")
    RoleMapping.objects.create(organisation=organisation, value="Samskab.Leder", role=Role.LEADER, unit=north)
    provider.sign_in_next(roles=["Samskab.Leder"])
    return organisation


def sign_in(client):
    """Begin at Samskab, let the provider sign in at once, and bring its answer back."""
    start = client.get(reverse("signin:oidc_login", args=[DEMO_SLUG]))
    assert start.status_code == 302, start.content[:500]
    answer = httpx.get(start["Location"], follow_redirects=False)
    assert answer.status_code == 302
    back = urlsplit(answer.headers["Location"])
    return client.get(back.path, parse_qs(back.query))


def signed_in_as(client):
    return User.objects.filter(pk=client.session.get("_auth_user_id")).first()


def test_the_request_uses_pkce_and_asks_for_an_id_token(entra, client):
    start = client.get(reverse("signin:oidc_login", args=[DEMO_SLUG]))
    query = {name: values[0] for name, values in parse_qs(urlsplit(start["Location"]).query).items()}
    assert query["response_type"] == "code" and "openid" in query["scope"].split()
    assert query["code_challenge_method"] == "S256" and len(query["code_challenge"]) == 43
    assert query["client_id"] == idp.CLIENT_ID and query["nonce"] and query["state"]


def test_an_entra_app_role_makes_a_leader_of_the_mapped_unit(entra, client):
    response = sign_in(client)
    assert response.status_code == 302 and response["Location"] == reverse("processes:dashboard")
    user = signed_in_as(client)
    assert user.organisation == entra and user.email == "lene.leder@kommune.test"
    assert set(user.memberships.values_list("unit__name", "role")) == {("Hjemmeplejen Nord", Role.LEADER)}
    assert ExternalIdentity.objects.get(user=user).kind == "oidc"


def test_the_same_person_signs_in_again_and_loses_a_role_the_provider_took_away(entra, provider, client):
    sign_in(client)
    user = signed_in_as(client)
    RoleMapping.objects.create(organisation=entra, value="Samskab.Konsulent", role=Role.CONSULTANT, unit=None)
    RoleMapping.objects.create(
        organisation=entra, value="Samskab.Konsulent", role=Role.CONSULTANT, unit=Unit.objects.get(name="Hjemmeplejen Syd")
    )
    client.logout()
    provider.sign_in_next(roles=["Samskab.Konsulent"])
    sign_in(client)
    assert signed_in_as(client) == user
    assert set(user.memberships.values_list("unit__name", "role")) == {("Hjemmeplejen Syd", Role.CONSULTANT)}


def test_keycloak_realm_roles_and_a_unit_claim_give_the_role_at_the_named_unit(entra, provider, client):
    SignInSettings.objects.filter(organisation=entra).update(oidc_roles_claim="realm_access.roles", oidc_unit_claim="enheder")
    Unit.objects.filter(name="Hjemmeplejen Nord").update(source_uuid=NORTH_UUID)
    RoleMapping.objects.create(organisation=entra, value="medarbejder", role=Role.EMPLOYEE, unit=None)
    provider.sign_in_next(realm_access={"roles": ["medarbejder", "offline_access"]}, enheder=[str(NORTH_UUID)])
    sign_in(client)
    user = signed_in_as(client)
    assert set(user.memberships.values_list("unit__name", "role")) == {("Hjemmeplejen Nord", Role.EMPLOYEE)}


def test_groups_past_the_overage_limit_are_not_read(entra, provider, client):
    """Entra leaves the groups out past 200 and points elsewhere; Samskab reads app roles only."""
    RoleMapping.objects.create(organisation=entra, value="a-group-id", role=Role.CONSULTANT, unit=None)
    provider.sign_in_next(
        roles=["Samskab.Leder"],
        _claim_names={"groups": "src1"},
        _claim_sources={"src1": {"endpoint": "https://graph.microsoft.com/v1.0/users/x/getMemberObjects"}},
    )
    sign_in(client)
    assert set(signed_in_as(client).memberships.values_list("role", flat=True)) == {Role.LEADER}


def _assert_refused(response, words: str) -> None:
    assert response.status_code == 403
    text = response.content.decode()
    assert words in text, text[:3000]
    assert not ExternalIdentity.objects.exists()
    assert not GrantedMembership.objects.exists()
    assert not User.objects.filter(email="lene.leder@kommune.test").exists()


@pytest.mark.parametrize("spoil", ["signature", "audience", "expired", "nonce", "issuer"])
def test_an_id_token_that_does_not_hold_is_refused(entra, provider, client, spoil):
    provider.spoil = {spoil}
    _assert_refused(sign_in(client), "kan ikke stole på det")


def test_no_app_role_for_samskab_is_refused(entra, provider, client):
    provider.sign_in_next(roles=["Other.App"])
    _assert_refused(sign_in(client), "ingen rolle")


def test_an_answer_with_another_state_is_refused(entra, client):
    client.get(reverse("signin:oidc_login", args=[DEMO_SLUG]))
    _assert_refused(client.get(reverse("signin:oidc_callback"), {"code": "x", "state": "forged"}), "hører ikke til")


def test_a_cancelled_sign_in_is_refused(entra, client):
    client.get(reverse("signin:oidc_login", args=[DEMO_SLUG]))
    _assert_refused(client.get(reverse("signin:oidc_callback"), {"error": "access_denied"}), "loggede dig ikke ind")


def test_a_wrong_client_secret_is_refused(entra, client, monkeypatch):
    monkeypatch.setenv(SECRET_VARIABLE, "wrong")
    _assert_refused(sign_in(client), "bekræftede ikke")


def test_a_person_whom_the_provider_no_longer_gives_a_role_is_refused_and_loses_the_roles_it_gave(entra, provider, client):
    sign_in(client)
    user = signed_in_as(client)
    client.logout()
    provider.sign_in_next(roles=["Other.App"])
    response = sign_in(client)
    assert response.status_code == 403 and signed_in_as(client) is None
    assert not user.memberships.exists()
