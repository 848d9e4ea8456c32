"""Sign-in through KOMBIT's Context Handler (SAML, OIOSAML 3.0), against the in-suite IdP (tests/idp/saml.py)."""

import uuid
from datetime import datetime, timedelta, timezone

import pytest
from django.conf import settings
from django.urls import reverse

from samskab.accounts.models import User
from samskab.demo.kommune import DEMO_SLUG
from samskab.organisations.models import Membership, Organisation, Role, Unit
from samskab.signin.models import ExternalIdentity, GrantedMembership, RoleMapping, SignInSettings
from tests.idp import saml as idp
from tests.idp.keys import key_pair

CVR = "29189129"
NORTH_UUID = uuid.UUID("6d0b3d52-3b7c-4b5a-9a55-000000000001")
SOUTH_UUID = uuid.UUID("6d0b3d52-3b7c-4b5a-9a55-000000000002")
PERSON_UUID = "0b8b1c9e-5d7c-4a1e-8f55-1234567890ab"
LEADER = idp.PRIVILEGE_PREFIX + "leder/1"


@pytest.fixture
def context_handler(demo, settings):
    """Demo Kommune connected to the in-suite Context Handler, with a role mapping for leaders."""
    sp = key_pair("Samskab service provider (test)")
    settings.SAML_SP_KEY = sp.key_pem
    settings.SAML_SP_CERT = sp.cert_pem
    organisation = Organisation.objects.get(slug=DEMO_SLUG)
    organisation.cvr = CVR
    organisation.save()
    SignInSettings.objects.create(
        organisation=organisation, saml_idp_metadata=idp.metadata(), saml_idp_entity_id=idp.ENTITY_ID
    )
    Unit.objects.filter(organisation=organisation, name="Hjemmeplejen Nord").update(source_uuid=NORTH_UUID)
    Unit.objects.filter(organisation=organisation, name="Hjemmeplejen Syd").update(source_uuid=SOUTH_UUID)
    RoleMapping.objects.create(organisation=organisation, value=LEADER, role=Role.LEADER)
    return organisation


def start(client, next_url: str = "") -> tuple:
    """Begin the sign-in: Samskab's signed AuthnRequest, redirected to the IdP."""
    url = reverse("signin:saml_login", args=[DEMO_SLUG]) + (f"?next={next_url}" if next_url else "")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(idp.SSO_URL)
    return idp.authn_request(response["Location"])


def answer(request, **changes) -> idp.Answer:
    sp = settings.SITE_URL.rstrip("/")
    fields = {
        "request_id": request.get("ID"),
        "acs_url": sp + reverse("signin:saml_acs"),
        "audience": sp + reverse("signin:saml_metadata"),
        "sp_encryption_cert": settings.SAML_SP_CERT,
        "cvr": CVR,
        "person_uuid": PERSON_UUID,
        "privileges": idp.privileges(CVR, [("leder", [str(NORTH_UUID)])]),
    }
    return idp.Answer(**{**fields, **changes})


def post(client, spoken: idp.Answer):
    return client.post(reverse("signin:saml_acs"), {"SAMLResponse": idp.response(spoken)})


def signed_in_as(client):
    return User.objects.filter(pk=client.session.get("_auth_user_id")).first()


def test_the_metadata_offers_signing_and_encryption_certificates_and_asks_for_oiosaml_attributes(context_handler, client):
    response = client.get(reverse("signin:saml_metadata"))
    assert response.status_code == 200
    xml = response.content.decode()
    assert 'use="signing"' in xml and 'use="encryption"' in xml
    assert "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent" in xml
    assert 'Name="https://data.gov.dk/model/core/eid/privilegesIntermediate"' in xml
    assert 'NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"' in xml
    assert f'entityID="{settings.SITE_URL.rstrip("/")}/saml/metadata/"' in xml
    assert "validUntil" not in xml  # uploaded once to KOMBIT: it must not expire


def test_the_authn_request_is_signed_and_asks_for_substantial_and_a_professional(context_handler, client):
    request, query = start(client)
    assert query["SigAlg"] == "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256" and query["Signature"]
    requested = request.find("{urn:oasis:names:tc:SAML:2.0:protocol}RequestedAuthnContext")
    assert requested.get("Comparison") == "minimum"
    refs = [ref.text for ref in requested]
    assert "https://data.gov.dk/concept/core/nsis/loa/Substantial" in refs
    assert "https://data.gov.dk/eid/Professional" in refs


def test_a_leader_signs_in_and_gets_the_role_at_the_unit_the_constraint_names(context_handler, client):
    request, _query = start(client)
    response = post(client, answer(request))
    assert response.status_code == 302, response.content.decode()[:2000]
    user = signed_in_as(client)
    assert user.organisation == context_handler
    assert (user.first_name, user.last_name, user.email) == ("Lene", "Leder", "lene.leder@kommune.test")
    assert str(user.source_uuid) == PERSON_UUID
    assert set(user.memberships.values_list("unit__name", "role")) == {("Hjemmeplejen Nord", Role.LEADER)}
    assert ExternalIdentity.objects.filter(user=user, kind="saml").exists()


def test_roles_follow_the_identity_provider_at_every_sign_in_and_local_ones_stay(context_handler, client):
    request, _query = start(client)
    post(client, answer(request))
    user = signed_in_as(client)
    south = Unit.objects.get(source_uuid=SOUTH_UUID)
    Membership.objects.create(user=user, unit=south, role=Role.EMPLOYEE)  # given in Samskab
    client.logout()
    request, _query = start(client)
    post(client, answer(request, privileges=idp.privileges(CVR, [("leder", [str(SOUTH_UUID)])])))
    assert signed_in_as(client) == user
    assert set(user.memberships.values_list("unit__name", "role")) == {
        ("Hjemmeplejen Syd", Role.LEADER),
        ("Hjemmeplejen Syd", Role.EMPLOYEE),
    }
    assert GrantedMembership.objects.filter(membership__user=user).count() == 1


def test_a_person_the_sync_made_is_found_by_their_uuid(context_handler, client, personas):
    leder = personas["leder"]
    leder.source_uuid = uuid.UUID(PERSON_UUID)
    leder.save()
    request, _query = start(client)
    post(client, answer(request))
    assert signed_in_as(client) == leder


def test_sign_in_goes_to_the_page_asked_for(context_handler, client):
    request, _query = start(client, next_url="/mine-handlinger/")
    response = post(client, answer(request))
    assert response["Location"] == "/mine-handlinger/"


def _assert_refused(response, words: str) -> None:
    assert response.status_code == 403
    text = response.content.decode()
    assert words in text, text[:3000]
    assert not User.objects.filter(source_uuid=PERSON_UUID).exists()
    assert not ExternalIdentity.objects.exists()
    assert not GrantedMembership.objects.exists()


def test_a_replayed_answer_is_refused(context_handler, client):
    request, _query = start(client)
    encoded = idp.response(answer(request))
    assert client.post(reverse("signin:saml_acs"), {"SAMLResponse": encoded}).status_code == 302
    client.logout()
    response = client.post(reverse("signin:saml_acs"), {"SAMLResponse": encoded})
    assert response.status_code == 403
    assert "er allerede brugt" in response.content.decode()


def test_an_expired_answer_is_refused(context_handler, client):
    request, _query = start(client)
    long_ago = datetime.now(timezone.utc) - timedelta(minutes=10)
    _assert_refused(post(client, answer(request, issued=long_ago)), "udløbet")


def test_an_unsigned_answer_is_refused(context_handler, client):
    request, _query = start(client)
    _assert_refused(post(client, answer(request, sign=False)), "ikke signeret")


def test_an_answer_signed_with_another_key_is_refused(context_handler, client):
    request, _query = start(client)
    _assert_refused(post(client, answer(request, signed_by=key_pair("Somebody else"))), "ikke signeret")


def test_an_answer_for_another_service_is_refused(context_handler, client):
    request, _query = start(client)
    _assert_refused(post(client, answer(request, audience="https://other.example/saml")), "ikke til Samskab")


def test_an_unencrypted_answer_is_refused(context_handler, client):
    request, _query = start(client)
    _assert_refused(post(client, answer(request, encrypt=False)), "kunne ikke læses")


def test_a_too_low_assurance_level_is_refused(context_handler, client):
    request, _query = start(client)
    _assert_refused(post(client, answer(request, loa="Low")), "sikringsniveau")


def test_an_unknown_cvr_is_refused(context_handler, client):
    request, _query = start(client)
    spoken = answer(request, cvr="11111111", privileges=idp.privileges("11111111", [("leder", [str(NORTH_UUID)])]))
    _assert_refused(post(client, spoken), "11111111")


def test_no_privilege_for_samskab_is_refused(context_handler, client):
    request, _query = start(client)
    _assert_refused(post(client, answer(request, privileges=idp.privileges(CVR, [("kontorchef", [str(NORTH_UUID)])]))), "ingen rolle")


def test_a_privilege_for_a_unit_samskab_does_not_know_is_refused(context_handler, client):
    request, _query = start(client)
    _assert_refused(post(client, answer(request, privileges=idp.privileges(CVR, [("leder", [str(uuid.uuid4())])]))), "ingen rolle")


def test_an_answer_to_no_request_of_ours_is_refused(context_handler, client):
    request, _query = start(client)
    _assert_refused(post(client, answer(request, request_id="_not-ours")), "hører ikke til")


def test_single_logout_starts_at_samskab_and_goes_to_the_identity_provider(context_handler, client):
    request, _query = start(client)
    post(client, answer(request))
    response = client.post(reverse("signin:saml_logout"))
    assert response.status_code == 302 and response["Location"].startswith(idp.SLO_URL)
    assert "SAMLRequest=" in response["Location"] and "Signature=" in response["Location"]
    assert signed_in_as(client) is None


def test_the_identity_providers_logout_request_logs_out(context_handler, client):
    request, _query = start(client)
    post(client, answer(request))
    name_id = client.session["signin_saml"]["name_id"]
    destination = settings.SITE_URL.rstrip("/") + reverse("signin:saml_slo")
    response = client.get(reverse("signin:saml_slo"), {"SAMLRequest": idp.logout_request(name_id, destination)})
    assert response.status_code == 302 and response["Location"].startswith(idp.SLO_URL)
    assert "SAMLResponse=" in response["Location"]
    assert signed_in_as(client) is None


def test_a_logout_request_for_somebody_else_leaves_the_session_alone(context_handler, client):
    request, _query = start(client)
    post(client, answer(request))
    destination = settings.SITE_URL.rstrip("/") + reverse("signin:saml_slo")
    response = client.get(reverse("signin:saml_slo"), {"SAMLRequest": idp.logout_request("somebody-else", destination)})
    assert response.status_code == 302
    assert signed_in_as(client) is not None


def test_an_answer_signed_with_rsa_sha256_is_accepted_too(context_handler, client):
    request, _query = start(client)
    assert post(client, answer(request, signature_algorithm=idp.RSA_SHA256)).status_code == 302
    assert signed_in_as(client) is not None
