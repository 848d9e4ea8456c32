from django.conf import settings

from samskab.organisations.access import scope_for


def site(request) -> dict:
    """The current user's municipality for the footer (privacy page, accessibility statement), and
    whether the main menu shows the municipality-wide views (portfolio, ideas)."""
    user = getattr(request, "user", None)
    organisation = None
    signed_in = user is not None and user.is_authenticated
    if signed_in and user.organisation_id:
        organisation = user.organisation
    return {
        "organisation": organisation,
        "SITE_URL": settings.SITE_URL,
        # A callable, so that the template asks only where it shows the menu.
        "sees_portfolio": lambda: signed_in and scope_for(user).sees_portfolio(),
    }
