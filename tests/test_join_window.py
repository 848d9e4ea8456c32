"""Joining is open only while the workshop runs and the facilitator has opened it, for as many as are in the room.

Also: the same browser comes back as the same participant, a participant's writes are limited
as a room needs, and the promise shown at joining ("anonymous", the smallest group) only becomes
stricter once someone has joined.
"""

import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from samskab.workshops import limits
from samskab.workshops.models import Attendee, SectionKind, WorkshopStatus
from tests.helpers import html
from tests.phone_helpers import JSON, card_data, join, learning_board, phone_url, run, workshop  # noqa: F401  (fixture)


def join_page(client: Client, workshop, role: str = "medarbejder"):
    return client.post(f"/w/{workshop.join_code}/", {"role": role})


def start(client: Client, workshop, **data):
    return client.post(reverse("workshops:workshop_status", args=[workshop.pk]), {"status": WorkshopStatus.RUNNING, **data})


def open_joining(client: Client, workshop, number) -> None:
    client.post(reverse("workshops:workshop_joining", args=[workshop.pk]), {"open": "1", "max_attendees": str(number)})


def test_a_planned_workshop_cannot_be_joined_and_says_why(workshop):
    page = Client().get(f"/w/{workshop.join_code}/")
    assert page.status_code == 200 and 'id="join-refusal"' in html(page)
    response = join_page(Client(), workshop)
    assert response.status_code == 409
    assert escape(response.context["refusal"]) in html(response)
    assert not Attendee.objects.filter(workshop=workshop).exists()


def test_starting_with_the_number_in_the_room_opens_joining_and_the_run_page_counts(workshop, client_as):
    facilitator = client_as("konsulent")
    start(facilitator, workshop, max_attendees="2")
    workshop.refresh_from_db()
    assert workshop.joining_open and workshop.max_attendees == 2
    join(Client(), workshop)
    page = html(facilitator.get(reverse("workshops:workshop_run", args=[workshop.pk])))
    assert "1 af 2 er med" in page
    assert workshop.join_code in page


def test_the_run_page_suggests_the_forloebs_participants_less_afbud(workshop, client_as):
    page = html(client_as("konsulent").get(reverse("workshops:workshop_run", args=[workshop.pk])))
    expected = workshop.round.process.participants.count() - workshop.attendance.filter(status="afbud").count()
    assert f'name="max_attendees" value="{expected}"' in page


def test_the_room_is_full_at_the_number_the_facilitator_gave(workshop, client_as):
    facilitator = client_as("konsulent")
    start(facilitator, workshop, max_attendees="2")
    first = Client()
    join(first, workshop)
    join(Client(), workshop)
    with translation.override("da"):
        refused = join_page(Client(), workshop)
    assert refused.status_code == 409
    assert "lokalet" in refused.context["refusal"]  # said in Danish
    assert Attendee.objects.filter(workshop=workshop).count() == 2
    # The same browser comes back as the same participant, full or not.
    again = first.get(f"/w/{workshop.join_code}/")
    assert again.status_code == 302 and again.url.endswith("/deltag/")
    assert Attendee.objects.filter(workshop=workshop).count() == 2
    # Paper cards typed in by the facilitator take no place in the room.
    Attendee.objects.create(workshop=workshop, on_paper=True)
    open_joining(facilitator, workshop, 3)
    join(Client(), workshop)


def test_closing_joining_keeps_those_who_joined_and_refuses_new_ones(workshop, client_as):
    facilitator = client_as("konsulent")
    board = run(workshop)
    phone = Client()
    join(phone, workshop)
    facilitator.post(reverse("workshops:workshop_joining", args=[workshop.pk]), {"open": "0"})
    workshop.refresh_from_db()
    assert not workshop.joining_open
    assert join_page(Client(), workshop).status_code == 409
    assert phone.post(phone_url(workshop, "kort"), card_data(board), **JSON).status_code == 200
    projector = html(facilitator.get(reverse("workshops:projector", args=[workshop.pk])))
    assert workshop.join_code not in projector  # the code is not shown while it lets nobody in


def test_joining_opens_only_while_the_workshop_runs_and_with_a_number(workshop, client_as):
    facilitator = client_as("konsulent")
    open_joining(facilitator, workshop, 5)
    workshop.refresh_from_db()
    assert not workshop.joining_open  # planned
    start(facilitator, workshop)  # without a number: started, joining still closed
    workshop.refresh_from_db()
    assert workshop.status == WorkshopStatus.RUNNING and not workshop.joining_open
    open_joining(facilitator, workshop, 0)
    workshop.refresh_from_db()
    assert not workshop.joining_open
    assert client_as("leder").post(reverse("workshops:workshop_joining", args=[workshop.pk]), {"open": "1", "max_attendees": "5"}).status_code == 403
    open_joining(facilitator, workshop, 5)
    workshop.refresh_from_db()
    assert workshop.joining_open and workshop.max_attendees == 5


def test_closing_the_workshop_closes_joining_and_reopening_does_not_open_it(workshop, client_as):
    facilitator = client_as("konsulent")
    start(facilitator, workshop, max_attendees="5")
    facilitator.post(reverse("workshops:workshop_status", args=[workshop.pk]), {"status": WorkshopStatus.CLOSED})
    start(facilitator, workshop)
    workshop.refresh_from_db()
    assert workshop.status == WorkshopStatus.RUNNING and not workshop.joining_open


# Limits on what one participant sends ------------------------------------------------------------


def test_cards_are_limited_per_minute_with_a_clear_message(workshop, monkeypatch):
    monkeypatch.setattr(limits, "WRITES_PER_MINUTE", 3)
    board = run(workshop)
    phone = Client()
    join(phone, workshop)
    answers = [phone.post(phone_url(workshop, "kort"), card_data(board, f"Kort {n}"), **JSON) for n in range(4)]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert answers[-1].json()["message"]
    # A repeat of a stored card (a phone that lost the answer) is answered as before, not refused.
    repeat = card_data(board, "Kort 0")
    repeat["client_id"] = answers[0].json()["client_id"]
    assert phone.post(phone_url(workshop, "kort"), repeat, **JSON).status_code == 200
    # Another participant still writes.
    other = Client()
    join(other, workshop)
    assert other.post(phone_url(workshop, "kort"), card_data(board), **JSON).status_code == 200


def test_cards_are_limited_per_board(workshop, monkeypatch):
    monkeypatch.setattr(limits, "CARDS_PER_SECTION", 2)
    board = run(workshop)
    phone = Client()
    join(phone, workshop)
    answers = [phone.post(phone_url(workshop, "kort"), card_data(board, f"Kort {n}"), **JSON) for n in range(3)]
    assert [answer.status_code for answer in answers] == [200, 200, 409]
    assert learning_board(workshop).cards.count() == 2


def test_ratings_are_limited_per_minute(workshop, monkeypatch):
    monkeypatch.setattr(limits, "WRITES_PER_MINUTE", 2)
    rating = run(workshop, workshop.sections.get(kind=SectionKind.RATING))
    statement = rating.statements.first()
    phone = Client()
    join(phone, workshop)

    def rate(value):
        data = {"client_id": str(uuid.uuid4()), f"p{statement.pk}": str(value)}
        return phone.post(phone_url(workshop, "vurderinger"), data, **JSON).status_code

    assert [rate(value) for value in (1, 2, 3)] == [200, 200, 429]


# The promise at joining only becomes stricter ----------------------------------------------------


def edit_data(workshop, **changes) -> dict:
    data = {
        "title": "Et nyt navn",
        "date": workshop.date.isoformat(),
        "place": workshop.place,
        "facilitators": [user.pk for user in workshop.facilitators.all()],
        "min_group_size": str(workshop.min_group_size),
        "votes_per_participant": str(workshop.votes_per_participant),
    }
    if workshop.anonymous:
        data["anonymous"] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_once_someone_joined_the_smallest_group_cannot_be_lowered_nor_anonymity_switched_off(workshop, client_as):
    facilitator = client_as("konsulent")
    url = reverse("workshops:workshop_edit", args=[workshop.pk])
    # Before anyone joins, the facilitator may still lower it.
    assert facilitator.post(url, edit_data(workshop, min_group_size="4")).status_code == 302
    workshop.refresh_from_db()
    assert workshop.min_group_size == 4
    run(workshop)
    join(Client(), workshop)
    lowered = facilitator.post(url, edit_data(workshop, min_group_size="3"))
    assert lowered.status_code == 200
    assert "min_group_size" in lowered.context["form"].errors
    assert 'value="Et nyt navn"' in html(lowered)  # what was typed is kept
    named = facilitator.post(url, edit_data(workshop, anonymous=None))
    assert "anonymous" in named.context["form"].errors
    workshop.refresh_from_db()
    assert workshop.min_group_size == 4 and workshop.anonymous
    assert facilitator.post(url, edit_data(workshop, min_group_size="6")).status_code == 302  # stricter is fine
    workshop.refresh_from_db()
    assert workshop.min_group_size == 6
