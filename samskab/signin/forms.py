from django import forms
from django.utils.translation import gettext_lazy as _

from samskab.core.forms import LongSelect, StyledForm
from samskab.organisations.models import Organisation, Unit, tree_label
from samskab.signin import saml
from samskab.signin.models import RoleMapping, SignInSettings


class SignInSettingsForm(StyledForm, forms.ModelForm):
    class Meta:
        model = SignInSettings
        fields = ["local_passwords", "oidc_issuer", "oidc_client_id", "oidc_roles_claim", "oidc_unit_claim", "saml_idp_metadata"]
        widgets = {"saml_idp_metadata": forms.Textarea(attrs={"rows": 6})}

    def clean_saml_idp_metadata(self) -> str:
        xml = self.cleaned_data["saml_idp_metadata"].strip()
        self.instance.saml_idp_entity_id = ""
        if xml:
            try:
                self.instance.saml_idp_entity_id = saml.idp_from_metadata(xml)["entityId"]
            except ValueError:
                raise forms.ValidationError(
                    _("Samskab could not read this metadata: paste the identity provider's whole XML metadata, with its certificate and a single sign-on address (HTTP-Redirect).")
                ) from None
        return xml

    def clean(self):
        data = super().clean()
        if bool(data.get("oidc_issuer")) != bool(data.get("oidc_client_id")):
            self.add_error("oidc_client_id", _("OpenID Connect needs both the issuer and the client ID."))
        if data.get("local_passwords") is False and not (
            (data.get("oidc_issuer") and data.get("oidc_client_id")) or data.get("saml_idp_metadata")
        ):
            self.add_error("local_passwords", _("Set up single sign-on before you turn local passwords off, or nobody can sign in."))
        return data


class RoleMappingForm(StyledForm, forms.ModelForm):
    class Meta:
        model = RoleMapping
        fields = ["value", "role", "unit"]

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        unit = self.fields["unit"]
        unit.queryset = Unit.objects.filter(organisation=organisation)
        unit.widget = LongSelect(attrs={"class": "form-select"})
        units = Unit.objects.filter(organisation=organisation, active=True).order_by("path").only("name", "path")
        unit.widget.choices = [("", _("The units named in the token"))] + [
            (item.pk, tree_label(item.name, item.path)) for item in units
        ]

    def clean_value(self) -> str:
        return self.cleaned_data["value"].strip()
