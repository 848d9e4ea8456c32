"""The server is killed (SIGKILL) in the middle of a workshop while participants keep writing.

A real uvicorn process on a file database; participants join by code and write cards as the
phone's outbox does (the same client id again until a 2xx answer). The server is killed
without warning, started again on the same port and database, and everyone finishes. Every
card must then be in the database exactly once, and on the projector exactly once.
"""

import asyncio
import html
from collections import Counter

import pytest

from bench.participants import Facilitator, Participant
from bench.servers import Server, manage_json, server_env
from tests import migrated_demo

PARTICIPANTS = 5
CARDS_EACH = 12
KILL_AFTER = 15  # cards stored before the kill


def run_workshop(server: Server, workshop: dict, login: tuple[str, str]) -> dict:
    """Participants write their cards; the server is killed and restarted meanwhile."""

    async def main() -> dict:
        phones = [Participant(server.url, workshop["code"]) for _ in range(PARTICIPANTS)]
        for phone in phones:
            await phone.join()
        stored = asyncio.Event()
        outcomes = []
        column = workshop["columns"][0]

        async def write(number: int, phone: Participant) -> None:
            for card in range(CARDS_EACH):
                text = f"Kort {card + 1} fra deltager {number + 1}: møderne blev kortere"
                outcomes.append(await phone.card(workshop["section"], column, text))
                if sum(1 for outcome in outcomes if outcome.stored_at) >= KILL_AFTER:
                    stored.set()
                await asyncio.sleep(0.02)

        async def kill_and_restart() -> tuple[int, float]:
            await stored.wait()
            before = sum(1 for outcome in outcomes if outcome.stored_at)
            server.kill()
            killed_at = asyncio.get_running_loop().time()
            await asyncio.to_thread(server.start)
            return before, killed_at

        writers = [write(number, phone) for number, phone in enumerate(phones)]
        *_, (before_kill, _killed_at) = await asyncio.gather(*writers, kill_and_restart())
        for phone in phones:
            await phone.close()

        facilitator = Facilitator(server.url)
        await facilitator.log_in(*login)
        projector = await facilitator.projector(workshop["pk"])
        await facilitator.close()
        return {"outcomes": outcomes, "before_kill": before_kill, "projector": projector}

    return asyncio.run(main())


@pytest.fixture
def server(tmp_path):
    """A server on a file database copied from the suite's migrated one with the demo (tests/migrated_demo.py)."""
    env = server_env(sqlite_path=migrated_demo.copy_to(tmp_path / "samskab.sqlite3"))
    server = Server(env, tmp_path / "uvicorn.log")
    yield server
    server.stop()


def test_a_killed_server_loses_no_card_and_stores_none_twice(server):
    created = manage_json(server.env, "bench_workshops", "create", "--workshops", "1", "--phase", "vis")
    workshop = created["workshops"][0]
    server.start()

    result = run_workshop(server, workshop, (created["facilitator"], created["password"]))

    outcomes = result["outcomes"]
    sent = {outcome.client_id for outcome in outcomes}
    assert len(sent) == PARTICIPANTS * CARDS_EACH
    # The kill came in the middle: cards were stored before it, after it, and some had to be sent again.
    assert KILL_AFTER <= result["before_kill"] < len(sent)
    assert any(outcome.tries > 1 for outcome in outcomes), "no write was in flight or sent while the server was down"

    stored = manage_json(server.env, "bench_workshops", "report", "--process", str(created["process"]))["cards"]
    ids = Counter(card["id"] for card in stored)
    assert set(ids) == sent
    assert max(ids.values()) == 1
    texts = Counter(card["text"] for card in stored)
    assert len(texts) == len(sent) and max(texts.values()) == 1

    projector = result["projector"]
    for text in texts:
        assert projector.count(html.escape(text)) == 1, f"{text!r} is not on the projector exactly once"
