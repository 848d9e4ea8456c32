from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samskab.organisations.models import Membership, Organisation, Role, Unit


class SignInSettings(models.Model):
    """How the people of one municipality sign in: its identity providers and local passwords.

    The OIDC client secret is not stored here: it is read from the environment (see `oidc.client_secret`).
    """

    organisation = models.OneToOneField(
        Organisation, verbose_name=_("municipality"), on_delete=models.CASCADE, related_name="sign_in_settings"
    )
    local_passwords = models.BooleanField(
        _("local passwords"),
        default=True,
        help_text=_("Turned off, the municipality's people sign in only through single sign-on."),
    )
    oidc_issuer = models.URLField(
        _("OIDC issuer"),
        blank=True,
        help_text=_("For example https://login.microsoftonline.com/<tenant>/v2.0 or https://keycloak.example.dk/realms/<realm>."),
    )
    oidc_client_id = models.CharField(_("OIDC client ID"), max_length=200, blank=True)
    oidc_roles_claim = models.CharField(
        _("claim with roles"),
        max_length=100,
        default="roles",
        help_text=_("Entra ID: roles. Keycloak: roles, or realm_access.roles."),
    )
    oidc_unit_claim = models.CharField(
        _("claim with units"),
        max_length=100,
        blank=True,
        help_text=_("Optional: a claim whose values are units' UUIDs, for roles mapped to the unit named in the token."),
    )
    saml_idp_metadata = models.TextField(
        _("SAML identity provider metadata"),
        blank=True,
        help_text=_("The XML metadata of KOMBIT's Context Handler or of the municipality's own SAML identity provider."),
    )
    saml_idp_entity_id = models.CharField(_("SAML identity provider entity ID"), max_length=300, blank=True, editable=False)

    class Meta:
        verbose_name = _("sign-in settings")
        verbose_name_plural = _("sign-in settings")

    def __str__(self) -> str:
        return str(self.organisation)

    @property
    def has_oidc(self) -> bool:
        return bool(self.oidc_issuer and self.oidc_client_id)

    @property
    def has_saml(self) -> bool:
        return bool(self.saml_idp_metadata and self.saml_idp_entity_id)


class RoleMapping(models.Model):
    """A value from the identity provider (an app role, or a privilege) gives a Samskab role at a unit.

    Without a unit, the role holds at the units the token names (the Context Handler's orgenhed
    constraints, or the OIDC claim with units).
    """

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("municipality"), on_delete=models.CASCADE, related_name="role_mappings"
    )
    value = models.CharField(
        _("value from the identity provider"),
        max_length=300,
        help_text=_("An app role (OIDC) or a user system role's privilege (the Context Handler)."),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty: the units named in the token."),
    )

    class Meta:
        verbose_name = _("role mapping")
        verbose_name_plural = _("role mappings")
        ordering = ["value", "role"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "value", "role", "unit"], name="unique_role_mapping"),
            models.UniqueConstraint(
                fields=["organisation", "value", "role"], condition=models.Q(unit=None), name="unique_role_mapping_token_unit"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.value} → {self.get_role_display()}"


class IdentityKind(models.TextChoices):
    OIDC = "oidc", "OIDC"
    SAML = "saml", "SAML"


class ExternalIdentity(models.Model):
    """A person as an identity provider names them (OIDC `sub`, SAML persistent NameID)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="external_identities"
    )
    organisation = models.ForeignKey(Organisation, verbose_name=_("municipality"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=IdentityKind.choices)
    subject = models.CharField(_("subject"), max_length=300)
    last_sign_in = models.DateTimeField(_("last sign-in"), auto_now=True)

    class Meta:
        verbose_name = _("external identity")
        verbose_name_plural = _("external identities")
        constraints = [models.UniqueConstraint(fields=["organisation", "kind", "subject"], name="unique_external_identity")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.subject}"


class GrantedMembership(models.Model):
    """A membership the identity provider gave: the next sign-in removes it if the provider no longer gives it.

    Memberships without one were made in Samskab (or by the sync) and sign-in leaves them alone.
    """

    membership = models.OneToOneField(Membership, on_delete=models.CASCADE, related_name="granted_by_sign_in")

    def __str__(self) -> str:
        return str(self.membership)


class SamlRequest(models.Model):
    """An AuthnRequest sent and not yet answered. Kept in the database, not the session: the
    answer is POSTed from the identity provider's site, and the session cookie (SameSite=Lax)
    does not come along with it."""

    request_id = models.CharField(max_length=100, unique=True)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    next_url = models.CharField(max_length=500, blank=True)
    created = models.DateTimeField(auto_now_add=True)


class UsedAssertion(models.Model):
    """An assertion already accepted: the same one presented again is a replay."""

    assertion_id = models.CharField(max_length=200, unique=True)
    not_on_or_after = models.DateTimeField()
