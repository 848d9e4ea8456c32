"""Samskab's URLs plus one page that exists only while the benchmark runs: the floor."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def floor(request: HttpRequest) -> HttpResponse:
    """The cheapest page the app can serve: the same middleware and URL routing, and nothing else.

    No template, no database query, no session read: what every page costs before it does any work.
    """
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [
    path("bench/floor/", floor, name="bench_floor"),
    path("", include("samskab.urls")),
]

handler403 = "samskab.core.views.permission_denied"
handler404 = "samskab.core.views.page_not_found"
handler500 = "samskab.core.views.server_error"
