"""The WebSockets of a live workshop, through the ASGI application as the server runs it.

Who may open which socket (origin, the attendee cookie, the facilitator's login), and that a
change made through HTTP reaches the sockets: the facilitators with the card's text, the room
without it before the cards are shown.
"""

import pytest
from asgiref.sync import async_to_sync
from asgiref.testing import ApplicationCommunicator
from django.test import Client

from samskab.asgi import application
from samskab.workshops.joining import cookie_name
from samskab.workshops.models import Phase, WorkshopStatus
from tests.phone_helpers import JSON, card_data, demo_workshop, join, phone_url, run

ORIGIN = (b"origin", b"http://127.0.0.1:8000")
HOST = (b"host", b"127.0.0.1:8000")

pytestmark = pytest.mark.django_db(transaction=True)


class WebsocketCommunicator(ApplicationCommunicator):
    """A WebSocket client talking ASGI to the application (Channels' own needs daphne, not installed)."""

    def __init__(self, app, path: str, headers: list):
        scope = {"type": "websocket", "path": path, "headers": headers, "query_string": b"", "subprotocols": []}
        super().__init__(app, scope)

    async def connect(self) -> tuple[bool, int | None]:
        await self.send_input({"type": "websocket.connect"})
        answer = await self.receive_output(timeout=5)
        return answer["type"] == "websocket.accept", answer.get("code")

    async def receive_from(self, timeout: float = 5) -> str:
        return (await self.receive_output(timeout=timeout))["text"]

    async def disconnect(self) -> None:
        await self.send_input({"type": "websocket.disconnect", "code": 1000})
        await self.wait(timeout=5)


def cookies(client: Client) -> tuple[bytes, bytes]:
    return (b"cookie", "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items()).encode())


async def opened(path: str, *headers) -> tuple[WebsocketCommunicator, object]:
    """Open a socket; returns it and its first message, or the close code if it was refused."""
    socket = WebsocketCommunicator(application, path, headers=[HOST, *headers])
    connected, code = await socket.connect()
    if not connected:
        return socket, ("refused", code)
    first = await socket.receive_output(timeout=5)
    if first["type"] == "websocket.close":
        return socket, ("closed", first.get("code"))
    return socket, first["text"]


def first_message(path: str, *headers):
    async def scenario():
        socket, first = await opened(path, *headers)
        await socket.disconnect()
        return first

    return async_to_sync(scenario)()


@pytest.fixture
def workshop(demo):
    workshop = demo_workshop(demo)
    run(workshop, phase=Phase.WRITE)
    return workshop


@pytest.fixture
def phone(workshop) -> Client:
    client = Client()
    join(client, workshop)
    return client


def test_a_joined_phone_is_greeted_with_the_sequence_number(workshop, phone):
    assert first_message(f"/w/{workshop.join_code}/ws/", ORIGIN, cookies(phone)) == '{"hello":true,"seq":0}'
    assert first_message(f"/ws/w/{workshop.join_code}/", ORIGIN, cookies(phone)) == '{"hello":true,"seq":0}'


def test_a_socket_from_another_origin_is_refused(workshop, phone):
    assert first_message(f"/w/{workshop.join_code}/ws/", (b"origin", b"https://evil.example"), cookies(phone))[0] == "refused"
    assert first_message(f"/w/{workshop.join_code}/ws/", cookies(phone))[0] == "refused"  # no origin at all


def test_a_phone_without_the_cookie_or_with_a_forged_one_is_refused(workshop):
    assert first_message(f"/w/{workshop.join_code}/ws/", ORIGIN) == ("closed", 4403)
    forged = (b"cookie", f"{cookie_name(workshop)}=made-up:token:sig".encode())
    assert first_message(f"/w/{workshop.join_code}/ws/", ORIGIN, forged) == ("closed", 4403)


def test_a_participant_of_another_workshop_is_refused(workshop, phone, demo):
    from samskab.workshops.models import Workshop

    other = Workshop.objects.create(round=workshop.round.process.rounds.create(number=9, opened_on="2026-01-01"),
                                    title="Andet", date="2026-01-02")
    other.status = WorkshopStatus.RUNNING
    other.save()
    # The phone's cookie is for the demo workshop: its socket for the other workshop is refused.
    assert first_message(f"/w/{other.join_code}/ws/", ORIGIN, cookies(phone)) == ("closed", 4403)


def test_an_unknown_or_closed_workshop_is_refused_as_a_workshop_not_joined_is(workshop, phone):
    # One close code for every refusal: the socket does not tell a guesser which codes are real.
    assert first_message("/w/ZZZZZZ/ws/", ORIGIN, cookies(phone)) == ("closed", 4403)
    workshop.status = WorkshopStatus.CLOSED
    workshop.save()
    assert first_message(f"/w/{workshop.join_code}/ws/", ORIGIN, cookies(phone)) == ("closed", 4403)


def test_refused_phone_sockets_count_as_wrong_tries_and_then_even_a_joined_phone_waits(workshop, phone, settings):
    from django.core.cache import cache

    cache.clear()
    settings.JOIN_TRIES_PER_ADDRESS = 3
    for code in ("ZZZZZZ", "ZZZZZY", "ZZZZZX"):
        assert first_message(f"/w/{code}/ws/", ORIGIN) == ("closed", 4403)
    assert first_message(f"/w/{workshop.join_code}/ws/", ORIGIN, cookies(phone)) == ("closed", 4403)
    cache.clear()
    assert first_message(f"/w/{workshop.join_code}/ws/", ORIGIN, cookies(phone)) == '{"hello":true,"seq":0}'


def test_only_the_workshops_facilitators_open_its_socket(workshop, client_as):
    path = f"/ws/workshops/{workshop.pk}/"
    assert first_message(path, ORIGIN, cookies(client_as("konsulent"))) == '{"hello":true,"seq":0}'
    assert first_message(path, ORIGIN, cookies(client_as("leder"))) == ("closed", 4403)  # reads the forløb
    assert first_message(path, ORIGIN, cookies(client_as("nabo"))) == ("closed", 4404)  # another municipality
    assert first_message(path, ORIGIN) == ("closed", 4403)  # not logged in
    assert first_message("/ws/workshops/999999/", ORIGIN, cookies(client_as("konsulent"))) == ("closed", 4404)


def test_a_card_sent_by_a_phone_reaches_the_facilitators_with_its_text_and_the_room_without(
    workshop, phone, client_as
):
    import json

    from asgiref.sync import sync_to_async

    board = workshop.current_section
    data = card_data(board, "Tavlemøderne gav ro")
    other_phone = Client()
    join(other_phone, workshop)
    facilitator = cookies(client_as("konsulent"))

    async def scenario():
        facilitators, hello = await opened(f"/ws/workshops/{workshop.pk}/", ORIGIN, facilitator)
        room, room_hello = await opened(f"/w/{workshop.join_code}/ws/", ORIGIN, cookies(other_phone))
        response = await sync_to_async(phone.post)(phone_url(workshop, "kort"), data, **JSON)
        assert response.status_code == 200
        received = [json.loads(await socket.receive_from(timeout=5)) for socket in (facilitators, room)]
        for socket in (facilitators, room):
            await socket.disconnect()
        return hello, received

    hello, (for_facilitators, for_room) = async_to_sync(scenario)()
    seq = json.loads(hello)["seq"]
    assert for_facilitators["from"] == for_facilitators["seq"] == seq + 1
    (event,) = for_facilitators["events"]
    assert (event["type"], event["id"], event["text"]) == ("card", data["client_id"], "Tavlemøderne gav ro")
    assert for_room["seq"] == seq + 1
    assert for_room["events"] == [{**event, "text": None}]
