"""The server's log holds no IP address: a real uvicorn process logs a workshop's joins, cards and sockets.

uvicorn writes a line for every WebSocket with the client's address and port, even without an
access log; settings.LOGGING writes "-" in its place (core/log_filters.py). The server runs as
`make run` and the README's production command run it (no access log), at log level info, so
that every socket is logged.
"""

import asyncio
import re

from bench.participants import Participant
from bench.servers import Server, manage_json, server_env
from tests import migrated_demo

IPV4 = re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b")
IPV6 = re.compile(r"::1\b|\[[0-9a-fA-F]*:[0-9a-fA-F:]+\]")


async def hold_workshop(server: Server, workshop: dict) -> None:
    """Three phones join, open their sockets and write cards; one guesser tries a wrong code's socket."""
    from websockets.asyncio.client import connect
    from websockets.exceptions import ConnectionClosed

    phones = [Participant(server.url, workshop["code"]) for _ in range(3)]
    sockets = []
    for number, phone in enumerate(phones):
        page = await phone.join(role="medarbejder")
        socket = await connect(
            f"ws://127.0.0.1:{server.port}{page.socket}",
            origin=server.url,
            additional_headers={"Cookie": phone.cookie_header()},
            open_timeout=30,
        )
        await asyncio.wait_for(socket.recv(), timeout=30)  # the hello
        sockets.append(socket)
        outcome = await phone.card(workshop["section"], workshop["columns"][0], f"Kort fra deltager {number + 1}")
        assert outcome.stored_at
    guesser = await connect(f"ws://127.0.0.1:{server.port}/w/ZZZZZZ/ws/", origin=server.url, open_timeout=30)
    try:
        await asyncio.wait_for(guesser.recv(), timeout=30)
    except ConnectionClosed:
        pass
    for socket in sockets:
        await socket.close()
    for phone in phones:
        await phone.close()


def test_the_servers_log_holds_no_ip_address_during_a_workshop(tmp_path):
    # A copy of the suite's migrated database with the demo (tests/migrated_demo.py) instead of migrating
    # (about 17 s of CPU) and loading the demo (2.7 s).
    env = server_env(sqlite_path=migrated_demo.copy_to(tmp_path / "samskab.sqlite3"), SAMSKAB_DEV="1")
    created = manage_json(env, "bench_workshops", "create", "--workshops", "1", "--phase", "skriv")
    log = tmp_path / "uvicorn.log"
    server = Server(env, log, log_level="info").start()
    try:
        asyncio.run(hold_workshop(server, created["workshops"][0]))
    finally:
        server.stop()
    written = log.read_text()
    assert written.count('"WebSocket /w/') >= 4  # every socket was logged, the guesser's too
    assert not IPV4.findall(written), written[-2000:]
    assert not IPV6.findall(written), written[-2000:]


def test_the_filter_writes_a_dash_for_every_address_and_leaves_times_and_versions_alone():
    import logging

    from samskab.core.log_filters import WithoutAddresses

    record = logging.LogRecord("uvicorn.error", logging.INFO, __file__, 1, '%s - "WebSocket %s" [accepted]', ("198.51.100.7:51234", "/w/ABC/ws/"), None)
    WithoutAddresses().filter(record)
    assert record.getMessage() == '- - "WebSocket /w/ABC/ws/" [accepted]'
    for address in ("[2001:db8::1]:443", "::1", "fe80:0:0:0:1:2:3:4", "10.0.0.1"):
        record = logging.LogRecord("x", logging.INFO, __file__, 1, f"from {address} at 12:30:45, version 1.2.3", None, None)
        WithoutAddresses().filter(record)
        assert record.getMessage() == "from - at 12:30:45, version 1.2.3", address


def test_the_access_log_if_someone_turns_it_on_writes_no_address():
    import logging

    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d', ("10.1.2.3:51234", "POST", "/w/ABC234/kort/", "1.1", 200), None
    )
    assert logging.getLogger("uvicorn.access").filter(record)
    assert "10.1.2.3" not in record.getMessage()
