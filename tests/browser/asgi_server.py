"""An ASGI server for browser tests of live workshops: uvicorn in a thread, serving samskab.asgi.

pytest-django's live server speaks WSGI, which has no WebSockets. This one runs the real ASGI
application (HTTP, the live sockets, the lifespan that hands the live hub its loop) on a free
port, against the test database that `live_server` prepared: the in-memory SQLite connection is
shared with the server's threads, as Django's own live server shares it, and requests run one at
a time, so that two threads never interleave their transactions on that one connection.
"""

import socket
import threading
import time
from collections.abc import Iterator
from types import SimpleNamespace

import pytest
import uvicorn
from django.db import connections

from samskab import asgi
from samskab.workshops import live


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _django_handler():
    """The Django handler inside the ASGI router (and inside the static-files wrapper, if any)."""
    http = asgi.application.application_mapping["http"]
    return getattr(http, "application", http)


@pytest.fixture
def asgi_server(live_server, live_world, monkeypatch) -> Iterator[str]:
    """The base URL of a uvicorn server running samskab.asgi:application on the test database."""
    shared = live_server.thread.connections_override.get("default")
    if shared is not None:  # in-memory SQLite: every thread uses the test's connection
        monkeypatch.setattr(connections, "_connections", SimpleNamespace(default=shared))
    handler = _django_handler()
    respond = handler._respond  # the request's signals, middleware and view, in its thread (samskab/asgi.py)
    one_at_a_time = threading.Lock()

    def serialised(scope, body_file):
        with one_at_a_time:
            return respond(scope, body_file)

    monkeypatch.setattr(handler, "_respond", serialised)
    monkeypatch.setattr(live, "_hub", None)  # a fresh hub for this server's loop
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(asgi.application, host="127.0.0.1", port=port, log_level="warning", lifespan="on", access_log=False)
    )
    thread = threading.Thread(target=server.run, name="asgi-test-server", daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    else:
        raise RuntimeError("the ASGI test server did not start")
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
