"""The live hub of one process: sequence numbers, coalescing, bounded queues, audiences.

The hub is driven as the server drives it: writes publish from a request thread, sockets are
fake ones that record what is written to them (or never finish writing, like a phone that
stopped reading).
"""

import asyncio
import threading
import uuid

import pytest

from samskab.workshops import live
from samskab.workshops.live_hub import CLOSE_TOO_SLOW, FACILITATORS, ROOM, Hub
from samskab.workshops.models import Card, Phase
from tests.fake_sockets import Socket, open_socket
from tests.phone_helpers import demo_workshop, join, learning_board, run

WINDOW = 0.1


async def from_a_thread(publish, *args) -> None:
    """Publish as a request thread does after its commit."""
    await asyncio.to_thread(publish, *args)


async def settle(seconds: float = WINDOW * 2) -> None:
    await asyncio.sleep(seconds)


def test_each_workshop_numbers_its_own_events_and_a_process_without_sockets_only_numbers_them():
    hub = Hub(window=WINDOW)
    assert [hub.publish(1, {"type": "changed"}) for _ in range(3)] == [1, 2, 3]
    assert hub.publish(2, {"type": "changed"}) == 1
    assert (hub.current_seq(1), hub.current_seq(2), hub.current_seq(3)) == (3, 1, 0)


def test_a_new_socket_is_greeted_with_the_current_number():
    async def scenario():
        hub = Hub(window=WINDOW)
        hub.publish(7, {"type": "changed"})
        hub.publish(7, {"type": "changed"})
        socket = await open_socket(hub, 7)
        await settle()
        return socket.sent

    assert asyncio.run(scenario()) == [{"hello": True, "seq": 2}]


def test_events_within_the_window_go_out_as_one_message():
    async def scenario():
        hub = Hub(window=WINDOW)
        socket = await open_socket(hub, 1)
        await from_a_thread(hub.publish, 1, {"type": "changed", "n": 1})  # nothing sent lately: at once
        await asyncio.sleep(0.01)
        first = list(socket.sent)
        for n in (2, 3, 4):
            await from_a_thread(hub.publish, 1, {"type": "changed", "n": n})
        await asyncio.sleep(0.01)
        during_window = list(socket.sent)
        await settle()
        return first, during_window, socket.sent

    first, during_window, sent = asyncio.run(scenario())
    assert first[1] == {"from": 1, "seq": 1, "events": [{"type": "changed", "n": 1}]}
    assert during_window == first  # the others wait for the end of the window …
    assert sent[2:] == [{"from": 2, "seq": 4, "events": [{"type": "changed", "n": n} for n in (2, 3, 4)]}]  # … and go together


def test_events_from_many_threads_arrive_in_sequence_order():
    async def scenario():
        hub = Hub(window=0.02)
        socket = await open_socket(hub, 1)

        def write(n):
            for _ in range(50):
                hub.publish(1, {"type": "changed", "by": n})

        threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
        await asyncio.to_thread(lambda: ([t.start() for t in threads], [t.join() for t in threads]))
        await settle(0.1)
        return socket.sent[1:]

    messages = asyncio.run(scenario())
    assert messages[0]["from"] == 1 and messages[-1]["seq"] == 200
    for before, after in zip(messages, messages[1:]):
        assert after["from"] == before["seq"] + 1
    assert sum(len(message["events"]) for message in messages) == 200


def test_a_socket_that_does_not_read_is_dropped_and_the_others_get_everything():
    async def scenario():
        hub = Hub(window=0.001, queue_size=3)
        slow = await open_socket(hub, 1, stuck=True)
        fast = [await open_socket(hub, 1) for _ in range(3)]
        for n in range(20):
            await from_a_thread(hub.publish, 1, {"type": "changed", "n": n})
            await asyncio.sleep(0.003)
        await settle()
        return hub, slow, fast

    hub, slow, fast = asyncio.run(scenario())
    assert slow.closed == CLOSE_TOO_SLOW
    for socket in fast:
        assert socket.closed is None
        assert [event["n"] for event in socket.events()] == list(range(20))
    assert len(hub.rooms[1].listeners[ROOM]) == 3


def test_a_closed_socket_is_forgotten():
    async def scenario():
        hub = Hub(window=WINDOW)
        socket = Socket()
        listener = await hub.connect(1, ROOM, socket.send, socket.close)
        await asyncio.sleep(0.01)
        hub.disconnect(listener)
        hub.publish(1, {"type": "changed"})
        await settle()
        return hub, socket

    hub, socket = asyncio.run(scenario())
    assert hub.rooms == {}
    assert socket.sent == [{"hello": True, "seq": 0}]


def test_each_audience_gets_its_own_variant_of_an_event():
    async def scenario():
        hub = Hub(window=WINDOW)
        room = await open_socket(hub, 1, ROOM)
        facilitators = await open_socket(hub, 1, FACILITATORS)
        await from_a_thread(hub.publish, 1, {"type": "card", "text": "secret"}, {"type": "card", "text": None})
        await settle()
        return room.sent[1:], facilitators.sent[1:]

    room, facilitators = asyncio.run(scenario())
    assert room == [{"from": 1, "seq": 1, "events": [{"type": "card", "text": None}]}]
    assert facilitators == [{"from": 1, "seq": 1, "events": [{"type": "card", "text": "secret"}]}]


# What live.py publishes for each kind of change, for each audience.


class Recorder:
    def __init__(self):
        self.published: list[tuple[int, dict, dict]] = []

    def publish(self, workshop_id, event, room_event=None):
        self.published.append((workshop_id, event, event if room_event is None else room_event))
        return len(self.published)


@pytest.fixture
def recorded(monkeypatch) -> Recorder:
    recorder = Recorder()
    monkeypatch.setattr(live, "hub", lambda: recorder)
    return recorder


@pytest.fixture
def card(demo, client) -> Card:
    workshop = demo_workshop(demo)
    board = run(workshop, phase=Phase.WRITE)
    attendee = join(client, workshop)
    return Card.objects.create(
        client_id="4f0c8a36-5a55-4c4a-9a53-6e0b8f2e9b11", section=board, attendee=attendee, text="Tavlemøder virker"
    )


def test_before_the_cards_are_shown_the_room_gets_no_text(recorded, card):
    live.card_saved(card)
    workshop_id, facilitators, room = recorded.published[0]
    assert workshop_id == card.section.workshop_id
    assert facilitators["text"] == "Tavlemøder virker"
    assert room == {**facilitators, "text": None}


def test_once_shown_the_room_gets_the_text_and_the_votes(recorded, card):
    card.section.phase = Phase.SHOW
    live.card_saved(card)
    _, facilitators, room = recorded.published[0]
    assert room == facilitators
    assert room == {
        "type": "card",
        "section": card.section_id,
        "id": str(card.client_id),
        "text": "Tavlemøder virker",
        "column": None,
        "theme": None,
        "group": None,
        "votes": 0,
        "hidden": False,
    }


def test_a_hidden_card_is_removed_for_the_room_and_marked_for_the_facilitators(recorded, card):
    card.section.phase = Phase.DISCUSS
    card.hidden = True
    live.card_saved(card)
    _, facilitators, room = recorded.published[0]
    assert facilitators["hidden"] is True and facilitators["text"] == "Tavlemøder virker"
    assert room == {"type": "card_removed", "section": card.section_id, "id": str(card.client_id)}


def test_every_write_of_a_participant_is_announced_after_commit(demo, client, recorded, django_capture_on_commit_callbacks):
    """The write paths of the phone tell live.py what changed: card, edit, vote, delete."""
    from tests.phone_helpers import JSON, card_data, phone_url

    workshop = demo_workshop(demo)
    board = run(workshop, learning_board(workshop), phase=Phase.SHOW)
    join(client, workshop)
    data = card_data(board)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(phone_url(workshop, "kort"), data, **JSON)
        client.post(phone_url(workshop, f"kort/{data['client_id']}/rediger"), {"text": "Tavlemøder virker godt"}, **JSON)
    board.phase = Phase.VOTE
    board.save()
    vote_id = "0c8e8f4c-0d55-4d43-8a8b-7d2f1f1b6a10"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(phone_url(workshop, f"kort/{data['client_id']}/stem"), {"client_id": vote_id}, **JSON)
        client.post(phone_url(workshop, f"kort/{data['client_id']}/stem"), {"client_id": vote_id}, **JSON)  # a retry
    kinds = [(event["type"], event.get("text"), event.get("votes")) for _, event, _ in recorded.published]
    assert kinds == [
        ("card", data["text"], 0),
        ("card", "Tavlemøder virker godt", 0),
        ("vote", None, 1),
    ]
    assert recorded.published[2][1]["id"] == vote_id


def test_a_votes_announcement_carries_the_cards_votes_from_everyone(
    demo, client, recorded, django_capture_on_commit_callbacks, django_assert_num_queries
):
    """Counted in the vote's own transaction where nobody else writes meanwhile (SQLite): no query after the commit."""
    from django.db import connection
    from django.test import Client

    from tests.phone_helpers import JSON, phone_url

    workshop = demo_workshop(demo)
    board = run(workshop, learning_board(workshop), phase=Phase.VOTE)
    author = join(client, workshop)
    card = Card.objects.create(client_id="6b1d3c9e-1f7a-4e3b-9d1c-2a4e5f6a7b8c", section=board, attendee=author, text="Kort")
    other = Client()
    join(other, workshop)
    for phone in (client, other, client):
        with django_capture_on_commit_callbacks() as callbacks:
            response = phone.post(phone_url(workshop, f"kort/{card.client_id}/stem"), {"client_id": str(uuid.uuid4())}, **JSON)
        assert response.status_code == 200
        with django_assert_num_queries(0 if connection.vendor == "sqlite" else 1):
            for announce in callbacks:
                announce()
    assert [(event["type"], event["card"], event["votes"]) for _, event, _ in recorded.published] == [
        ("vote", str(card.client_id), 1),
        ("vote", str(card.client_id), 2),
        ("vote", str(card.client_id), 3),
    ]
