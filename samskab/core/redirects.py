"""Where to send a person after a form: back where they came from, if that is this site."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, candidate: str, default: str) -> str:
    """`candidate` (a `next` the browser sent) when it is a path on this site, else `default`.

    A `next` is typed by whoever made the link: one that leads to another site would make our
    sign-in or save button the first step of a phishing page.
    """
    if candidate and candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return str(default)
