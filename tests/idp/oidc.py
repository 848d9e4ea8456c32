"""An OpenID Connect provider in the shape of Microsoft Entra ID, served from a thread on 127.0.0.1.

It serves discovery, JWKS, the authorization endpoint (which signs the next person in at once,
without a login page) and the token endpoint (which checks the PKCE verifier and the client
secret). ID tokens are signed with a test key made at test time; `spoil` makes the next one wrong
on purpose.
"""

import base64
import hashlib
import json
import secrets
import time
from urllib.parse import parse_qs, urlencode, urlsplit

from joserfc import jwt
from joserfc.jwk import RSAKey

from tests.idp.keys import key_pair
from tests.idp.local import LocalServer, QuietHandler

CLIENT_ID = "6f1c2a7e-0000-4000-8000-00000000c1e7"
CLIENT_SECRET = "test-only-secret"
TENANT = "3b0f5d1e-0000-4000-8000-0000000000aa"


class OidcProvider:
    def __init__(self) -> None:
        self.key = RSAKey.import_key(key_pair("Test Entra ID").key_pem, {"kid": "test-key", "use": "sig"})
        self.other_key = RSAKey.import_key(key_pair("Somebody else").key_pem, {"kid": "test-key", "use": "sig"})
        self.claims: dict = {}
        self.spoil: set[str] = set()
        self._codes: dict[str, dict] = {}
        provider = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                provider._get(self)

            def do_POST(self) -> None:
                provider._post(self)

        self.local = LocalServer(Handler)
        self.base = self.local.base
        self.issuer = f"{self.base}/{TENANT}/v2.0"

    def stop(self) -> None:
        self.local.stop()

    def sign_in_next(self, **claims) -> None:
        """What the next ID token says (Entra's shape, with these claims on top)."""
        self.claims = claims
        self.spoil = set()

    # --- HTTP ---

    def _send(self, handler, status: int, body: dict | None = None, location: str = "") -> None:
        handler.send_response(status)
        if location:
            handler.send_header("Location", location)
        data = json.dumps(body or {}).encode()
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def _get(self, handler) -> None:
        url = urlsplit(handler.path)
        query = {name: values[0] for name, values in parse_qs(url.query).items()}
        if url.path == f"/{TENANT}/v2.0/.well-known/openid-configuration":
            self._send(handler, 200, {
                "issuer": self.issuer,
                "authorization_endpoint": f"{self.base}/{TENANT}/oauth2/v2.0/authorize",
                "token_endpoint": f"{self.base}/{TENANT}/oauth2/v2.0/token",
                "jwks_uri": f"{self.base}/{TENANT}/discovery/v2.0/keys",
                "response_types_supported": ["code"],
                "code_challenge_methods_supported": ["S256"],
                "id_token_signing_alg_values_supported": ["RS256"],
            })
        elif url.path == f"/{TENANT}/discovery/v2.0/keys":
            self._send(handler, 200, {"keys": [self.key.as_dict(private=False)]})
        elif url.path == f"/{TENANT}/oauth2/v2.0/authorize":
            code = secrets.token_urlsafe(16)
            self._codes[code] = query
            back = {"code": code, "state": query.get("state", "")}
            self._send(handler, 302, location=f"{query['redirect_uri']}?{urlencode(back)}")
        else:
            self._send(handler, 404)

    def _post(self, handler) -> None:
        length = int(handler.headers.get("Content-Length", 0))
        form = {name: values[0] for name, values in parse_qs(handler.rfile.read(length).decode()).items()}
        asked = self._codes.pop(form.get("code", ""), None)
        challenge = base64.urlsafe_b64encode(hashlib.sha256(form.get("code_verifier", "").encode()).digest()).rstrip(b"=").decode()
        if (
            asked is None
            or asked.get("code_challenge_method") != "S256"
            or asked.get("code_challenge") != challenge
            or form.get("client_secret") != CLIENT_SECRET
            or form.get("redirect_uri") != asked.get("redirect_uri")
        ):
            self._send(handler, 400, {"error": "invalid_grant"})
            return
        self._send(handler, 200, {"token_type": "Bearer", "access_token": "opaque", "id_token": self._id_token(asked)})

    def _id_token(self, asked: dict) -> str:
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "sub": "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ",
            "oid": "00000000-0000-0000-66f3-3332eca7ea81",
            "tid": TENANT,
            "iat": now,
            "nbf": now,
            "exp": now + 3600,
            "nonce": asked.get("nonce", ""),
            "name": "Lene Leder",
            "preferred_username": "lene.leder@kommune.test",
            "ver": "2.0",
            **self.claims,
        }
        if "audience" in self.spoil:
            claims["aud"] = "another-client"
        if "expired" in self.spoil:
            claims["iat"], claims["exp"] = now - 7200, now - 3600
        if "nonce" in self.spoil:
            claims["nonce"] = "not-the-one-sent"
        if "issuer" in self.spoil:
            claims["iss"] = "https://login.microsoftonline.com/another-tenant/v2.0"
        key = self.other_key if "signature" in self.spoil else self.key
        return jwt.encode({"alg": "RS256", "kid": "test-key", "typ": "JWT"}, claims, key)
