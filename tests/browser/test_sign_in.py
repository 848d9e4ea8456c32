"""A leader signs in through single sign-on in a browser and sees exactly their unit's forløb.

The Context Handler answers from inside the test, on 127.0.0.1 (`tests/idp/saml.ContextHandler`:
the AuthnRequest in, an auto-posting form with the signed, encrypted answer out): not at its own
address served by Playwright, which does not intercept a request that a redirect leads to (by
design; one Chromium build happened to). The OIDC provider is the in-suite one on 127.0.0.1
(`tests/idp/oidc.OidcProvider`). Both scope the leader to Hjemmeplejen Nord.
"""

import uuid

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from samskab.demo.kommune import DEMO_SLUG
from samskab.organisations.models import Organisation, Role, Unit
from samskab.signin.models import RoleMapping, SignInSettings
from tests.browser.conftest import violations_at_both_widths
from tests.idp import oidc as oidc_idp
from tests.idp import saml as saml_idp
from tests.idp.keys import key_pair
from tests.pages.registry import ANONYMOUS

pytestmark = pytest.mark.browser

CVR = "29189129"
NORTH_UUID = uuid.UUID("6d0b3d52-3b7c-4b5a-9a55-00000000000a")
NORTH_PROCESS = "Mindre bøvl, mere tid hos borgerne"
SOUTH_PROCESS = "Færre faste skemaer"


def _signs_in_and_sees_only_north(browser, base_url: str) -> None:
    """Sign in through the municipality's button on the login page, and see Nord's forløb alone."""
    context = browser.new_context(base_url=base_url)
    tab = context.new_page()
    tab.goto(reverse("accounts:login"))
    tab.get_by_role("link", name="Log ind via Demo Kommune").click()
    tab.wait_for_url(base_url + reverse("processes:dashboard"))
    text = tab.locator("main").inner_text()
    assert NORTH_PROCESS in text
    assert SOUTH_PROCESS not in text
    context.close()


def test_a_leader_signs_in_through_the_context_handler_and_sees_their_units_forloeb(browser, live_server, live_world, settings):
    sp = key_pair("Samskab service provider (test)")
    settings.SAML_SP_KEY, settings.SAML_SP_CERT, settings.SITE_URL = sp.key_pem, sp.cert_pem, live_server.url
    acs = live_server.url + reverse("signin:saml_acs")

    def answer(request) -> saml_idp.Answer:
        return saml_idp.Answer(
            request_id=request.get("ID"),
            acs_url=acs,
            audience=live_server.url + reverse("signin:saml_metadata"),
            sp_encryption_cert=sp.cert_pem,
            cvr=CVR,
            person_uuid=str(uuid.uuid4()),
            privileges=saml_idp.privileges(CVR, [("leder", [str(NORTH_UUID)])]),
        )

    context_handler = saml_idp.ContextHandler(acs, answer)
    try:
        organisation = Organisation.objects.get(slug=DEMO_SLUG)
        organisation.cvr = CVR
        organisation.save()
        SignInSettings.objects.create(
            organisation=organisation,
            saml_idp_metadata=saml_idp.metadata(sso_url=context_handler.sso_url),
            saml_idp_entity_id=saml_idp.ENTITY_ID,
        )
        Unit.objects.filter(organisation=organisation, name="Hjemmeplejen Nord").update(source_uuid=NORTH_UUID)
        RoleMapping.objects.create(organisation=organisation, value=saml_idp.PRIVILEGE_PREFIX + "leder/1", role=Role.LEADER)
        _signs_in_and_sees_only_north(browser, live_server.url)
    finally:
        context_handler.stop()


def test_a_leader_signs_in_through_entra_id_and_sees_their_units_forloeb(browser, live_server, live_world, settings, monkeypatch):
    provider = oidc_idp.OidcProvider()
    try:
        settings.SITE_URL = live_server.url
        monkeypatch.setenv("SAMSKAB_OIDC_SECRET_DEMO_KOMMUNE", oidc_idp.CLIENT_SECRET)
        organisation = Organisation.objects.get(slug=DEMO_SLUG)
        SignInSettings.objects.create(organisation=organisation, oidc_issuer=provider.issuer, oidc_client_id=oidc_idp.CLIENT_ID)
        north = Unit.objects.get(organisation=organisation, name="Hjemmeplejen Nord")
        RoleMapping.objects.create(organisation=organisation, value="Samskab.Leder", role=Role.LEADER, unit=north)
        provider.sign_in_next(roles=["Samskab.Leder"], oid=str(uuid.uuid4()), sub="browser-test-subject")
        _signs_in_and_sees_only_north(browser, live_server.url)
    finally:
        provider.stop()


def test_the_sign_in_pages_have_no_wcag_violations(page_as, live_world, settings, live_server):
    """Each page at 1280 px and resized to 375 px (`violations_at_both_widths`)."""
    settings.SITE_URL = live_server.url
    SignInSettings.objects.create(
        organisation=live_world.organisation, oidc_issuer="https://login.example.dk/t/v2.0", oidc_client_id="abc"
    )
    RoleMapping.objects.create(organisation=live_world.organisation, value="Samskab.Leder", role=Role.LEADER, unit=live_world.unit)
    administrator = page_as("central")
    visitor = page_as(ANONYMOUS)
    shown = []
    for tab, url in [
        (administrator, reverse("signin:sign_in_settings")),
        (administrator, reverse("signin:role_mappings")),
        (visitor, reverse("accounts:login")),
        (visitor, reverse("signin:oidc_callback")),  # refused: no sign-in under way
    ]:
        tab.goto(url)
        shown.append((url, violations_at_both_widths(tab)))
    administrator.goto(reverse("signin:role_mappings"))
    with administrator.expect_navigation():
        administrator.locator("main form [type=submit]").last.click()  # nothing typed: the form comes back with its errors
    expect(administrator.locator(".form-error-message, .alert-error").first).to_be_visible()
    shown.append(("role_mappings with errors", violations_at_both_widths(administrator)))
    problems = {url: found for url, found in shown if found}
    assert not problems, problems
