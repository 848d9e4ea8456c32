"""OpenID Connect sign-in: authorization code with PKCE, for Entra ID, Keycloak and other standard providers.

Each municipality has its own provider, so the flow is written out here rather than through a
client registry made once for the whole site. ID tokens are checked with joserfc (signature
against the provider's JWKS, issuer, audience, expiry, nonce). Roles are read from the ID
token only (Entra ID puts app roles there, in `roles`), never from userinfo. Groups are not
read: Entra ID leaves them out past 200 (`_claim_names`/`hasgroups`), so a municipality maps app
roles instead.
"""

import base64
import hashlib
import os
import re
import secrets
from urllib.parse import urlencode

import httpx
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import gettext as _
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from samskab.signin.errors import SignInRefused
from samskab.signin.models import SignInSettings
from samskab.signin.roles import Grant

TIMEOUT = 10
DISCOVERY_SECONDS = 3600
ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384"]


def secret_variable(sign_in: SignInSettings) -> str:
    """SAMSKAB_OIDC_SECRET_<SHORT NAME>, e.g. SAMSKAB_OIDC_SECRET_DEMO_KOMMUNE."""
    return "SAMSKAB_OIDC_SECRET_" + re.sub(r"[^A-Z0-9]", "_", sign_in.organisation.slug.upper())


def client_secret(sign_in: SignInSettings) -> str:
    """The client secret, from the environment variable `secret_variable` (or the file its _FILE names)."""
    name = secret_variable(sign_in)
    path = os.environ.get(f"{name}_FILE")
    if path:
        with open(path) as file:
            return file.read().strip()
    return os.environ.get(name, "")


def redirect_uri() -> str:
    return settings.SITE_URL.rstrip("/") + reverse("signin:oidc_callback")


def _unavailable(error: Exception) -> SignInRefused:
    return SignInRefused(_("The identity provider could not be reached. Please try again in a moment."), str(error))


def _get_json(url: str) -> dict:
    response = httpx.get(url, timeout=TIMEOUT)
    response.raise_for_status()
    return response.json()


def discovery(issuer: str) -> dict:
    """The provider's configuration (/.well-known/openid-configuration), kept for an hour."""
    key = "oidc-discovery:" + hashlib.sha256(issuer.encode()).hexdigest()
    found = cache.get(key)
    if found is None:
        try:
            found = _get_json(issuer.rstrip("/") + "/.well-known/openid-configuration")
        except (httpx.HTTPError, ValueError) as error:
            raise _unavailable(error) from error
        cache.set(key, found, DISCOVERY_SECONDS)
    return found


def _keys(jwks_uri: str) -> KeySet:
    try:
        return KeySet.import_key_set(_get_json(jwks_uri))
    except (httpx.HTTPError, ValueError, JoseError) as error:
        raise _unavailable(error) from error


def _s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def start(sign_in: SignInSettings) -> tuple[str, dict]:
    """The provider's authorization URL, and what the session must keep until the callback."""
    config = discovery(sign_in.oidc_issuer)
    pending = {
        "organisation": sign_in.organisation_id,
        "state": secrets.token_urlsafe(32),
        "nonce": secrets.token_urlsafe(32),
        "verifier": secrets.token_urlsafe(64),
    }
    query = {
        "response_type": "code",
        "client_id": sign_in.oidc_client_id,
        "redirect_uri": redirect_uri(),
        "scope": "openid profile email",
        "state": pending["state"],
        "nonce": pending["nonce"],
        "code_challenge": _s256(pending["verifier"]),
        "code_challenge_method": "S256",
    }
    return f"{config['authorization_endpoint']}?{urlencode(query)}", pending


def id_token_claims(sign_in: SignInSettings, code: str, pending: dict) -> dict:
    """Exchange the code (with the PKCE verifier and the client secret) and return the checked ID token's claims."""
    config = discovery(sign_in.oidc_issuer)
    data = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri(),
        "client_id": sign_in.oidc_client_id,
        "code_verifier": pending["verifier"],
    }
    secret = client_secret(sign_in)
    if secret:
        data["client_secret"] = secret
    try:
        response = httpx.post(config["token_endpoint"], data=data, timeout=TIMEOUT)
        tokens = response.json()
    except (httpx.HTTPError, ValueError) as error:
        raise _unavailable(error) from error
    if response.status_code != 200 or "id_token" not in tokens:
        raise SignInRefused(_("The identity provider did not confirm the sign-in. Please sign in again."), str(tokens)[:200])
    try:
        token = jwt.decode(tokens["id_token"], _keys(config["jwks_uri"]), algorithms=ALGORITHMS)
        jwt.JWTClaimsRegistry(
            iss={"essential": True, "value": config.get("issuer", sign_in.oidc_issuer)},
            aud={"essential": True, "value": sign_in.oidc_client_id},
            nonce={"essential": True, "value": pending["nonce"]},
            sub={"essential": True},
            exp={"essential": True},
        ).validate(token.claims)
    except (JoseError, ValueError) as error:
        raise SignInRefused(
            _("The identity provider's answer could not be verified, so Samskab cannot trust it. Please sign in again."),
            str(error),
        ) from error
    return token.claims


def claim(claims: dict, path: str) -> list[str]:
    """The values of a claim as a list of strings; `path` may reach into objects: realm_access.roles."""
    value = claims
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [str(item) for item in values if isinstance(item, str | int)]


def grants(sign_in: SignInSettings, claims: dict) -> list[Grant]:
    units = tuple(claim(claims, sign_in.oidc_unit_claim)) if sign_in.oidc_unit_claim else ()
    return [Grant(value=value, unit_uuids=units) for value in claim(claims, sign_in.oidc_roles_claim or "roles")]
