from django.contrib.auth import views as auth
from django.urls import path, reverse_lazy

from samskab.accounts import views
from samskab.accounts.forms import LoginForm, SetPasswordForm

app_name = "accounts"

urlpatterns = [
    path(
        "log-ind/",
        auth.LoginView.as_view(template_name="accounts/login.html", authentication_form=LoginForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("log-ud/", auth.LogoutView.as_view(), name="logout"),
    path("log-ind/kode/", views.totp_verify, name="totp_verify"),
    path("log-ind/kode/ny-app/", views.totp_setup, name="totp_setup"),
    path("konto/", views.account, name="account"),
    path("adgangskode/skift/", views.PasswordChangeView.as_view(), name="password_change"),
    path("adgangskode/glemt/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "adgangskode/sendt/",
        auth.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "adgangskode/ny/<uidb64>/<token>/",
        auth.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            form_class=SetPasswordForm,
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "adgangskode/skiftet/",
        auth.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
]
