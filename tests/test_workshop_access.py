"""Rows of a workshop's sections (cards, læringspunkter, aftaler) are reached with their workshop:
its facilitators get them, the forløb's other readers are refused (403), everyone else finds nothing (404)."""

import uuid

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from samskab.rounds.models import Action
from samskab.workshops.access import get_aftale_for_facilitator, get_card_for_facilitator, get_lesson_for_facilitator
from samskab.workshops.models import Card, Lesson, Workshop


@pytest.fixture
def rows(demo) -> dict:
    """A card, a læringspunkt and an aftale in the demo forløb's workshop (facilitated by the konsulent)."""
    workshop = Workshop.objects.get(round__process=demo)
    section = workshop.sections.first()
    return {
        get_card_for_facilitator: Card.objects.create(section=section, client_id=uuid.uuid4(), text="Et kort"),
        get_lesson_for_facilitator: Lesson.objects.create(section=section, text="Et læringspunkt"),
        get_aftale_for_facilitator: Action.objects.create(round=workshop.round, section=section, what="En aftale"),
    }


GETTERS = [get_card_for_facilitator, get_lesson_for_facilitator, get_aftale_for_facilitator]


@pytest.mark.parametrize("get", GETTERS)
def test_a_facilitator_gets_it_with_its_section_and_workshop(rows, personas, get):
    found = get(personas["konsulent"], rows[get].pk)
    assert found == rows[get]
    assert found.section.workshop.facilitators.filter(pk=personas["konsulent"].pk).exists()


@pytest.mark.parametrize("get", GETTERS)
def test_a_reader_of_the_forloeb_who_does_not_facilitate_is_refused(rows, personas, get):
    with pytest.raises(PermissionDenied):
        get(personas["med"], rows[get].pk)


@pytest.mark.parametrize("get", GETTERS)
def test_another_municipality_finds_nothing(rows, personas, get):
    with pytest.raises(Http404):
        get(personas["nabo"], rows[get].pk)


def test_an_action_of_the_plan_is_no_aftale(rows, personas):
    action = Action.objects.create(round=rows[get_aftale_for_facilitator].round, what="Not agreed in the workshop")
    with pytest.raises(Http404):
        get_aftale_for_facilitator(personas["konsulent"], action.pk)
