"""Two server processes serving one workshop through Redis: one sequence, both deliver everything.

Two hubs in one test stand for two processes: each has its own pub/sub subscription, both talk
to the real Redis at 127.0.0.1:6379, in a database and under a key prefix of this test alone
(nothing is flushed). Skipped only when that Redis cannot be reached.
"""

import asyncio
import json
import uuid

import pytest
import redis

from samskab.workshops.live_hub import ROOM
from samskab.workshops.live_redis import RedisHub
from tests.test_live_hub import Socket

URL = "redis://127.0.0.1:6379/13"


@pytest.fixture
def prefix():
    prefix = f"samskab-test-{uuid.uuid4().hex[:12]}:live:"
    try:
        redis.Redis.from_url(URL).ping()
    except redis.RedisError:
        pytest.skip("Redis is not running at 127.0.0.1:6379")
    yield prefix
    client = redis.Redis.from_url(URL)
    for key in client.scan_iter(f"{prefix}*"):
        client.delete(key)


async def two_processes(prefix: str) -> tuple[RedisHub, RedisHub]:
    hubs = (RedisHub(url=URL, prefix=prefix, window=0.02), RedisHub(url=URL, prefix=prefix, window=0.02))
    for hub in hubs:
        hub.loop = None
        hub.attach_loop()
        await asyncio.wait_for(hub.subscribed.wait(), 5)
    return hubs


async def wait_for(condition, seconds: float = 5) -> None:
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("it did not happen in time")


def test_two_processes_share_one_sequence_and_each_delivers_every_event(prefix):
    async def scenario():
        one, two = await two_processes(prefix)
        here, there = Socket(), Socket()
        await one.connect(1, ROOM, here.send, here.close)
        await two.connect(1, ROOM, there.send, there.close)
        numbers = []
        for n in range(6):
            hub = (one, two)[n % 2]  # the writes come through either process
            numbers.append(await asyncio.to_thread(hub.publish, 1, {"type": "changed", "n": n}))
        await wait_for(lambda: len(here.events()) == 6 and len(there.events()) == 6)
        seq = (await asyncio.to_thread(one.current_seq, 1), await asyncio.to_thread(two.current_seq, 1))
        for hub in (one, two):
            await hub.stop()
        return numbers, seq, here, there

    numbers, seq, here, there = asyncio.run(scenario())
    assert numbers == [1, 2, 3, 4, 5, 6]
    assert seq == (6, 6)
    for socket in (here, there):
        assert socket.sent[0] == {"hello": True, "seq": 0}
        assert [event["n"] for event in socket.events()] == [0, 1, 2, 3, 4, 5]
        messages = socket.sent[1:]
        assert messages[0]["from"] == 1 and messages[-1]["seq"] == 6
        for before, after in zip(messages, messages[1:]):
            assert after["from"] == before["seq"] + 1


def test_the_room_and_the_facilitators_get_their_own_variant_through_redis(prefix):
    async def scenario():
        one, two = await two_processes(prefix)
        room, facilitators = Socket(), Socket()
        await two.connect(5, ROOM, room.send, room.close)
        await two.connect(5, "facilitators", facilitators.send, facilitators.close)
        await asyncio.to_thread(one.publish, 5, {"type": "card", "text": "hemmelig"}, {"type": "card", "text": None})
        await wait_for(lambda: room.events() and facilitators.events())
        for hub in (one, two):
            await hub.stop()
        return room.events(), facilitators.events()

    room, facilitators = asyncio.run(scenario())
    assert room == [{"type": "card", "text": None}]
    assert facilitators == [{"type": "card", "text": "hemmelig"}]


def test_when_the_subscription_drops_it_comes_back_and_the_clients_fetch_the_state_again(prefix):
    async def scenario():
        one, two = await two_processes(prefix)
        socket = Socket()
        await two.connect(1, ROOM, socket.send, socket.close)
        await asyncio.sleep(0.05)
        admin = redis.Redis.from_url(URL)
        ours = [client for client in admin.client_list() if client.get("name") == f"{prefix}subscriber"]
        assert len(ours) == 2
        for client in ours:
            admin.client_kill_filter(_id=client["id"])
        await wait_for(lambda: any(message.get("events") == [{"type": "resync"}] for message in socket.sent), 10)
        await wait_for(lambda: two.subscribed.is_set())
        await asyncio.to_thread(one.publish, 1, {"type": "changed"})
        await wait_for(lambda: socket.events()[-1:] == [{"type": "changed"}])
        for hub in (one, two):
            await hub.stop()
        return socket.sent

    sent = asyncio.run(scenario())
    assert {"from": None, "seq": None, "events": [{"type": "resync"}]} in sent
    assert sent[-1]["events"] == [{"type": "changed"}]
    assert json.dumps(sent)  # plain JSON all the way
