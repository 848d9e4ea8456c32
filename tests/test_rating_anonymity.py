"""Ratings cannot be worked out: the known attacks, played through HTTP as a participant would.

An attacker in the room joins as often as the cap lets them, watches every output after each
answer (projector, run page, phone page, state JSON, live events), subtracts role rows from the
overall, and has the rating reopened. Each test says what must then stay unknown.
"""

import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from samskab.workshops import live, ratings
from samskab.workshops.models import Attendee, SectionKind, WorkshopStatus
from samskab.workshops.ratings import (
    HIDDEN_COMPLEMENT,
    HIDDEN_EARLIER,
    HIDDEN_TOO_FEW,
    safe_change,
    statement_figures,
)
from tests.helpers import html
from tests.phone_helpers import JSON, demo_workshop, join, run


def dist(*values: int) -> list[int]:
    return [list(values).count(value) for value in range(1, 6)]


def hidden(figures: dict) -> dict[str, str | None]:
    return {role: row["hidden"] for role, row in figures["roles"].items()}


# The rule, on distributions --------------------------------------------------------------------


def test_a_small_group_is_hidden_and_so_is_the_smallest_shown_group_that_would_give_it_away():
    figures = statement_figures({"medarbejder": dist(3, 3, 3, 3, 3, 3), "leder": dist(4, 4, 4, 4, 4), "tr": dist(1)}, 5)
    assert hidden(figures)["tr"] == HIDDEN_TOO_FEW
    assert hidden(figures)["leder"] == HIDDEN_COMPLEMENT
    assert hidden(figures)["medarbejder"] is None
    shown = sum(row["count"] for row in figures["roles"].values() if row["hidden"] is None)
    assert figures["count"] - shown >= 5  # the overall minus what is shown is a group of at least 5


def test_the_overall_row_is_hidden_below_the_smallest_group():
    figures = statement_figures({"medarbejder": dist(2, 2, 2, 2)}, 5)
    assert figures["average"] is None and figures["distribution"] is None and figures["answered"] == 4


def test_a_change_of_fewer_than_the_smallest_group_is_not_safe_in_any_row_or_sum_of_rows():
    before = {"medarbejder": dist(3, 3, 3, 3, 3, 3), "leder": dist(4, 4, 4, 4, 4)}
    one_more = statement_figures({**before, "leder": dist(4, 4, 4, 4, 4, 1)}, 5, set())
    assert not safe_change(before, one_more, 5)
    five_more = statement_figures({**before, "leder": dist(4, 4, 4, 4, 4, 1, 2, 3, 4, 5)}, 5, set())
    assert safe_change(before, five_more, 5)
    # Five newcomers, and one earlier answer changed from 3 to 5: the changed answer would show.
    changed = statement_figures({"medarbejder": dist(3, 3, 3, 3, 3, 5), "leder": dist(4, 4, 4, 4, 4, 2, 2, 2, 2, 2)}, 5, set())
    assert not safe_change(before, changed, 5)


def test_a_change_hidden_in_one_row_cannot_be_read_off_two_rows_that_each_changed_enough():
    # Five new medarbejdere and one new (hidden) AMR: overall +6 and medarbejder +5 are each
    # "enough", but overall minus medarbejder is the AMR's one answer.
    before = {"medarbejder": dist(3, 3, 3, 3, 3, 3), "leder": dist(4, 4, 4, 4, 4), "amr": dist(2, 2, 2, 2, 2)}
    after = statement_figures(
        {"medarbejder": dist(3, 3, 3, 3, 3, 3, 1, 1, 1, 1, 1), "leder": dist(4, 4, 4, 4, 4), "amr": dist(2, 2, 2, 2, 2, 5)},
        5,
        set(),
    )
    assert not safe_change(before, after, 5)


# Through HTTP ------------------------------------------------------------------------------------


@pytest.fixture
def rating(demo):
    """The demo workshop running on its rating, open for joining, for a room of 20."""
    workshop = demo_workshop(demo)
    section = workshop.sections.get(kind=SectionKind.RATING)
    run(workshop, section)
    workshop.max_attendees = 20
    workshop.save(update_fields=["max_attendees"])
    return section


def statement(section):
    return section.statements.all().order_by("order", "pk").first()


def rate(client: Client, section, value: int) -> None:
    data = {"client_id": str(uuid.uuid4()), f"p{statement(section).pk}": str(value)}
    response = client.post(f"/w/{section.workshop.join_code}/vurderinger/", data, **JSON)
    assert response.status_code == 200, response.content[:300]


def joined(section, role: str, value: int | None = None) -> Client:
    client = Client()
    join(client, section.workshop, role=role)
    if value is not None:
        rate(client, section, value)
    return client


def close_rating(facilitator: Client, section) -> None:
    assert facilitator.post(reverse("workshops:section_phase", args=[section.pk]), {"locked": "1"}).status_code == 302


def reopen_rating(facilitator: Client, section) -> None:
    assert facilitator.post(reverse("workshops:section_phase", args=[section.pk]), {"locked": "0"}).status_code == 302


NOISE = [
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"'), "csrf"),
    (re.compile(r'"X-CSRFToken": "[^"]+"'), "csrf"),
    (re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "uuid"),
    (re.compile(r'data-seq="\d+"'), "seq"),
    (re.compile(r'"seq": ?\d+'), "seq"),
    (re.compile(r'data-fingerprint="\w+"|data-version="\w+"|"version": ?"\w+"|"fingerprint": ?"\w+"'), "hash"),
    (re.compile(r'nonce="[^"]*"'), "nonce"),
]


def normalised(text: str) -> str:
    for pattern, replacement in NOISE:
        text = pattern.sub(replacement, text)
    return text


def everything_shown(facilitator: Client, attacker: Client, section) -> list[str]:
    """Every output an attacker can watch: projector, run page, their phone and its state JSON."""
    code, pk = section.workshop.join_code, section.workshop.pk
    pages = [
        facilitator.get(reverse("workshops:projector", args=[pk])),
        facilitator.get(reverse("workshops:workshop_run", args=[pk]), HTTP_HX_REQUEST="true"),
        attacker.get(f"/w/{code}/deltag/"),
        attacker.get(f"/w/{code}/tilstand/"),
    ]
    return [normalised(html(page)) for page in pages]


def play(demo_section, client_as, values: list[tuple[str, int]], monkeypatch) -> tuple[list[list[str]], list]:
    """The attacker watches every output after each of the others' answers; returns what they saw."""
    events = []
    hub = live.hub()
    monkeypatch.setattr(hub, "publish", lambda workshop_id, event, room_event=None: events.append((event, room_event)))
    facilitator = client_as("konsulent")
    attacker = joined(demo_section, "medarbejder", 3)
    seen = [everything_shown(facilitator, attacker, demo_section)]
    for role, value in values:
        joined(demo_section, role, value)
        seen.append(everything_shown(facilitator, attacker, demo_section))
    return seen, events


def test_while_the_rating_is_open_no_output_depends_on_what_anyone_answered(rating, client_as, monkeypatch):
    room = [("medarbejder", 3)] * 5 + [("amr", 1), ("leder", 2)]
    first_seen, first_events = play(rating, client_as, room, monkeypatch)
    # The same room, with the AMR and the leder answering otherwise: everything watched is the same.
    Attendee.objects.filter(workshop=rating.workshop).delete()
    other_room = [("medarbejder", 3)] * 5 + [("amr", 5), ("leder", 4)]
    second_seen, second_events = play(rating, client_as, other_room, monkeypatch)
    assert first_seen == second_seen
    assert [event for event, _room in first_events] == [event for event, _room in second_events]
    # What it does show: how many have answered, on the run page and the projector.
    assert ">8<" in first_seen[-1][0] and ">8<" in first_seen[-1][1]


def test_fresh_browsers_cannot_join_past_the_number_in_the_room(rating):
    workshop = rating.workshop
    workshop.max_attendees = 3
    workshop.save(update_fields=["max_attendees"])
    joined(rating, "amr", 1)
    joined(rating, "medarbejder", 3)
    joined(rating, "amr", 5)  # the attacker, once
    refused = Client().post(f"/w/{workshop.join_code}/", {"role": "amr"})
    assert refused.status_code == 409
    assert "refusal" in refused.context and refused.context["refusal"]
    assert Attendee.objects.filter(workshop=workshop, role="amr").count() == 2


def test_closing_publishes_figures_that_cannot_be_subtracted_to_a_small_group(rating, client_as):
    for value in (3, 3, 4, 4, 5, 5):
        joined(rating, "medarbejder", value)
    for value in (2, 2, 3, 3, 4):
        joined(rating, "tr", value)
    joined(rating, "leder", 1)
    facilitator = client_as("konsulent")
    close_rating(facilitator, rating)
    rating.refresh_from_db()
    figures = rating.published_results["statements"][str(statement(rating).pk)]
    shown = [row for row in figures["roles"].values() if row["hidden"] is None]
    assert figures["count"] == 12
    assert figures["count"] - sum(row["count"] for row in shown) >= rating.workshop.min_group_size
    assert figures["roles"]["leder"]["hidden"] == HIDDEN_TOO_FEW
    page = html(facilitator.get(reverse("workshops:projector", args=[rating.workshop.pk])))
    assert figures["average"] == round(39 / 12, 1)
    assert 'id="ratings-by-role"' in page and f"{figures['average']:.1f}".replace(".", ",") in page


def test_reopening_for_one_more_answer_publishes_nothing_new(rating, client_as):
    for value in (3, 3, 4, 4, 5, 5):
        joined(rating, "medarbejder", value)
    facilitator = client_as("konsulent")
    close_rating(facilitator, rating)
    before = html(facilitator.get(reverse("workshops:projector", args=[rating.workshop.pk])))
    assert "4,0" in before
    reopen_rating(facilitator, rating)
    joined(rating, "leder", 1)
    response = facilitator.post(reverse("workshops:section_phase", args=[rating.pk]), {"locked": "1"}, follow=True)
    assert 'id="rating-held-back"' in html(response)
    after = html(facilitator.get(reverse("workshops:projector", args=[rating.workshop.pk])))
    assert "4,0" in after and "3,6" not in after  # 25 / 7 would give the leder's 1 away
    rating.refresh_from_db()
    assert rating.published_results["statements"][str(statement(rating).pk)]["answered"] == 6


def test_reopening_for_enough_new_answers_publishes_and_keeps_earlier_hidden_groups_hidden(rating, client_as):
    for value in (3, 3, 4, 4, 5, 5):
        joined(rating, "medarbejder", value)
    joined(rating, "amr", 1)
    facilitator = client_as("konsulent")
    close_rating(facilitator, rating)
    reopen_rating(facilitator, rating)
    for value in (5, 5, 5, 5, 5):
        joined(rating, "amr", value)  # the AMR group now holds six, five of them the attacker's
    for value in (2, 2, 2, 2, 2):
        joined(rating, "leder", value)
    close_rating(facilitator, rating)
    rating.refresh_from_db()
    figures = rating.published_results["statements"][str(statement(rating).pk)]
    assert figures["roles"]["amr"]["hidden"] == HIDDEN_EARLIER
    assert figures["roles"]["amr"]["distribution"] is None


def test_closing_the_workshop_closes_and_publishes_an_open_rating(rating, client_as):
    for value in (1, 2, 3, 4, 5):
        joined(rating, "medarbejder", value)
    client_as("konsulent").post(reverse("workshops:workshop_status", args=[rating.workshop.pk]), {"status": WorkshopStatus.CLOSED})
    rating.refresh_from_db()
    assert rating.locked
    assert rating.published_results["statements"][str(statement(rating).pk)]["average"] == 3.0


def test_the_referat_shows_the_published_figures(rating, client_as):
    for value in (3, 3, 4, 4, 5, 5):
        joined(rating, "medarbejder", value)
    facilitator = client_as("konsulent")
    close_rating(facilitator, rating)
    rating.refresh_from_db()
    board = ratings.board(rating)
    assert board["statements"][0].average == 4.0 and not board["open"]



def test_a_smallest_group_raised_mid_way_hides_more_and_lowering_it_is_refused(rating, client_as):
    for value in (3, 3, 4, 4, 5):
        joined(rating, "medarbejder", value)
    for value in (1, 2, 2, 2, 2, 2):
        joined(rating, "tr", value)
    facilitator = client_as("konsulent")
    workshop = rating.workshop
    edit = reverse("workshops:workshop_edit", args=[workshop.pk])
    data = {
        "title": workshop.title,
        "date": workshop.date.isoformat(),
        "place": workshop.place,
        "facilitators": [user.pk for user in workshop.facilitators.all()],
        "anonymous": "on",
        "votes_per_participant": str(workshop.votes_per_participant),
    }
    assert facilitator.post(edit, {**data, "min_group_size": "6"}).status_code == 302
    close_rating(facilitator, rating)
    rating.refresh_from_db()
    figures = rating.published_results["statements"][str(statement(rating).pk)]
    assert figures["roles"]["medarbejder"]["hidden"] is not None  # 5 answers, below the raised 6
    assert figures["roles"]["tr"]["hidden"] is not None  # else the overall minus the TR would give the 5 away
    assert facilitator.post(edit, {**data, "min_group_size": "5"}).status_code == 200  # refused: people joined
    workshop.refresh_from_db()
    assert workshop.min_group_size == 6
