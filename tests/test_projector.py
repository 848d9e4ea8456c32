"""The projector page over HTTP: the wall without the site's chrome, the code and QR code only while
joining is open, lessons and aftaler first while concluding, and closed ratings drawn from the
published figures only."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samskab.rounds.models import Action
from samskab.workshops import ratings
from samskab.workshops.models import Attendee, Card, Lesson, Phase, Rating, SectionKind, WorkshopStatus
from samskab.workshops.projection import rating_charts
from samskab.workshops.state import board_state
from tests.helpers import html


@pytest.fixture
def running(demo):
    workshop = demo.rounds.get().workshop
    workshop.status, workshop.joining_open, workshop.max_attendees = WorkshopStatus.RUNNING, True, 20
    workshop.current_section = board = workshop.sections.get(kind=SectionKind.BOARD, order=1)
    workshop.save()
    board.phase = Phase.SHOW
    board.save()
    return workshop


def _url(workshop) -> str:
    return reverse("workshops:projector", args=[workshop.pk])


def test_the_wall_has_none_of_the_sites_chrome_and_a_way_into_projector_mode(running, client_as):
    page = html(client_as("konsulent").get(_url(running)))
    assert "samskab-header" not in page and "samskab-nav" not in page and "<footer" not in page
    assert "data-projector-mode" in page and 'aria-keyshortcuts="F"' in page and "projector.js" in page
    assert 'id="projector"' in page and "data-live-fragment" in page and "data-live-socket" in page


def test_the_live_fragment_is_the_wall_alone(running, client_as):
    fragment = html(client_as("konsulent").get(_url(running), HTTP_HX_REQUEST="true"))
    assert fragment.lstrip().startswith('<div id="projector"') and "samskab-wall-bar" not in fragment
    assert running.join_code in fragment and 'class="samskab-qr-wrap"' in fragment


def test_the_code_and_qr_code_show_only_while_joining_is_open(running, client_as):
    client = client_as("konsulent")
    assert 'id="join-code"' in html(client.get(_url(running)))
    running.joining_open = False
    running.save(update_fields=["joining_open"])
    page = html(client.get(_url(running)))
    assert 'id="join-code"' not in page and "samskab-qr-wrap" not in page and running.join_code not in page


def test_while_concluding_the_lessons_and_aftaler_come_before_the_board(running, client_as):
    board = running.current_section
    Card.objects.create(client_id=uuid.uuid4(), section=board, text="Korte møder", column=board.headings.first())
    Lesson.objects.create(section=board, text="Start småt")
    Action.objects.create(
        round=running.round, section=board, what="Del skabelonen", deadline=timezone.localdate() + timedelta(days=9)
    )
    board.phase = Phase.CONCLUDE
    board.save(update_fields=["phase"])
    page = html(client_as("konsulent").get(_url(running)))
    assert page.index("Start småt") < page.index("Del skabelonen") < page.index("Korte møder")
    board.phase = Phase.DISCUSS
    board.save(update_fields=["phase"])
    assert "Start småt" not in html(client_as("konsulent").get(_url(running)))


def _rate(section, role: str, values: list[int]) -> None:
    statement = section.statements.first()
    for value in values:
        attendee = Attendee.objects.create(workshop=section.workshop, role=role)
        Rating.objects.create(client_id=uuid.uuid4(), statement=statement, attendee=attendee, value=value)


def test_a_closed_rating_is_drawn_from_its_published_figures_and_names_the_hidden_roles_once(running, client_as):
    section = running.sections.get(kind=SectionKind.RATING)
    running.current_section = section
    running.save(update_fields=["current_section"])
    _rate(section, "medarbejder", [5, 5, 4, 4, 4, 2])
    _rate(section, "", [3, 3, 3, 3, 3])
    _rate(section, "leder", [1])  # one leder: hidden, and with it the smallest shown group (ratings.py)
    section.locked = True
    section.save(update_fields=["locked"])
    ratings.publish(section)
    _rate(section, "medarbejder", [1, 1, 1])  # after publication: no screen shows these
    charts = rating_charts(board_state(section, for_facilitator=False))
    first = charts[0]
    assert first.figures.count == 12 and first.figures.distribution == [1, 1, 5, 3, 2]
    assert [bar.height for bar in first.bars] == [40, 40, 200, 120, 80]  # the largest count fills the column
    assert first.average_length == round(first.figures.average / 5 * 1000)
    labels = {role: str(label) for role, label in ratings.ROLE_GROUPS}
    assert first.hidden_roles == [labels["leder"], labels[ratings.NOT_STATED]]  # answered, hidden; no others named
    assert [str(role.label) for role in first.roles] == [labels["medarbejder"]]
    assert all(chart.bars == [] and chart.hidden_roles == [] for chart in charts[1:])  # nobody answered those
    page = html(client_as("konsulent").get(_url(running)))
    assert page.count("ikke vist: leder, ikke oplyst") == 1
    assert "Skjult" not in page.split('id="ratings-by-role"')[1]


def test_the_wall_speaks_english_to_an_english_reader(running, client_as):
    client = client_as("konsulent")
    client.cookies["django_language"] = "en"
    page = html(client.get(_url(running)))
    assert 'lang="en"' in page and "Projector mode (F)" in page and "Back to running the workshop" in page
    assert "and type the code" in page
    client.cookies["django_language"] = "da"
    page = html(client.get(_url(running)))
    assert 'lang="da"' in page and "Projektortilstand (F)" in page and "og skriv koden" in page
