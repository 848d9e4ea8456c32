"""The state a client fetches carries the live sequence number, and the facilitator's controls
announce their changes: a client that fetched the state knows where it is in the stream."""

import pytest

from samskab.workshops import live
from samskab.workshops.live_hub import Hub
from samskab.workshops.models import Card, Phase
from tests.helpers import north_cards
from tests.phone_helpers import JSON, card_data, demo_workshop, join, phone_url, run
from tests.test_live_hub import Recorder

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def hub(monkeypatch) -> Hub:
    hub = Hub()
    monkeypatch.setattr(live, "_hub", hub)
    return hub


@pytest.fixture
def workshop(demo):
    workshop = demo_workshop(demo)
    run(workshop, phase=Phase.SHOW)
    return workshop


def test_the_phones_state_carries_the_number_of_the_latest_change(
    hub, workshop, client, django_capture_on_commit_callbacks
):
    join(client, workshop)
    assert client.get(phone_url(workshop, "tilstand")).json()["seq"] == 0
    with django_capture_on_commit_callbacks(execute=True):
        client.post(phone_url(workshop, "kort"), card_data(workshop.current_section), **JSON)
    state = client.get(phone_url(workshop, "tilstand")).json()
    assert state["seq"] == 1 == hub.current_seq(workshop.pk)
    assert 'data-seq="1"' in client.get(phone_url(workshop)).content.decode()


def test_the_projector_and_the_run_page_fragments_carry_the_number(hub, workshop, client_as):
    hub.publish(workshop.pk, {"type": "changed"})
    konsulent = client_as("konsulent")
    wall = konsulent.get(f"/workshops/{workshop.pk}/projektor/", **HTMX).content.decode()
    assert 'id="projector"' in wall and 'data-seq="1"' in wall
    board = konsulent.get(f"/workshops/{workshop.pk}/afvikl/", **HTMX).content.decode()
    assert 'id="run-board"' in board and 'data-seq="1"' in board
    assert "<html" not in board  # just the fragment


def test_the_facilitators_controls_announce_their_changes(hub, workshop, client_as, django_capture_on_commit_callbacks):
    konsulent = client_as("konsulent")
    section = workshop.current_section
    with django_capture_on_commit_callbacks(execute=True):
        konsulent.post(f"/sektioner/{section.pk}/fase/", {"phase": Phase.GROUP})
        konsulent.post(f"/sektioner/{section.pk}/fase/", {"minutes": "5"})
        konsulent.post(f"/sektioner/{section.pk}/vis/")
        konsulent.post(f"/workshops/{workshop.pk}/status/", {"status": "igang"})
    assert hub.current_seq(workshop.pk) == 4


def test_hiding_a_card_removes_it_from_the_room_and_marks_it_for_the_facilitators(
    monkeypatch, workshop, client, client_as, django_capture_on_commit_callbacks
):
    join(client, workshop)
    client.post(phone_url(workshop, "kort"), card_data(workshop.current_section), **JSON)
    card = north_cards().get()
    recorder = Recorder()
    monkeypatch.setattr(live, "hub", lambda: recorder)
    with django_capture_on_commit_callbacks(execute=True):
        client_as("konsulent").post(f"/kort/{card.pk}/skjul/", {"hidden": "1"})
    (_, facilitators, room), = recorder.published
    assert (facilitators["type"], facilitators["hidden"]) == ("card", True)
    assert room == {"type": "card_removed", "section": card.section_id, "id": str(card.client_id)}


class NumberingRecorder(Recorder):
    def current_seq(self, workshop_id: int) -> int:
        return len(self.published)


def test_a_change_names_the_phones_layout_so_a_phone_knows_whether_to_fetch_its_page(
    monkeypatch, workshop, client, client_as, django_capture_on_commit_callbacks
):
    join(client, workshop)
    before = client.get(phone_url(workshop, "tilstand")).json()["fingerprint"]
    recorder = NumberingRecorder()
    monkeypatch.setattr(live, "hub", lambda: recorder)
    konsulent = client_as("konsulent")
    section = workshop.current_section
    with django_capture_on_commit_callbacks(execute=True):
        konsulent.post(f"/sektioner/{section.pk}/fase/", {"phase": Phase.VOTE})
    (_, event, room), = recorder.published
    assert event == room and event["type"] == "changed"
    page = client.get(phone_url(workshop), HTTP_HX_REQUEST="true").content.decode()
    assert event["layout"] != before and f'data-fingerprint="{event["layout"]}"' in page
    with django_capture_on_commit_callbacks(execute=True):
        konsulent.post(f"/workshops/{workshop.pk}/status/", {"status": "lukket"})
    closed = recorder.published[-1][1]["layout"]
    assert closed == client.get(phone_url(workshop, "tilstand")).json()["fingerprint"] != event["layout"]


def test_the_phones_fragment_is_the_page_without_base_html_and_says_so_to_caches(workshop, client):
    join(client, workshop)
    whole = client.get(phone_url(workshop))
    fragment = client.get(phone_url(workshop), HTTP_HX_REQUEST="true")
    assert "<html" in whole.content.decode() and "<html" not in fragment.content.decode()
    assert 'id="phone-layout"' in fragment.content.decode()
    assert "HX-Request" in fragment["Vary"] and "HX-Request" in whole["Vary"]
