"""ASGI entry point: `uvicorn samskab.asgi:application` (make run, production).

HTTP goes to Django (in one worker-thread hop per request, on a thread of its lane); WebSockets of live workshops go to
Channels' consumers (samskab/workshops/routing.py), with their origin checked against
ALLOWED_HOSTS and the session and login read from the cookies. At start-up the live hub takes
the server's event loop, so that writes in request threads can hand their events to it.
"""

import os
import re
import uuid
from functools import lru_cache

import django
from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.core import signals
from django.core.exceptions import RequestAborted
from django.core.handlers.asgi import ASGIHandler, get_script_prefix
from django.http import FileResponse, HttpResponseBase
from django.urls import ResolverMatch, get_resolver, set_script_prefix

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samskab.settings")
django.setup(set_prefix=False)

from samskab.core.body_limit import limit_body  # noqa: E402  (after django.setup())
from samskab.core.lanes import PHONE_PATHS, SLOW_NICENESS, Lane, is_slow  # noqa: E402


class OneHopASGIHandler(ASGIHandler):
    """Django's ASGI handler, running each request's middleware and view in one borrowed thread.

    Django's own ASGI handler runs async-capable middleware on the event loop, and each of
    Django's synchronous middleware hooks (process_request, process_view, process_response)
    then hops to the request's worker thread and back: about a dozen hops a request. Every
    middleware and view here is synchronous, so the whole chain runs as under WSGI, in one hop.

    Django also starts a new thread for each request, which then opens its own database
    connection: under a burst of small writes, starting threads and connecting cost more than
    the writes. Here a request borrows one of a lane's long-lived threads (core/lanes.py), which
    keep their connections; everything thread-sensitive in the request (the request_started and
    request_finished signals, which look after the connection, and the chain) runs there. Logins,
    documents, imports and search take the slow lane's threads (at a lower CPU priority),
    everything else the phone lane's, so that no request waits behind another, and slow ones
    never take the phones' threads or their CPU. A write waiting for a thread goes before the
    reads waiting for one (a card sent while the whole room fetches its page).
    """

    def __init__(self):
        from django.conf import settings

        self.phone_lane = Lane("phone-requests", settings.REQUEST_THREADS)
        self.slow_lane = Lane("slow-requests", settings.SLOW_REQUEST_THREADS, niceness=SLOW_NICENESS)
        super().__init__()

    def load_middleware(self, is_async: bool = False) -> None:
        super().load_middleware(is_async=False)  # the chain stays synchronous: handle() runs it in a thread

    async def handle(self, scope, receive, send) -> None:
        """Django's ASGIHandler.handle, in one hop to the request's thread instead of three.

        Django hops to the thread for the request_started signal, again for the middleware and
        view, and again to close the response (the request_finished signal); each hop cost about
        as much CPU as a phone's card took in its view. Here the signal, the request, the view and,
        for a response already in memory, its closing run in one hop; a streamed response (a
        document) is closed after it has been sent, in a second hop, as Django does. Django also
        listens for the client going away meanwhile, to cancel an async view: these views are
        synchronous, and a thread cannot be cancelled, so that listening is left out.
        """
        try:
            body_file = await self.read_body(receive)
        except RequestAborted:
            return
        set_script_prefix(get_script_prefix(scope))
        try:
            response = await sync_to_async(self._respond, thread_sensitive=True)(scope, body_file)
            await self.send_response(response, send)
            if response.streaming:
                await sync_to_async(response.close, thread_sensitive=True)()
        finally:
            body_file.close()

    def resolve_request(self, request):
        """As Django's, but each phone's path (/w/…) is resolved once per process and kept.

        Django tries every URL pattern in order, and the phone's come after most of the app's:
        resolving took as long as the card's own view. A phone asks for the same few paths (its
        page, its state, the card form's) again and again.
        """
        if hasattr(request, "urlconf") or not request.path_info.startswith(PHONE_PATHS):
            return super().resolve_request(request)
        path = request.path_info
        card = CARD_IN_PATH.search(path)
        if card is None:
            match = _resolved(get_resolver(), path)
        else:  # a card's own path (a vote): resolved once for all cards, then given this card's id
            shape = _resolved(get_resolver(), f"{path[: card.start()]}{ANY_CARD}{path[card.end() :]}")
            match = _with_card(shape, uuid.UUID(card.group()))
        request.resolver_match = match
        return match

    def _respond(self, scope, body_file) -> HttpResponseBase:
        """The response to the request, in the request's thread; closed already unless it streams."""
        signals.request_started.send(sender=self.__class__, scope=scope)
        request, response = self.create_request(scope, body_file)
        if request is not None:
            response = self.get_response(request)
        response._handler_class = self.__class__
        if isinstance(response, FileResponse):
            response.block_size = self.chunk_size
        if not response.streaming:
            response.close()  # its content is in memory: request_finished now, in this thread
        return response

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            raise ValueError(f"Django serves only HTTP connections, not {scope['type']}.")
        scope, receive = limit_body(scope, receive)  # a body above the limit is not read
        lane = self.slow_lane if is_slow(scope["path"]) else self.phone_lane
        write = scope["method"] not in ("GET", "HEAD")  # a card or vote goes before the pages waiting
        async with lane.thread(write) as thread, ThreadSensitiveContext(executor=thread):
            await self.handle(scope, receive, send)


# A card's id in a phone's path, as the <uuid:…> converter reads it (lower case), and the id that
# stands for every card in the kept matches.
CARD_IN_PATH = re.compile(r"(?<=/kort/)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=/)")
ANY_CARD = uuid.UUID(int=0)


@lru_cache(maxsize=4096)
def _resolved(resolver, path: str):
    """The resolver's match for a path (a path that matches nothing raises Resolver404 each time)."""
    return resolver.resolve(path)


def _with_card(shape, card: uuid.UUID):
    """The kept match for every card's path, with this card's id where it had ANY_CARD."""
    def given(kwargs):
        return {name: card if value == ANY_CARD else value for name, value in kwargs.items()}

    return ResolverMatch(
        shape.func,
        shape.args,
        given(shape.kwargs),
        shape.url_name,
        shape.app_names,
        shape.namespaces,
        shape.route,
        shape.tried,
        captured_kwargs=given(shape.captured_kwargs or {}),
        extra_kwargs=shape.extra_kwargs,
    )


application = OneHopASGIHandler()

from django.conf import settings  # noqa: E402  (settings are ready only after django.setup())

if settings.SERVE_STATIC:
    from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

    application = ASGIStaticFilesHandler(application)

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from samskab.workshops import live  # noqa: E402
from samskab.workshops.routing import websocket_urlpatterns  # noqa: E402


async def lifespan(scope, receive, send) -> None:
    """Give the live hub the server's loop at start-up; let it go at shutdown."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            live.hub().attach_loop()
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await live.hub().stop()
            await send({"type": "lifespan.shutdown.complete"})
            return


application = ProtocolTypeRouter(
    {
        "http": application,
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
        "lifespan": lifespan,
    }
)
