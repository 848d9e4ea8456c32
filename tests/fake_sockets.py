"""Fake sockets for the live hub's tests: each records what the hub writes to it."""

import asyncio
import json

from samskab.workshops.live_hub import ROOM, Hub


class Socket:
    """A fake socket: what was written to it, how it was closed. `stuck` never finishes a write."""

    def __init__(self, stuck: bool = False):
        self.sent: list[dict] = []
        self.closed: int | None = None
        self.stuck = stuck

    async def send(self, text: str) -> None:
        if self.stuck:
            await asyncio.Event().wait()
        self.sent.append(json.loads(text))

    async def close(self, code: int) -> None:
        self.closed = code

    def events(self) -> list[dict]:
        return [event for message in self.sent if "events" in message for event in message["events"]]


async def open_socket(hub: Hub, workshop_id: int, audience: str = ROOM, stuck: bool = False) -> Socket:
    socket = Socket(stuck)
    await hub.connect(workshop_id, audience, socket.send, socket.close)
    return socket
