"""The WebSockets of a live workshop: one for each phone, one for the run page and the projector.

A socket carries only what the server pushes (see live.py and live_hub.py); clients send
nothing on it. Whoever may not follow the workshop gets the socket closed without detail. A
phone's socket is closed with 4403 whatever the reason (unknown code, closed workshop, not
joined), so that it tells nothing about which codes exist; the run page's and projector's say
4404 for a workshop they cannot see and 4403 for one they may not run.
"""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from samskab.workshops import limits, live, socket_limits
from samskab.workshops.access import get_workshop_for_facilitator
from samskab.workshops.joining import attendee_for, find_workshop
from samskab.workshops.live_hub import FACILITATORS, ROOM
from samskab.workshops.models import WorkshopStatus

NO_RIGHT = 4403
NOT_FOUND = 4404


class LiveConsumer(AsyncWebsocketConsumer):
    """One socket, registered with the process's live hub, which writes to it (live_hub.Listener)."""

    audience = ROOM
    listener = None
    holder = ""  # who holds the socket (authorise sets it), for socket_limits
    counted: int | None = None  # the workshop whose count this socket holds

    async def connect(self) -> None:
        workshop_id, refusal = await database_sync_to_async(self.authorise)()
        if not refusal and not await database_sync_to_async(socket_limits.take)(workshop_id, self.holder):
            refusal = socket_limits.TOO_MANY
        elif not refusal:
            self.counted = workshop_id
        # Accepted first even when refused: a refused handshake reaches the browser as a bare
        # failure, a close code tells live.js to stop hammering and let its polling find out why.
        await self.accept()
        if refusal:
            await self.close(code=refusal)
            return
        self.listener = await live.hub().connect(workshop_id, self.audience, self._send_text, self._close)

    def authorise(self) -> tuple[int | None, int | None]:
        """(the workshop's id, None) for someone who may follow it, else (None, a close code)."""
        raise NotImplementedError

    async def __call__(self, scope, receive, send) -> None:
        # The hub's frames go to the server's own `send`: Channels' session middleware wraps it only
        # to save the session with an HTTP response, and its checks and the consumer's layers cost
        # about 3.4 µs per socket and message (a socket's accept and close still pass through them).
        self._frames = getattr(getattr(send, "__self__", None), "real_send", send)
        await super().__call__(scope, receive, send)

    async def _send_text(self, text: str) -> None:
        await self._frames({"type": "websocket.send", "text": text})

    async def _close(self, code: int) -> None:
        await self.close(code=code)

    async def receive(self, text_data=None, bytes_data=None) -> None:
        """Clients send nothing that matters; whatever comes is ignored, and a large frame closes the socket."""
        if socket_limits.too_large(text_data, bytes_data):
            await self.close(code=socket_limits.TOO_LARGE)

    async def disconnect(self, code) -> None:
        if self.listener is not None:
            live.hub().disconnect(self.listener)
            self.listener = None
        if self.counted is not None:
            await database_sync_to_async(socket_limits.release)(self.counted, self.holder)
            self.counted = None


class RoomConsumer(LiveConsumer):
    """A participant's phone: known by the signed attendee cookie that joining set."""

    audience = ROOM

    def authorise(self):
        # One answer for an unknown code, a closed workshop and a browser that has not joined, and
        # each counts as a wrong try (limits.py): the socket must not tell a guesser which codes are real.
        address = (self.scope.get("client") or ("", 0))[0] or ""
        session = getattr(self.scope.get("session"), "session_key", None)
        if limits.limited_for(address, session):
            return None, NO_RIGHT
        workshop = find_workshop(self.scope["url_route"]["kwargs"]["code"])
        # The same check as the phone's pages make: the signed attendee cookie set by joining.
        request = HttpRequest()
        request.COOKIES = self.scope.get("cookies", {})
        attendee = None if workshop is None or workshop.status == WorkshopStatus.CLOSED else attendee_for(request, workshop)
        if attendee is None:
            limits.count_wrong_try_for(address, session)
            return None, NO_RIGHT
        self.holder = f"attendee:{attendee.pk}"
        return workshop.pk, None


class FacilitatorConsumer(LiveConsumer):
    """The run page and the projector: a logged-in facilitator of the workshop."""

    audience = FACILITATORS

    def authorise(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            return None, NO_RIGHT
        try:
            workshop = get_workshop_for_facilitator(user, self.scope["url_route"]["kwargs"]["pk"])
        except Http404:
            return None, NOT_FOUND
        except PermissionDenied:
            return None, NO_RIGHT
        self.holder = f"user:{user.pk}"
        return workshop.pk, None
