"""TOTP as the second step of a sign-in with a local password (django-otp).

It is required of administrators (superusers, municipality administrators) and central
konsulenter when settings.TOTP_REQUIRED is on, and asked of anybody who has set up an app.
Sign-ins through the municipality's identity provider (SSO) are not asked: the provider decides.
The step owed is decided once, at sign-in, and kept in the session until it is taken.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

from samskab.organisations.access import scope_for

STEP = "samskab_second_step"  # session key: the URL name of the step owed
# Pages a person between password and code may open, besides the step they owe.
ALWAYS_OPEN = ("accounts:logout", "set_language")


def totp_required(user) -> bool:
    """Whether the person must sign in with a code as well as a password."""
    if not settings.TOTP_REQUIRED:
        return False
    return user.is_superuser or user.is_municipality_admin or scope_for(user).is_central_consultant()


def step_for(user) -> str | None:
    """The step a password sign-in still owes: the code of the app set up, or setting one up."""
    if user_has_device(user):
        return "accounts:totp_verify"
    return "accounts:totp_setup" if totp_required(user) else None


@receiver(user_logged_in, dispatch_uid="samskab_second_step")
def ask_for_second_step(sender, request, user, **kwargs):
    if request is None or getattr(user, "backend", None) not in settings.PASSWORD_BACKENDS:
        return
    step = step_for(user)
    if step:
        request.session[STEP] = step


def step_taken(request) -> None:
    request.session.pop(STEP, None)


def second_factor_required(get_response):
    """Sends a person who has given a password but still owes a code to that step: no other page
    opens meanwhile (one who has an app cannot set up another before giving its code)."""
    always_open = None

    def middleware(request):
        nonlocal always_open
        step = request.session.get(STEP) if request.user.is_authenticated else None
        if step:
            if always_open is None:
                always_open = tuple(reverse(name) for name in ALWAYS_OPEN) + (settings.STATIC_URL,)
            if request.path != reverse(step) and not request.path.startswith(always_open):
                return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
        return get_response(request)

    return middleware
