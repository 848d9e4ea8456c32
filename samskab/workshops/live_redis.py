"""The live hub when several server processes serve one workshop together (REDIS_URL is set).

The process where a write happens runs one Lua script in Redis that increments the workshop's
sequence and publishes the event with its number, atomically, so that sequence order is publish
order. Every process (the publisher's too) holds ONE pub/sub subscription and delivers what
arrives to its own sockets. When Redis drops, the subscription is made again with a growing
pause, and then every local client is told to fetch the state again: it may have missed events.
"""

import asyncio
import json
import logging

import redis
import redis.asyncio

from samskab.workshops.live_hub import Hub, dumps

logger = logging.getLogger(__name__)

# KEYS: the sequence key, the channel; ARGV: the workshop id, the event(s) as JSON.
PUBLISH = """
local seq = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], 259200)
redis.call('PUBLISH', KEYS[2], ARGV[1] .. ' ' .. seq .. ' ' .. ARGV[2])
return seq
"""
FIRST_PAUSE = 0.5
LAST_PAUSE = 10.0
SUBSCRIBED_WAIT = 2.0  # a socket's hello waits this long at most for the subscription to be up


class RedisHub(Hub):
    def __init__(self, *, url: str, prefix: str = "samskab:live:", **options):
        super().__init__(**options)
        self.url = url
        self.prefix = prefix
        self.channel = f"{prefix}events"
        self._client = redis.Redis.from_url(url)
        self._publish = self._client.register_script(PUBLISH)
        self._subscriber: asyncio.Task | None = None
        self._async_client: redis.asyncio.Redis | None = None  # made on the hub's loop, in started()
        self.subscribed: asyncio.Event | None = None  # made on the hub's loop, in started()

    def _seq_key(self, workshop_id: int) -> str:
        return f"{self.prefix}seq:{workshop_id}"

    # --- The write side (request threads).

    def publish(self, workshop_id: int, event: dict, room_event: dict | None = None) -> int:
        payload = {"f": event} if room_event is None or room_event == event else {"f": event, "r": room_event}
        try:
            return int(self._publish(keys=[self._seq_key(workshop_id), self.channel], args=[workshop_id, dumps(payload)]))
        except redis.RedisError:
            # The write is stored; clients catch up when the subscription comes back (a resync).
            logger.warning("live: could not publish to Redis", exc_info=True)
            return 0

    def current_seq(self, workshop_id: int) -> int:
        try:
            return int(self._client.get(self._seq_key(workshop_id)) or 0)
        except redis.RedisError:
            logger.warning("live: could not read the sequence from Redis", exc_info=True)
            return 0

    # --- The loop side.

    async def current_seq_async(self, workshop_id: int) -> int:
        try:
            return int(await self._async_client.get(self._seq_key(workshop_id)) or 0)
        except redis.RedisError:
            return 0

    async def connect(self, workshop_id, audience, send, close):
        """As Hub.connect, once the subscription is up: then no event after the hello's number is missed."""
        self.attach_loop()
        try:
            await asyncio.wait_for(self.subscribed.wait(), SUBSCRIBED_WAIT)
        except TimeoutError:
            pass  # Redis is away: the client gets a resync when the subscription is back
        return await super().connect(workshop_id, audience, send, close)

    def started(self) -> None:
        # One client of this loop for the sockets' hellos (a client per hello cost a connection each).
        self._async_client = redis.asyncio.Redis.from_url(self.url)
        self.subscribed = asyncio.Event()
        self._subscriber = asyncio.get_running_loop().create_task(self._subscribe())

    async def stop(self) -> None:
        if self._subscriber is not None:
            self._subscriber.cancel()
            self._subscriber = None
        if self._async_client is not None:
            await self._async_client.aclose()
            self._async_client = None
        await super().stop()

    async def _subscribe(self) -> None:
        pause = FIRST_PAUSE
        again = False
        while True:
            # Named, so that an operator (or a test) can tell this process's subscription apart.
            client = redis.asyncio.Redis.from_url(self.url, client_name=f"{self.prefix}subscriber")
            try:
                pubsub = client.pubsub()
                await pubsub.subscribe(self.channel)
                self.subscribed.set()
                if again:
                    self.resync_all()
                pause = FIRST_PAUSE
                async for message in pubsub.listen():
                    if message["type"] == "message":
                        self._received(message["data"])
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.warning("live: the Redis subscription dropped; trying again in %.1f s", pause, exc_info=True)
            finally:
                self.subscribed.clear()
                try:
                    await client.aclose()
                except Exception:
                    pass
            again = True
            await asyncio.sleep(pause)
            pause = min(pause * 2, LAST_PAUSE)

    def _received(self, data: bytes) -> None:
        try:
            workshop, seq, payload = data.split(b" ", 2)
            events = json.loads(payload)
            event = events["f"]
            self.deliver(int(workshop), int(seq), event, events.get("r", event))
        except (ValueError, KeyError):
            logger.warning("live: ignored a message that is not ours: %r", data[:100])
