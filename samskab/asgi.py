"""ASGI entry point: `uvicorn samskab.asgi:application` (make run, production)."""

import os

import django
from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIHandler

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samskab.settings")
django.setup(set_prefix=False)


class OneHopASGIHandler(ASGIHandler):
    """Django's ASGI handler, running the middleware and the view in one worker thread.

    Django's own ASGI handler runs async-capable middleware on the event loop, and each of
    Django's synchronous middleware hooks (process_request, process_view, process_response)
    then hops to the request's worker thread and back: about a dozen hops a request. Every
    middleware and view here is synchronous, so the whole chain runs as under WSGI, in one hop.
    """

    def load_middleware(self, is_async: bool = False) -> None:
        super().load_middleware(is_async=False)
        self._middleware_chain = sync_to_async(self._middleware_chain, thread_sensitive=True)


application = OneHopASGIHandler()

from django.conf import settings  # noqa: E402  (settings are ready only after django.setup())

if settings.SERVE_STATIC:
    from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

    application = ASGIStaticFilesHandler(application)
