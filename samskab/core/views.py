"""The error pages, in the site's design."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the request: whatever failed (the database, say) must not fail again here.
    return HttpResponseServerError(loader.get_template("500.html").render())


def csrf_failure(request, reason: str = ""):
    """A form that was open too long, or sent from elsewhere: say so in plain words, in the site's design."""
    return render(request, "403_csrf.html", status=403)
