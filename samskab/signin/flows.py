"""What an identity provider's answer means: who signs in, in which municipality, with which roles.

Every check comes before anything is written: a refused answer (SignInRefused) creates no person,
identity or membership. One refusal also takes something back: a person the provider knows and now
gives no role in Samskab loses the roles it gave them before.
"""

import uuid
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.organisations.models import Organisation
from samskab.signin import oidc, privileges, saml, services
from samskab.signin.errors import SignInRefused
from samskab.signin.models import IdentityKind, SamlRequest, SignInSettings
from samskab.signin.roles import memberships_granted

SAML_REQUEST_LIFETIME = timedelta(minutes=15)

def _no_privilege() -> SignInRefused:
    return SignInRefused(
        _("You have no role in Samskab. Ask your municipality's administrator to give you access to Samskab.")
    )


def _source_uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text.strip().removeprefix("urn:uuid:")) if text else None
    except ValueError:
        return None


def pending_saml_request(encoded_response: str) -> SamlRequest:
    request_id = saml.in_response_to(encoded_response)
    pending = (
        SamlRequest.objects.select_related("organisation").filter(request_id=request_id).first() if request_id else None
    )
    if pending is None or pending.created < timezone.now() - SAML_REQUEST_LIFETIME:
        raise SignInRefused(_("This answer does not belong to a sign-in under way, or it took too long. Please sign in again."))
    return pending


def _municipality_by_cvr(cvr: str, sign_in: SignInSettings) -> Organisation:
    """The municipality named by the CVR number, among those that trust the same identity provider."""
    found = Organisation.objects.filter(
        cvr=cvr, sign_in_settings__saml_idp_entity_id=sign_in.saml_idp_entity_id
    ).first()
    if found is None:
        raise SignInRefused(_("Your municipality (CVR %(cvr)s) has not been set up to sign in to Samskab.") % {"cvr": cvr})
    return found


def saml_sign_in(request) -> tuple:
    """The person a verified SAML answer signs in, and the answer. SignInRefused when it must not go through."""
    pending = pending_saml_request(request.POST.get("SAMLResponse", ""))
    sign_in = SignInSettings.objects.filter(organisation=pending.organisation).first()
    if sign_in is None or not sign_in.has_saml:
        raise SignInRefused(_("Your municipality has not been set up to sign in to Samskab."))
    answer = saml.verified_answer(request, sign_in, pending.request_id)
    if not services.assertion_use(assertion_id=answer.assertion_id, not_on_or_after=answer.not_on_or_after):
        raise SignInRefused(_("This answer from the identity provider has been used already. Please sign in again."))
    if not saml.assurance_is_enough(answer):
        raise SignInRefused(
            _("Samskab needs a sign-in at assurance level Substantial or higher (NSIS). Please sign in again with MitID Erhverv.")
        )
    cvr = answer.first(saml.Attribute.CVR)
    organisation = _municipality_by_cvr(cvr, sign_in) if cvr else pending.organisation
    if not answer.name_id:
        raise SignInRefused(_("The identity provider did not say who you are. Please sign in again."))
    grants = privileges.grants_from_privileges(answer.first(saml.Attribute.PRIVILEGES), organisation.cvr)
    memberships = memberships_granted(organisation, grants)
    if not memberships:
        services.identity_roles_withdraw(organisation=organisation, kind=IdentityKind.SAML, subject=answer.name_id)
        raise _no_privilege()
    person = services.Person(
        first_name=answer.first(saml.Attribute.FIRST_NAME),
        last_name=answer.first(saml.Attribute.LAST_NAME),
        email=answer.first(saml.Attribute.EMAIL),
        source_uuid=_source_uuid(answer.first(saml.Attribute.UUID)),
    )
    user = services.identity_sign_in(
        organisation=organisation, kind=IdentityKind.SAML, subject=answer.name_id, person=person, memberships=memberships
    )
    return user, answer, pending


def oidc_sign_in(request, pending: dict):
    """The person the provider's callback signs in. SignInRefused when it must not go through."""
    if request.GET.get("error"):
        raise SignInRefused(_("The identity provider did not sign you in. Please try again."), request.GET["error"])
    if not pending or request.GET.get("state") != pending.get("state") or not request.GET.get("code"):
        raise SignInRefused(_("This answer does not belong to a sign-in under way. Please sign in again."))
    sign_in = SignInSettings.objects.select_related("organisation").filter(organisation_id=pending["organisation"]).first()
    if sign_in is None or not sign_in.has_oidc:
        raise SignInRefused(_("Your municipality has not been set up to sign in to Samskab."))
    claims = oidc.id_token_claims(sign_in, request.GET["code"], pending)
    memberships = memberships_granted(sign_in.organisation, oidc.grants(sign_in, claims))
    if not memberships:
        services.identity_roles_withdraw(organisation=sign_in.organisation, kind=IdentityKind.OIDC, subject=str(claims["sub"]))
        raise _no_privilege()
    email = claims.get("email") or (claims.get("preferred_username") if "@" in str(claims.get("preferred_username", "")) else "")
    person = services.Person(
        first_name=str(claims.get("given_name", "")), last_name=str(claims.get("family_name", "")), email=str(email or "")
    )
    return services.identity_sign_in(
        organisation=sign_in.organisation, kind=IdentityKind.OIDC, subject=str(claims["sub"]), person=person,
        memberships=memberships,
    )
