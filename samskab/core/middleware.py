from asgiref.sync import iscoroutinefunction
from django.conf import settings
from django.utils import translation
from django.utils.decorators import sync_and_async_middleware

SUPPORTED = {code for code, _name in settings.LANGUAGES}


def _activate(request) -> None:
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if language not in SUPPORTED:
        language = settings.LANGUAGE_CODE
    translation.activate(language)
    request.LANGUAGE_CODE = language


def _finish(response):
    response.headers.setdefault("Content-Language", translation.get_language())
    return response


@sync_and_async_middleware
def danish_first(get_response):
    """Danish unless the person chose English with the language switch (a cookie).

    Unlike Django's LocaleMiddleware, the browser's Accept-Language is not consulted: a
    municipal PC set up in English still shows the Danish interface the staff expect.
    """
    if iscoroutinefunction(get_response):

        async def middleware(request):
            _activate(request)
            return _finish(await get_response(request))

    else:

        def middleware(request):
            _activate(request)
            return _finish(get_response(request))

    return middleware


# A strict policy: every script, style, image, font and socket from this origin, no inline code
# or style attributes (HTMX's indicator styles are off: base.html), no plugins, no framing, forms
# posted only here. 'self' covers the live workshops' ws:/wss: sockets to the same host.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)
# Browser features no page uses, switched off for the pages and anything they might embed.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


def security_headers(get_response):
    """Content-Security-Policy and Permissions-Policy on every response (Django sets the others)."""

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response

    return middleware
