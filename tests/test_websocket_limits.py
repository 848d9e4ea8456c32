"""Live sockets are limited: a few per phone or person and workshop, and small frames only.

Through the ASGI application as the server runs it (see test_live_sockets.py); the server's own
frame limit (uvicorn --ws-max-size) is checked on `make run`'s command line in test_deploy.py.
"""

import pytest
from asgiref.sync import async_to_sync
from django.test import Client

from samskab.workshops.models import Phase
from samskab.workshops.socket_limits import TOO_LARGE, TOO_MANY
from tests.phone_helpers import demo_workshop, join, run
from tests.test_live_sockets import ORIGIN, cookies, opened

pytestmark = pytest.mark.django_db(transaction=True)

HELLO = '{"hello":true,"seq":0}'


@pytest.fixture
def workshop(demo):
    workshop = demo_workshop(demo)
    run(workshop, phase=Phase.WRITE)
    return workshop


def joined(workshop) -> Client:
    client = Client()
    join(client, workshop)
    return client


def open_many(path: str, how_many: int, *headers) -> list:
    """Open `how_many` sockets one after the other and keep them open; their first messages, then close them all."""

    async def scenario():
        sockets, firsts = [], []
        for _ in range(how_many):
            socket, first = await opened(path, *headers)
            sockets.append(socket)
            firsts.append(first)
        for socket in sockets:
            await socket.disconnect()
        return firsts

    return async_to_sync(scenario)()


def test_one_phone_holds_a_few_sockets_and_the_next_is_refused(workshop, settings):
    settings.WS_PER_HOLDER = 3
    phone = joined(workshop)
    path = f"/w/{workshop.join_code}/ws/"
    assert open_many(path, 5, ORIGIN, cookies(phone)) == [HELLO, HELLO, HELLO, ("closed", TOO_MANY), ("closed", TOO_MANY)]
    # Closed sockets give their places back, and another phone has places of its own.
    assert open_many(path, 3, ORIGIN, cookies(phone)) == [HELLO] * 3
    other = joined(workshop)
    assert open_many(path, 3, ORIGIN, cookies(other)) == [HELLO] * 3


def test_forty_sockets_on_one_phones_cookie_are_not_all_accepted(workshop):
    firsts = open_many(f"/w/{workshop.join_code}/ws/", 40, ORIGIN, cookies(joined(workshop)))
    assert firsts.count(HELLO) <= 6
    assert firsts.count(("closed", TOO_MANY)) >= 34


def test_a_facilitator_holds_a_few_sockets_too(workshop, client_as, settings):
    settings.WS_PER_HOLDER = 2
    path = f"/ws/workshops/{workshop.pk}/"
    assert open_many(path, 3, ORIGIN, cookies(client_as("konsulent"))) == [HELLO, HELLO, ("closed", TOO_MANY)]


def test_a_large_frame_closes_the_socket_and_a_small_one_is_ignored(workshop, settings):
    settings.WS_MAX_FRAME = 4096
    phone = joined(workshop)

    async def scenario():
        socket, first = await opened(f"/w/{workshop.join_code}/ws/", ORIGIN, cookies(phone))
        assert first == HELLO
        await socket.send_input({"type": "websocket.receive", "text": "ping"})
        assert await socket.receive_nothing(timeout=0.3)
        await socket.send_input({"type": "websocket.receive", "text": "x" * 5000})
        closed = await socket.receive_output(timeout=5)
        await socket.disconnect()
        return closed

    closed = async_to_sync(scenario)()
    assert closed["type"] == "websocket.close" and closed["code"] == TOO_LARGE
