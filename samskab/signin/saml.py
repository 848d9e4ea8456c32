"""SAML 2.0 sign-in in the OIOSAML 3.0 profile (KOMBIT's Context Handler), with OneLogin's python3-saml.

python3-saml verifies signatures through the `xmlsec` package, whose bundled libxmlsec1 verifies
RSA-PSS (OCES3 certificates); Debian's xmlsec1 1.2 does not. Samskab is one service provider for
the installation (one entity ID, one key pair from the environment); each municipality trusts
its identity provider through the metadata in its sign-in settings.
"""

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlsplit

from django.conf import settings
from lxml import etree
from django.urls import reverse
from django.utils.translation import gettext as _
from onelogin.saml2.auth import OneLogin_Saml2_Auth
from onelogin.saml2.constants import OneLogin_Saml2_Constants as C
from onelogin.saml2.errors import OneLogin_Saml2_ValidationError as Invalid
from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser
from onelogin.saml2.logout_request import OneLogin_Saml2_Logout_Request
from onelogin.saml2.response import OneLogin_Saml2_Response
from onelogin.saml2.settings import OneLogin_Saml2_Settings
from onelogin.saml2.xml_utils import OneLogin_Saml2_XML

from samskab.signin.errors import SignInRefused
from samskab.signin.models import SignInSettings

URI = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri"
PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"
LOA_SUBSTANTIAL = "https://data.gov.dk/concept/core/nsis/loa/Substantial"
PROFESSIONAL = "https://data.gov.dk/eid/Professional"
RSA_PSS_SHA256 = "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1"


class Attribute:
    SPEC_VERSION = "https://data.gov.dk/model/core/specVersion"
    LOA = "https://data.gov.dk/concept/core/nsis/loa"
    CVR = "https://data.gov.dk/model/core/eid/professional/cvr"
    ORGANISATION_NAME = "https://data.gov.dk/model/core/eid/professional/orgName"
    UUID = "https://data.gov.dk/model/core/eid/professional/uuid/persistent"
    EMAIL = "https://data.gov.dk/model/core/eid/email"
    FIRST_NAME = "https://data.gov.dk/model/core/eid/firstName"
    LAST_NAME = "https://data.gov.dk/model/core/eid/lastName"
    PRIVILEGES = "https://data.gov.dk/model/core/eid/privilegesIntermediate"


REQUESTED = [
    (Attribute.SPEC_VERSION, "SpecVer", True),
    (Attribute.LOA, "AssuranceLevel", True),
    (Attribute.CVR, "CVR", True),
    (Attribute.UUID, "ProfessionalUUID", True),
    (Attribute.PRIVILEGES, "Privileges", True),
    (Attribute.FIRST_NAME, "FirstName", False),
    (Attribute.LAST_NAME, "LastName", False),
    (Attribute.EMAIL, "Email", False),
]
ACCEPTED_LOA = {"Substantial", "High", LOA_SUBSTANTIAL, "https://data.gov.dk/concept/core/nsis/loa/High"}


def is_configured() -> bool:
    return bool(settings.SAML_SP_KEY and settings.SAML_SP_CERT)


def _url(name: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name)


def entity_id() -> str:
    return _url("signin:saml_metadata")


def sp_settings() -> dict:
    return {
        "entityId": entity_id(),
        "assertionConsumerService": {"url": _url("signin:saml_acs"), "binding": C.BINDING_HTTP_POST},
        "singleLogoutService": {"url": _url("signin:saml_slo"), "binding": C.BINDING_HTTP_REDIRECT},
        "NameIDFormat": PERSISTENT,
        "x509cert": settings.SAML_SP_CERT,
        "privateKey": settings.SAML_SP_KEY,
        "attributeConsumingService": {
            "serviceName": "Samskab",
            "serviceDescription": "Samskab",
            "requestedAttributes": [
                {"name": name, "friendlyName": friendly, "isRequired": required, "nameFormat": URI}
                for name, friendly, required in REQUESTED
            ],
        },
    }


SECURITY = {
    "authnRequestsSigned": True,
    "logoutRequestSigned": True,
    "logoutResponseSigned": True,
    "signMetadata": False,
    "wantMessagesSigned": False,
    "wantAssertionsSigned": True,
    "wantAssertionsEncrypted": True,
    "wantNameId": True,
    "wantAttributeStatement": True,
    "requestedAuthnContext": [LOA_SUBSTANTIAL, PROFESSIONAL],
    "requestedAuthnContextComparison": "minimum",
    "failOnAuthnContextMismatch": False,
    "signatureAlgorithm": C.RSA_SHA256,
    "digestAlgorithm": C.SHA256,
    "rejectDeprecatedAlgorithm": True,
    # The metadata is uploaded once to KOMBIT's administration module: no expiry date in it.
    "metadataValidUntil": "",
    "metadataCacheDuration": "",
}


def idp_from_metadata(xml: str) -> dict:
    """The identity provider's part of the settings, read from its metadata. ValueError when unreadable."""
    try:
        parsed = OneLogin_Saml2_IdPMetadataParser.parse(xml)
    except Exception as error:  # the parser raises whatever lxml and its own checks raise
        raise ValueError(str(error)) from error
    idp = parsed.get("idp") or {}
    if not idp.get("entityId") or not idp.get("singleSignOnService", {}).get("url"):
        raise ValueError("no entity ID or single sign-on service")
    if not (idp.get("x509cert") or idp.get("x509certMulti")):
        raise ValueError("no certificate")
    return idp


def saml_settings(sign_in: SignInSettings | None) -> OneLogin_Saml2_Settings:
    data = {"strict": True, "debug": False, "sp": sp_settings(), "security": SECURITY}
    if sign_in is not None:
        data["idp"] = idp_from_metadata(sign_in.saml_idp_metadata)
    return OneLogin_Saml2_Settings(data, sp_validation_only=sign_in is None)


def metadata_xml() -> str:
    metadata = saml_settings(None).get_sp_metadata()
    return metadata.decode() if isinstance(metadata, bytes) else metadata


def request_data(request) -> dict:
    """What python3-saml needs to know of the request, with the site's public address (SITE_URL):
    behind a proxy, the address Django sees is not the one the identity provider was given."""
    site = urlsplit(settings.SITE_URL)
    return {
        "https": "on" if site.scheme == "https" else "off",
        "http_host": site.netloc,
        "script_name": request.path,
        "get_data": request.GET.copy(),
        "post_data": request.POST.copy(),
        "query_string": request.META.get("QUERY_STRING", ""),
    }


def auth_for(request, sign_in: SignInSettings) -> OneLogin_Saml2_Auth:
    return OneLogin_Saml2_Auth(request_data(request), old_settings=saml_settings(sign_in))


def logout_request_name_id(sign_in: SignInSettings, encoded: str) -> str:
    """The NameID an identity provider's LogoutRequest names ("" when unreadable)."""
    try:
        xml = OneLogin_Saml2_Logout_Request(saml_settings(sign_in), encoded).get_xml()
        return OneLogin_Saml2_Logout_Request.get_nameid(xml) or ""
    except Exception:  # python3-saml raises its own and lxml's errors on bad input
        return ""


def in_response_to(encoded: str) -> str:
    """The InResponseTo of a SAML Response, read before anything is trusted (it names our own request)."""
    try:
        document = OneLogin_Saml2_XML.to_etree(base64.b64decode(encoded))
    except (binascii.Error, ValueError, etree.LxmlError):
        return ""
    return document.get("InResponseTo", "") if document is not None else ""


@dataclass
class Answer:
    """A verified SAML answer."""

    name_id: str
    session_index: str | None
    assertion_id: str
    not_on_or_after: datetime
    attributes: dict[str, list[str]]

    def first(self, name: str) -> str:
        values = self.attributes.get(name) or [""]
        return (values[0] or "").strip()


EXPIRED = {Invalid.ASSERTION_EXPIRED, Invalid.RESPONSE_EXPIRED, Invalid.SESSION_EXPIRED, Invalid.ASSERTION_TOO_EARLY,
           Invalid.WRONG_SUBJECTCONFIRMATION}
SIGNATURE = {Invalid.NO_SIGNED_ASSERTION, Invalid.NO_SIGNATURE_FOUND, Invalid.INVALID_SIGNATURE, Invalid.NO_SIGNED_MESSAGE,
             Invalid.WRONG_NUMBER_OF_SIGNATURES, Invalid.WRONG_NUMBER_OF_SIGNATURES_IN_ASSERTION,
             Invalid.WRONG_NUMBER_OF_SIGNATURES_IN_RESPONSE, Invalid.WRONG_SIGNED_ELEMENT, Invalid.INVALID_SIGNED_ELEMENT,
             Invalid.UNEXPECTED_SIGNED_ELEMENTS, Invalid.DEPRECATED_SIGNATURE_METHOD, Invalid.DEPRECATED_DIGEST_METHOD}
AUDIENCE = {Invalid.WRONG_AUDIENCE, Invalid.WRONG_DESTINATION, Invalid.EMPTY_DESTINATION, Invalid.WRONG_ISSUER}


def _refusal(error: Exception) -> SignInRefused:
    code = getattr(error, "code", None)
    if code in EXPIRED:
        return SignInRefused(_("The answer from the identity provider has expired. Please sign in again."), str(error))
    if code in SIGNATURE:
        return SignInRefused(
            _("The answer from the identity provider was not signed as agreed, so Samskab cannot trust it."), str(error)
        )
    if code in AUDIENCE:
        return SignInRefused(_("The answer from the identity provider was not meant for Samskab."), str(error))
    if code == Invalid.WRONG_INRESPONSETO:
        return SignInRefused(_("The answer from the identity provider does not belong to this sign-in. Please sign in again."), str(error))
    return SignInRefused(_("The answer from the identity provider could not be read or checked. Please sign in again."), str(error))


def verified_answer(request, sign_in: SignInSettings, request_id: str) -> Answer:
    """The POSTed SAML Response, decrypted and checked (signature, audience, times, our request). SignInRefused otherwise."""
    encoded = request.POST.get("SAMLResponse", "")
    try:
        response = OneLogin_Saml2_Response(saml_settings(sign_in), encoded)
        response.is_valid(request_data(request), request_id, raise_exceptions=True)
    except Exception as error:  # python3-saml's own errors, and lxml's and xmlsec's on malformed input
        raise _refusal(error) from error
    not_on_or_after = response.get_assertion_not_on_or_after()
    return Answer(
        name_id=response.get_nameid() or "",
        session_index=response.get_session_index(),
        assertion_id=response.get_assertion_id() or "",
        not_on_or_after=datetime.fromtimestamp(not_on_or_after, timezone.utc) if not_on_or_after else datetime.now(timezone.utc),
        attributes=response.get_attributes(),
    )


def assurance_is_enough(answer: Answer) -> bool:
    return answer.first(Attribute.LOA) in ACCEPTED_LOA
