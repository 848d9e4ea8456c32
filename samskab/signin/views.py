"""Single sign-on: SAML (the Context Handler) and OIDC (Entra ID, Keycloak), begun per municipality."""

from django.conf import settings
from django.contrib.auth import login, logout
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from samskab.core.redirects import safe_next
from samskab.signin import flows, oidc, saml, services
from samskab.signin.backends import FEDERATED_BACKEND
from samskab.signin.errors import SignInRefused
from samskab.signin.models import SignInSettings

SAML_SESSION = "signin_saml"
OIDC_PENDING = "signin_oidc"


def _next_url(request, candidate: str) -> str:
    return safe_next(request, candidate, reverse(settings.LOGIN_REDIRECT_URL))


def _settings_for(slug: str) -> SignInSettings:
    return get_object_or_404(SignInSettings.objects.select_related("organisation"), organisation__slug=slug)


def refused(request, refusal: SignInRefused) -> HttpResponse:
    return render(request, "signin/refused.html", {"message": refusal.message}, status=403)


@require_GET
def saml_metadata(request) -> HttpResponse:
    """The service provider's metadata, at a stable address (also its entity ID)."""
    if not saml.is_configured():
        raise Http404
    return HttpResponse(saml.metadata_xml(), content_type="application/samlmetadata+xml")


@require_GET
def saml_login(request, slug: str) -> HttpResponse:
    sign_in = _settings_for(slug)
    if not (saml.is_configured() and sign_in.has_saml):
        raise Http404
    auth = saml.auth_for(request, sign_in)
    url = auth.login()
    services.saml_request_record(
        request_id=auth.get_last_request_id(),
        organisation=sign_in.organisation,
        next_url=_next_url(request, request.GET.get("next", "")),
    )
    return redirect(url)


@csrf_exempt  # POSTed by the identity provider's page; the signed answer and our request's ID protect it
@require_POST
def saml_acs(request) -> HttpResponse:
    if not saml.is_configured():
        raise Http404
    try:
        user, answer, pending = flows.saml_sign_in(request)
    except SignInRefused as refusal:
        return refused(request, refusal)
    login(request, user, backend=FEDERATED_BACKEND)
    request.session[SAML_SESSION] = {
        "organisation": pending.organisation_id,
        "name_id": answer.name_id,
        "session_index": answer.session_index,
    }
    return redirect(_next_url(request, pending.next_url))


@require_POST
def saml_logout(request) -> HttpResponse:
    """Log out here and at the identity provider (single logout), or only here for other sessions."""
    signed_in = request.session.get(SAML_SESSION)
    sign_in = SignInSettings.objects.filter(organisation_id=signed_in["organisation"]).first() if signed_in else None
    logout(request)
    if not (sign_in and sign_in.has_saml and saml.is_configured()):
        return redirect(settings.LOGOUT_REDIRECT_URL)
    auth = saml.auth_for(request, sign_in)
    return redirect(
        auth.logout(
            return_to=settings.SITE_URL.rstrip("/") + reverse(settings.LOGOUT_REDIRECT_URL),
            name_id=signed_in["name_id"],
            session_index=signed_in["session_index"],
            name_id_format=saml.PERSISTENT,
        )
    )


@require_GET
def saml_slo(request) -> HttpResponse:
    """The identity provider's LogoutRequest (log out here, answer it) or its LogoutResponse to ours."""
    signed_in = request.session.get(SAML_SESSION)
    sign_in = SignInSettings.objects.filter(organisation_id=signed_in["organisation"]).first() if signed_in else None
    if sign_in is None or not sign_in.has_saml or not saml.is_configured():
        logout(request)
        return redirect(settings.LOGOUT_REDIRECT_URL)
    auth = saml.auth_for(request, sign_in)
    asked = request.GET.get("SAMLRequest")
    # A LogoutRequest for somebody else (an older session in this browser) leaves this one alone.
    other_person = bool(asked) and saml.logout_request_name_id(sign_in, asked) != signed_in["name_id"]
    url = auth.process_slo(keep_local_session=other_person, delete_session_cb=lambda: logout(request))
    if auth.get_errors():
        logout(request)
        return refused(request, SignInRefused(_("The logout at the identity provider could not be completed. You are logged out of Samskab."), auth.get_last_error_reason() or ""))
    return redirect(url or reverse(settings.LOGOUT_REDIRECT_URL))


@require_GET
def oidc_login(request, slug: str) -> HttpResponse:
    sign_in = _settings_for(slug)
    if not sign_in.has_oidc:
        raise Http404
    try:
        url, pending = oidc.start(sign_in)
    except SignInRefused as refusal:
        return refused(request, refusal)
    pending["next"] = _next_url(request, request.GET.get("next", ""))
    request.session[OIDC_PENDING] = pending
    return redirect(url)


@require_GET
def oidc_callback(request) -> HttpResponse:
    pending = request.session.pop(OIDC_PENDING, None)
    try:
        user = flows.oidc_sign_in(request, pending)
    except SignInRefused as refusal:
        return refused(request, refusal)
    login(request, user, backend=FEDERATED_BACKEND)
    return redirect(_next_url(request, pending.get("next", "")))
