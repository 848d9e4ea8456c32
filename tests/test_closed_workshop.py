"""A closed workshop refuses every change with a message, on every path, and its screens say it is closed.

Every request the run page, the projector, the workshop's preparation pages and the phones can
send is sent once the workshop is closed: each answers with a message, nothing in the database
changes, nothing is pushed to the screens.
"""

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from samskab.processes.models import FollowUp
from samskab.rounds.models import Action
from samskab.workshops import live
from samskab.workshops.models import Card, CardGroup, Lesson, Phase, Rating, Section, Vote, WorkshopStatus
from tests.facilitation_helpers import card, column, messages_of, running_board
from tests.helpers import html
from tests.phone_helpers import JSON, card_data, join, phone_url


@pytest.fixture
def closed(demo, client_as):
    """The demo workshop, held on its learning board with a card, a group, a lesson, an aftale and a phone, then closed."""
    board = running_board(demo, Phase.VOTE)
    workshop = board.workshop
    workshop.joining_open = True
    workshop.save(update_fields=["joining_open"])
    phone = Client()
    join(phone, workshop)
    first = card(board, "Tavlemøderne gav ro")
    second = card(board, "Færre skemaer")
    group = CardGroup.objects.create(section=board, name="Møder")
    lesson = Lesson.objects.create(section=board, text="Start med tavlen")
    action = Action.objects.create(round=workshop.round, section=board, what="Prøv tavlen i Syd")
    facilitator = client_as("konsulent")
    facilitator.post(reverse("workshops:workshop_status", args=[workshop.pk]), {"status": WorkshopStatus.CLOSED})
    workshop.refresh_from_db()
    assert workshop.status == WorkshopStatus.CLOSED
    return {
        "workshop": workshop, "board": board, "phone": phone, "facilitator": facilitator,
        "cards": (first, second), "group": group, "lesson": lesson, "action": action,
    }  # fmt: skip


def snapshot(workshop) -> tuple:
    """What a change would change: the workshop, its sections, and every kind of row it holds."""
    sections = Section.objects.filter(workshop=workshop).order_by("pk")
    sections = list(sections.values_list("pk", "title", "order", "phase", "phase_ends_at", "locked"))
    return (
        workshop_fields(workshop),
        sections,
        sorted(Card.objects.filter(section__workshop=workshop).values_list("pk", "text", "group_id", "hidden", "column_id")),
        sorted(CardGroup.objects.filter(section__workshop=workshop).values_list("pk", "name")),
        sorted(Lesson.objects.filter(section__workshop=workshop).values_list("pk", "text")),
        sorted(Action.objects.filter(round=workshop.round).values_list("pk", "what", "why")),
        Vote.objects.filter(card__section__workshop=workshop).count(),
        Rating.objects.filter(statement__section__workshop=workshop).count(),
        FollowUp.objects.count(),
        workshop.attendance.count(),
    )


def workshop_fields(workshop) -> tuple:
    workshop.refresh_from_db()
    return (workshop.title, workshop.status, workshop.current_section_id, workshop.current_challenge_id, workshop.joining_open)


def facilitator_requests(held: dict) -> list[tuple[str, dict]]:
    workshop, board, group, lesson, action = (held[key] for key in ("workshop", "board", "group", "lesson", "action"))
    first, second = held["cards"]
    other = workshop.sections.exclude(pk=board.pk).first()
    challenge = workshop.round.process.challenges.first()
    solution = challenge.solutions.first()
    return [
        (reverse("workshops:section_show", args=[other.pk]), {}),
        (reverse("workshops:section_phase", args=[board.pk]), {"phase": Phase.CONCLUDE}),
        (reverse("workshops:section_phase", args=[board.pk]), {"minutes": "5"}),
        (reverse("workshops:section_phase", args=[board.pk]), {"locked": "1"}),
        (reverse("workshops:status_challenge", args=[workshop.pk]), {"challenge": challenge.pk}),
        (reverse("workshops:status_confirm", args=[workshop.pk, solution.pk]), {"status": "implementeret", "submission": str(uuid.uuid4())}),
        (reverse("workshops:paper_card", args=[board.pk]), {"client_id": str(uuid.uuid4()), "text": "Papir", "column": column(board).pk}),
        (reverse("workshops:card_hide", args=[first.pk]), {"hidden": "1"}),
        (reverse("workshops:workshop_joining", args=[workshop.pk]), {"open": "1", "max_attendees": "9"}),
        (reverse("workshops:group_create", args=[board.pk]), {"name": "Ny gruppe"}),
        (reverse("workshops:group_edit", args=[group.pk]), {"name": "Omdøbt"}),
        (reverse("workshops:group_delete", args=[group.pk]), {}),
        (reverse("workshops:card_group", args=[first.pk]), {"group": group.pk}),
        (reverse("workshops:card_moderate", args=[first.pk]), {"text": "Ændret", "column": column(board).pk}),
        (reverse("workshops:card_merge", args=[second.pk]), {"into": first.pk, "keep": "begge"}),
        (reverse("workshops:lesson_create", args=[board.pk]), {"text": "Ny", "submission": str(uuid.uuid4())}),
        (reverse("workshops:lesson_edit", args=[lesson.pk]), {"text": "Ændret"}),
        (reverse("workshops:lesson_delete", args=[lesson.pk]), {}),
        (reverse("workshops:action_create", args=[board.pk]), {"what": "Ny", "submission": str(uuid.uuid4())}),
        (reverse("workshops:action_edit", args=[action.pk]), {"what": "Ændret", "version": str(action.version)}),
        (reverse("workshops:action_delete", args=[action.pk]), {}),
        (reverse("workshops:section_create", args=[workshop.pk]), {"kind": "kortvaeg", "title": "Ny"}),
        (reverse("workshops:section_edit", args=[board.pk]), {"section-title": "Ændret"}),
        (reverse("workshops:section_move", args=[board.pk]), {"up": "1"}),
        (reverse("workshops:section_delete", args=[board.pk]), {}),
        (reverse("workshops:workshop_edit", args=[workshop.pk]), {"title": "Ændret"}),
        (reverse("workshops:attendance", args=[workshop.pk]), {}),
    ]


def test_every_facilitator_path_refuses_with_a_message_and_changes_nothing(closed, monkeypatch):
    pushed = []
    monkeypatch.setattr(live.hub(), "publish", lambda *args, **kwargs: pushed.append(args))
    before = snapshot(closed["workshop"])
    for url, data in facilitator_requests(closed):
        response = closed["facilitator"].post(url, data, follow=True)
        assert response.status_code == 200, url
        assert messages_of(response), f"{url} said nothing"
        assert snapshot(closed["workshop"]) == before, f"{url} changed the closed workshop"
    assert pushed == []


def test_every_phone_path_refuses_with_a_message(closed):
    phone, workshop, board = closed["phone"], closed["workshop"], closed["board"]
    first = closed["cards"][0]
    before = snapshot(workshop)
    statement = workshop.sections.get(kind="vurdering").statements.first()
    writes = [
        (phone_url(workshop, "kort"), card_data(board)),
        (f"/w/{workshop.join_code}/kort/{first.client_id}/stem/", {"client_id": str(uuid.uuid4())}),
        (phone_url(workshop, "vurderinger"), {"client_id": str(uuid.uuid4()), f"p{statement.pk}": "3"}),
    ]
    for url, data in writes:
        response = phone.post(url, data, **JSON)
        assert response.status_code == 409, url
        assert response.json()["message"]
    assert snapshot(workshop) == before


def test_the_screens_say_the_workshop_is_closed_and_stop_showing_the_code(closed):
    workshop, facilitator = closed["workshop"], closed["facilitator"]
    for url in (reverse("workshops:projector", args=[workshop.pk]), reverse("workshops:workshop_run", args=[workshop.pk])):
        page = html(facilitator.get(url))
        assert 'id="workshop-closed"' in page, url
        assert workshop.join_code not in page.split("<main")[1].split("</main>")[0].replace(f"/w/{workshop.join_code}", ""), url
    phone_page = html(closed["phone"].get(phone_url(workshop)))
    assert "samskab-phone" in phone_page and closed["phone"].get(phone_url(workshop)).context["closed"]


def test_reopening_the_workshop_lets_the_facilitator_change_it_again(closed):
    workshop, facilitator = closed["workshop"], closed["facilitator"]
    facilitator.post(reverse("workshops:workshop_status", args=[workshop.pk]), {"status": WorkshopStatus.RUNNING})
    facilitator.post(reverse("workshops:section_phase", args=[closed["board"].pk]), {"phase": Phase.CONCLUDE})
    closed["board"].refresh_from_db()
    assert closed["board"].phase == Phase.CONCLUDE
