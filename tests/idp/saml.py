"""A SAML identity provider in the shape of KOMBIT's Context Handler (OIOSAML 3.0), for the tests.

It reads the service provider's AuthnRequest (HTTP-Redirect) and answers with a Response whose
assertion is signed with RSA-PSS (as OCES3 certificates sign) and encrypted for the service
provider, carrying the OIOSAML 3.0 attributes and the privileges (OIO Basic Privilege Profile).
Every part can be spoilt on purpose to test a refusal.
"""

import base64
import html
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape, quoteattr

import xmlsec
from lxml import etree

from tests.idp.keys import KeyPair, key_pair
from tests.idp.local import LocalServer, QuietHandler

ENTITY_ID = "https://context-handler.test/runtime/saml2/metadata.idp"
SSO_URL = "https://context-handler.test/runtime/saml2/issue.idp"
SLO_URL = "https://context-handler.test/runtime/saml2/logout.idp"
RSA_PSS_SHA256 = "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1"
RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
DS = "http://www.w3.org/2000/09/xmldsig#"
SAML = "urn:oasis:names:tc:SAML:2.0:assertion"
SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol"
PRIVILEGE_PREFIX = "http://samskab.dk/roles/usersystemrole/"
ORGENHED = "http://sts.kombit.dk/constraints/orgenhed/1"


def signing_keys() -> KeyPair:
    return key_pair("Test Context Handler (signing)")


def metadata(keys: KeyPair | None = None, sso_url: str = SSO_URL) -> str:
    """The IdP's metadata, as a municipality pastes it into its sign-in settings (`sso_url`: where
    it takes the AuthnRequest, for a test that serves the sign-in page itself)."""
    keys = keys or signing_keys()
    return f"""<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="{DS}" entityID="{ENTITY_ID}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{keys.cert_base64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="{SLO_URL}"/>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="{sso_url}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>"""


def authn_request(location: str) -> tuple[etree._Element, dict]:
    """The AuthnRequest in a redirect to the IdP, and the redirect's query (SAMLRequest, SigAlg, Signature)."""
    query = {name: values[0] for name, values in parse_qs(urlsplit(location).query).items()}
    xml = zlib.decompress(base64.b64decode(query["SAMLRequest"]), -15)
    return etree.fromstring(xml), query


def privileges(cvr: str, groups: list[tuple[str, list[str]]]) -> str:
    """The privileges attribute's value: base64 of a PrivilegeList, one group per (role, unit UUIDs)."""
    body = "".join(
        f'<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:{cvr}">'
        f"<Privilege>{escape(role if '://' in role else PRIVILEGE_PREFIX + role + '/1')}</Privilege>"
        + "".join(f'<Constraint Name="{ORGENHED}">{unit}</Constraint>' for unit in units)
        + "</PrivilegeGroup>"
        for role, units in groups
    )
    xml = f'<?xml version="1.0" encoding="UTF-8"?><bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile">{body}</bpp:PrivilegeList>'
    return base64.b64encode(xml.encode()).decode()


@dataclass
class Answer:
    """What the IdP says, and how (each field can be spoilt for a refusal test)."""

    request_id: str
    acs_url: str
    audience: str
    sp_encryption_cert: str
    cvr: str
    person_uuid: str
    privileges: str
    name_id: str = ""
    first_name: str = "Lene"
    last_name: str = "Leder"
    email: str = "lene.leder@kommune.test"
    loa: str = "Substantial"
    lifetime: timedelta = timedelta(minutes=5)
    issued: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    signature_algorithm: str = RSA_PSS_SHA256
    signed_by: KeyPair | None = None
    sign: bool = True
    encrypt: bool = True


def _time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _attribute(name: str, value: str) -> str:
    return (
        f'<saml:Attribute Name={quoteattr(name)} NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">'
        f"<saml:AttributeValue>{escape(value)}</saml:AttributeValue></saml:Attribute>"
    )


def _signature_template(reference: str, algorithm: str) -> str:
    return (
        f'<ds:Signature xmlns:ds="{DS}"><ds:SignedInfo>'
        '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>'
        f'<ds:SignatureMethod Algorithm="{algorithm}"/>'
        f'<ds:Reference URI="#{reference}"><ds:Transforms>'
        '<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>'
        '<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms>'
        '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/></ds:Reference>'
        "</ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data><ds:X509Certificate/></ds:X509Data></ds:KeyInfo>"
        "</ds:Signature>"
    )


def _sign(element: etree._Element, keys: KeyPair) -> None:
    xmlsec.tree.add_ids(element, ["ID"])
    signature = element.find(f"{{{DS}}}Signature")
    context = xmlsec.SignatureContext()
    key = xmlsec.Key.from_memory(keys.key_pem.encode(), xmlsec.constants.KeyDataFormatPem)
    key.load_cert_from_memory(keys.cert_pem.encode(), xmlsec.constants.KeyDataFormatPem)
    context.key = key
    context.sign(signature)


def _encrypt(assertion: etree._Element, sp_cert: str) -> None:
    """Replace the assertion by its EncryptedData (AES-256-GCM, the key wrapped with RSA-OAEP for the SP)."""
    template = xmlsec.template.encrypted_data_create(
        assertion.getroottree().getroot(), xmlsec.constants.TransformAes256Gcm, type=xmlsec.constants.TypeEncElement, ns="xenc"
    )
    xmlsec.template.encrypted_data_ensure_cipher_value(template)
    key_info = xmlsec.template.encrypted_data_ensure_key_info(template, ns="dsig")
    encrypted_key = xmlsec.template.add_encrypted_key(key_info, xmlsec.constants.TransformRsaOaep)
    xmlsec.template.encrypted_data_ensure_cipher_value(encrypted_key)
    manager = xmlsec.KeysManager()
    manager.add_key(xmlsec.Key.from_memory(sp_cert.encode(), xmlsec.constants.KeyDataFormatCertPem, None))
    context = xmlsec.EncryptionContext(manager)
    context.key = xmlsec.Key.generate(xmlsec.constants.KeyDataAes, 256, xmlsec.constants.KeyDataTypeSession)
    context.encrypt_xml(template, assertion)


def response(answer: Answer) -> str:
    """The SAML Response (base64, for the HTTP-POST binding)."""
    from samskab.signin.saml import Attribute  # the attribute names, as Samskab reads them

    assertion_id = f"_{uuid.uuid4().hex}"
    until = _time(answer.issued + answer.lifetime)
    attributes = "".join(
        _attribute(name, value)
        for name, value in [
            (Attribute.SPEC_VERSION, "OIO-SAML-3.0"),
            (Attribute.LOA, answer.loa),
            (Attribute.CVR, answer.cvr),
            (Attribute.UUID, answer.person_uuid),
            (Attribute.FIRST_NAME, answer.first_name),
            (Attribute.LAST_NAME, answer.last_name),
            (Attribute.EMAIL, answer.email),
            (Attribute.PRIVILEGES, answer.privileges),
        ]
        if value
    )
    name_id = answer.name_id or f"https://data.gov.dk/model/core/eid/professional/uuid/persistent/{answer.person_uuid}"
    xml = f"""<samlp:Response xmlns:samlp="{SAMLP}" xmlns:saml="{SAML}" ID="_{uuid.uuid4().hex}" Version="2.0"
 IssueInstant="{_time(answer.issued)}" Destination={quoteattr(answer.acs_url)} InResponseTo={quoteattr(answer.request_id)}>
<saml:Issuer>{ENTITY_ID}</saml:Issuer>
<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
<saml:EncryptedAssertion><saml:Assertion ID="{assertion_id}" Version="2.0" IssueInstant="{_time(answer.issued)}">
<saml:Issuer>{ENTITY_ID}</saml:Issuer>{_signature_template(assertion_id, answer.signature_algorithm) if answer.sign else ""}
<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">{escape(name_id)}</saml:NameID>
<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData
 NotOnOrAfter="{until}" Recipient={quoteattr(answer.acs_url)} InResponseTo={quoteattr(answer.request_id)}/></saml:SubjectConfirmation></saml:Subject>
<saml:Conditions NotBefore="{_time(answer.issued - timedelta(minutes=1))}" NotOnOrAfter="{until}">
<saml:AudienceRestriction><saml:Audience>{escape(answer.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>
<saml:AuthnStatement AuthnInstant="{_time(answer.issued)}" SessionIndex="{assertion_id}"><saml:AuthnContext>
<saml:AuthnContextClassRef>https://data.gov.dk/concept/core/nsis/loa/{answer.loa}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>
<saml:AttributeStatement>{attributes}</saml:AttributeStatement>
</saml:Assertion></saml:EncryptedAssertion></samlp:Response>"""
    document = etree.fromstring(xml.encode())
    assertion = document.find(f"{{{SAML}}}EncryptedAssertion/{{{SAML}}}Assertion")
    if answer.sign:
        _sign(assertion, answer.signed_by or signing_keys())
    if answer.encrypt:
        _encrypt(assertion, answer.sp_encryption_cert)
    else:
        encrypted = assertion.getparent()
        encrypted.getparent().replace(encrypted, assertion)
    return base64.b64encode(etree.tostring(document)).decode()


def logout_request(name_id: str, destination: str) -> str:
    """A LogoutRequest from the IdP (the HTTP-Redirect binding's deflated base64, unsigned)."""
    xml = (
        f'<samlp:LogoutRequest xmlns:samlp="{SAMLP}" xmlns:saml="{SAML}" ID="_{uuid.uuid4().hex}" Version="2.0" '
        f'IssueInstant="{_time(datetime.now(timezone.utc))}" Destination={quoteattr(destination)}>'
        f"<saml:Issuer>{ENTITY_ID}</saml:Issuer>"
        f'<saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">{escape(name_id)}</saml:NameID>'
        "</samlp:LogoutRequest>"
    )
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return base64.b64encode(compressor.compress(xml.encode()) + compressor.flush()).decode()


class ContextHandler:
    """The Context Handler's sign-in page, served on 127.0.0.1 (`sso_url`, for `metadata`): it reads
    the AuthnRequest and answers with a page that posts `answer(request)`, signed and encrypted, to
    the service provider's `acs_url`."""

    def __init__(self, acs_url: str, answer: Callable[[etree._Element], Answer]) -> None:
        def page(location: str) -> bytes:
            request, _query = authn_request(location)
            posted = html.escape(response(answer(request)))
            return (
                f'<!DOCTYPE html><html lang="da"><head><title>Context Handler</title></head><body>'
                f'<form method="post" action="{acs_url}"><input type="hidden" name="SAMLResponse" value="{posted}">'
                f"<button>Fortsæt</button></form><script>document.forms[0].submit()</script></body></html>"
            ).encode()

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                body = page(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.local = LocalServer(Handler)
        self.sso_url = f"{self.local.base}/runtime/saml2/issue.idp"

    def stop(self) -> None:
        self.local.stop()
