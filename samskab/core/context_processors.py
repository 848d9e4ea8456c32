from django.conf import settings


def site(request) -> dict:
    """The current user's municipality for the footer (privacy page, accessibility statement)."""
    user = getattr(request, "user", None)
    organisation = None
    if user is not None and user.is_authenticated and user.organisation_id:
        organisation = user.organisation
    return {"organisation": organisation, "SITE_URL": settings.SITE_URL}
