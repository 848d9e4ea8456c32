"""Requests with a body larger than settings.MAX_REQUEST_BODY are refused before it is read.

Django's ASGI handler reads a whole request body (to a temporary file) before any middleware
runs, so a 20 MiB upload was received and only then refused by the form. Our handler
(samskab/asgi.py) reads through `limit_body`: no body whose Content-Length is too large, a
chunked body only up to the limit; `refuse_large_bodies`, a Django middleware, then answers
413 with a page saying so (it also covers the test client, which has no ASGI layer). The
reverse proxy should refuse such bodies first (README: client_max_body_size).
"""

import asyncio

from django.conf import settings
from django.shortcuts import render

TOO_LARGE = "samskab.body_too_large"


def _declared_length(scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def limit_body(scope: dict, receive):
    """A copy of the HTTP `scope` and a `receive` that reads no body above the limit (for the ASGI handler).

    A body whose Content-Length is too large is not read at all; a chunked one is read up to the
    limit. Either way the scope is marked, and the handler's request sees an empty body.
    """
    scope = dict(scope)
    limit = settings.MAX_REQUEST_BODY
    declared = _declared_length(scope)
    body_done = False
    received = 0
    if declared is not None and declared > limit:
        scope[TOO_LARGE] = True

    async def within_limit():
        nonlocal body_done, received
        while not body_done:
            if scope.get(TOO_LARGE):
                body_done = True
                return {"type": "http.request", "body": b"", "more_body": False}
            message = await receive()
            if message["type"] != "http.request":
                return message
            received += len(message.get("body", b""))
            if received > limit:
                scope[TOO_LARGE] = True
                continue
            body_done = not message.get("more_body", False)
            return message
        if scope.get(TOO_LARGE):
            # After the body Django only listens for the client going away: the rest of a
            # refused body stays unread (the server then closes the connection).
            await asyncio.Future()
        return await receive()

    return scope, within_limit


def refuse_large_bodies(get_response):
    """Answer 413 to a request whose body is above the limit, before anything reads it."""

    def middleware(request):
        scope = getattr(request, "scope", {})
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if scope.get(TOO_LARGE) or declared > settings.MAX_REQUEST_BODY:
            response = render(request, "413.html", {"limit": settings.MAX_REQUEST_BODY}, status=413)
            response["Connection"] = "close"
            return response
        return get_response(request)

    return middleware
