"""The sign-in pages of the page registry: logging in, the password reset, and a person's own account."""

from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from tests.pages.naming import reverse
from tests.pages.page import LOGGED_IN, PUBLIC, Page, everyone_but

from samskab.accounts.models import User


def _reset_link(username: str) -> str:
    """A valid password-reset link, made when it is asked for (a login makes older links invalid)."""
    user = User.objects.get(username=username)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse("accounts:password_reset_confirm", args=[uid, default_token_generator.make_token(user)])


def _expired_reset_link(username: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(User.objects.get(username=username).pk))
    return reverse("accounts:password_reset_confirm", args=[uid, "expired-link"])


LOGIN_PAGES: list[Page] = [
    Page(
        "login",
        lambda w: reverse("accounts:login"),
        audience=PUBLIC,
        overrides=everyone_but(302),  # already logged in: on to the dashboard
        invalid={"username": "konsulent", "password": "not-the-password"},
    ),
    Page("logout", lambda w: reverse("accounts:logout"), audience=PUBLIC, method="POST", ok=302),
    Page("set_language", lambda w: reverse("set_language"), audience=PUBLIC, method="POST", ok=302),
    Page("password_reset", lambda w: reverse("accounts:password_reset"), audience=PUBLIC, invalid={"email": "not an address"}),
    Page("password_reset_done", lambda w: reverse("accounts:password_reset_done"), audience=PUBLIC),
    # A valid link is swapped for a link without the token (302), which shows the form.
    Page(
        "password_reset_confirm",
        lambda w: _reset_link("amr"),
        audience=PUBLIC,
        ok=302,
        invalid={"new_password1": "kort", "new_password2": "anderledes"},
    ),
    Page("password_reset_confirm:expired", lambda w: _expired_reset_link("amr"), audience=PUBLIC),
    Page("password_reset_complete", lambda w: reverse("accounts:password_reset_complete"), audience=PUBLIC),
]

ACCOUNT_PAGES: list[Page] = [
    # A person's own sign-in: their account, password and two-step login.
    Page("account", lambda w: reverse("accounts:account"), audience=LOGGED_IN),
    Page("password_change", lambda w: reverse("accounts:password_change"), audience=LOGGED_IN, invalid={"old_password": "not-the-password"}),
    Page("totp_setup", lambda w: reverse("accounts:totp_setup"), audience=LOGGED_IN, invalid={"code": "abc"}),
    Page("totp_verify", lambda w: reverse("accounts:totp_verify"), audience=LOGGED_IN, ok=302),  # no app set up: on to setting one up
]
