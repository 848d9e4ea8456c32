from django import forms
from django.contrib.auth import forms as auth
from django.utils.translation import gettext_lazy as _

from samskab.core.forms import StyledForm


class LoginForm(StyledForm, auth.AuthenticationForm):
    pass


class PasswordResetForm(StyledForm, auth.PasswordResetForm):
    pass


class SetPasswordForm(StyledForm, auth.SetPasswordForm):
    pass


class PasswordChangeForm(StyledForm, auth.PasswordChangeForm):
    pass


class CodeForm(StyledForm, forms.Form):
    """The six digits the authenticator app shows."""

    code = forms.CharField(
        label=_("Code from the app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "class": "form-input input-width-xs"}),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit():
            raise forms.ValidationError(_("The code is the digits the app shows, for example 123456."))
        return code
