"""Throttled sign-in: django-axes counts failed sign-ins per account and per address, with back-off.

A sign-in is refused (429) for a while once the account (the username as typed, in lower case,
whether or not it exists) has LOGIN_FAILURES_PER_ACCOUNT failures, or the address has
LOGIN_FAILURES_PER_ADDRESS (a whole town hall may share one address). Each failure while refused
doubles the wait, from LOGIN_COOLOFF_MINUTES up to a day. The answer is the same whether the account
exists or not. Failed attempts (with their address) are kept only while they count; successful
sign-ins are not logged, and no log line carries an address.

The password-reset form is counted here too, per address and per email address typed: too many
requests get the same 429 page, whether the address belongs to an account or not.
"""

from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_ip_address
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render

from samskab.core.counters import count

MAX_COOLOFF = timedelta(days=1)


def username_of(request, credentials=None) -> str:
    """The username as the throttle counts it: 'Anna' and ' anna' are one account."""
    data = credentials if credentials is not None else getattr(request, "POST", {})
    return str((data or {}).get("username") or "").strip().lower()


def _failures(**filters) -> int:
    return AccessAttempt.objects.filter(**filters).aggregate(total=Sum("failures_since_start"))["total"] or 0


def cooloff(request) -> timedelta:
    """How long a refused sign-in waits: the base time, doubled for each failure past a limit."""
    base = timedelta(minutes=settings.LOGIN_COOLOFF_MINUTES)
    if request is None:
        return base
    by_account = _failures(username=username_of(request, getattr(request, "axes_credentials", None)))
    by_address = _failures(ip_address=getattr(request, "axes_ip_address", None) or get_client_ip_address(request))
    past_limit = max(
        by_account - settings.LOGIN_FAILURES_PER_ACCOUNT, by_address - settings.LOGIN_FAILURES_PER_ADDRESS, 0
    )
    return min(base * 2 ** min(past_limit, 20), MAX_COOLOFF)


class ThrottleHandler(AxesDatabaseHandler):
    """Axes' database handler with a limit of its own for the account and for the address."""

    def get_failures(self, request, credentials=None) -> int:
        # Axes compares this with AXES_FAILURE_LIMIT (the account's limit); the address's failures
        # are scaled so that they reach it at LOGIN_FAILURES_PER_ADDRESS.
        by_account, by_address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        per_account, per_address = settings.LOGIN_FAILURES_PER_ACCOUNT, settings.LOGIN_FAILURES_PER_ADDRESS
        return max(by_account, by_address * per_account // per_address)

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A successful sign-in forgets that account's failures only, never its address's: else
        someone with an account of their own could wipe their guesses at others between tries."""
        count, _deleted = AccessAttempt.objects.filter(username=username_of(request, credentials)).delete()
        return count


def client_str(username, ip_address, user_agent, path_info, request) -> str:
    """What axes writes in its log lines: never the address."""
    return f"{{username: {username!r}, path: {path_info!r}}}"


def refused(request, original_response=None, credentials=None):
    """The answer to a refused sign-in or password reset (429), the same for every account."""
    return render(request, "accounts/locked.html", {"minutes": settings.LOGIN_COOLOFF_MINUTES}, status=429)


def password_reset_allowed(request, email: str) -> bool:
    """Counts a password-reset request; False once the address or the email has asked too often."""
    window = settings.PASSWORD_RESET_WINDOW
    keys = [
        f"password-reset:address:{get_client_ip_address(request)}",
        f"password-reset:email:{email.strip().lower()}",
    ]
    limits = [settings.PASSWORD_RESETS_PER_ADDRESS, settings.PASSWORD_RESETS_PER_EMAIL]
    allowed = True
    for key, limit in zip(keys, limits):
        allowed = count(key, window) <= limit and allowed
    return allowed
