from django.contrib.auth import views as auth
from django.urls import path

from samskab.accounts.forms import LoginForm, PasswordResetForm, SetPasswordForm

urlpatterns = [
    path(
        "log-ind/",
        auth.LoginView.as_view(template_name="accounts/login.html", authentication_form=LoginForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("log-ud/", auth.LogoutView.as_view(), name="logout"),
    path(
        "adgangskode/glemt/",
        auth.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
            form_class=PasswordResetForm,
        ),
        name="password_reset",
    ),
    path(
        "adgangskode/sendt/",
        auth.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "adgangskode/ny/<uidb64>/<token>/",
        auth.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html", form_class=SetPasswordForm
        ),
        name="password_reset_confirm",
    ),
    path(
        "adgangskode/skiftet/",
        auth.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
]
