from django.contrib.auth import forms as auth

from samskab.core.forms import StyledForm


class LoginForm(StyledForm, auth.AuthenticationForm):
    pass


class PasswordResetForm(StyledForm, auth.PasswordResetForm):
    pass


class SetPasswordForm(StyledForm, auth.SetPasswordForm):
    pass
