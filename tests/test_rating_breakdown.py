"""Ratings by the role participants stated, under the anonymity rule (the smallest group shown).

The figures are published when the rating closes (workshops/ratings.py); before, only counts.
"""

import uuid

import pytest
from django.urls import reverse

from samskab.workshops.models import Attendee, Rating, SectionKind, Workshop, WorkshopStatus
from samskab.workshops.ratings import (
    HIDDEN_COMPLEMENT,
    HIDDEN_NO_ANSWERS,
    HIDDEN_TOO_FEW,
    NOT_STATED,
    RoleFigures,
    statement_figures,
)
from samskab.workshops.state import board_state
from tests.helpers import html


def _by_role(rows):
    return {row.role: row for row in rows}


def role_breakdown(values_by_role: dict[str, list[int]], smallest: int) -> list[RoleFigures]:
    """The role rows that closing a rating with these answers publishes."""
    basis = {role: [values.count(v) for v in range(1, 6)] for role, values in values_by_role.items()}
    figures = statement_figures(basis, smallest)
    return [RoleFigures(role, role, **row) for role, row in figures["roles"].items()]


def test_a_role_group_below_the_smallest_is_hidden_and_an_empty_one_says_so():
    rows = _by_role(role_breakdown({"medarbejder": [4, 4, 5, 3, 4, 2], "leder": [1, 2, 3, 4, 5]}, 5))
    assert rows["medarbejder"].average == 3.7 and rows["medarbejder"].distribution == [0, 1, 1, 3, 1]
    assert rows["leder"].average == 3.0 and rows["leder"].hidden is None
    assert rows["tr"].hidden == HIDDEN_NO_ANSWERS and rows["tr"].average is None
    assert rows[NOT_STATED].hidden == HIDDEN_NO_ANSWERS


def test_one_small_group_hides_the_smallest_shown_group_too_so_it_cannot_be_worked_out():
    # 6 medarbejdere, 5 ledere, 1 TR: total minus the shown groups would give the TR's rating.
    rows = _by_role(role_breakdown({"medarbejder": [3] * 6, "leder": [4] * 5, "tr": [1]}, 5))
    assert rows["tr"].hidden == HIDDEN_TOO_FEW and rows["tr"].average is None
    assert rows["leder"].hidden == HIDDEN_COMPLEMENT and rows["leder"].average is None
    assert rows["medarbejder"].hidden is None and rows["medarbejder"].average == 3.0


def test_small_groups_that_together_reach_the_smallest_hide_nothing_else():
    rows = _by_role(role_breakdown({"medarbejder": [3] * 6, "tr": [1, 2], "amr": [5, 5, 4]}, 5))
    assert rows["tr"].hidden == rows["amr"].hidden == HIDDEN_TOO_FEW
    assert rows["medarbejder"].hidden is None


def test_ratings_without_a_stated_role_form_their_own_group():
    rows = _by_role(role_breakdown({NOT_STATED: [2, 2, 2, 2, 2]}, 5))
    assert rows[NOT_STATED].average == 2.0 and rows[NOT_STATED].count == 5


@pytest.fixture
def rating_section(demo):
    workshop = Workshop.objects.get(round__process=demo)
    section = workshop.sections.get(kind=SectionKind.RATING)
    workshop.status = WorkshopStatus.RUNNING
    workshop.current_section = section
    workshop.save()
    return section


def _close(section) -> None:
    """The facilitator closes the rating: its figures are published."""
    section.locked = True
    section.save(update_fields=["locked"])


def _rate(section, role: str, values: list[int]) -> None:
    statement = section.statements.first()
    for value in values:
        attendee = Attendee.objects.create(workshop=section.workshop, role=role)
        Rating.objects.create(client_id=uuid.uuid4(), statement=statement, attendee=attendee, value=value)


def test_the_state_reads_roles_from_the_attendees_in_a_fixed_number_of_queries(rating_section, django_assert_max_num_queries):
    _rate(rating_section, "medarbejder", [5, 5, 5, 4, 4, 5])
    _rate(rating_section, "leder", [1])
    _rate(rating_section, "", [3, 3, 3, 3, 3])
    _close(rating_section)
    board_state(rating_section, for_facilitator=False)  # publishes once, on first reading
    with django_assert_max_num_queries(6):
        state = board_state(rating_section, for_facilitator=False)
    first = _by_role(state["statements"][0].by_role)
    assert first["medarbejder"].average == 4.7
    assert first["leder"].hidden == HIDDEN_TOO_FEW
    assert first[NOT_STATED].hidden == HIDDEN_COMPLEMENT  # else 12 answers minus the others would give the leder's
    assert state["statements"][0].count == 12


def test_the_run_page_and_the_projector_show_the_breakdown_and_why_groups_are_hidden(rating_section, client_as):
    _rate(rating_section, "medarbejder", [5, 5, 5, 4, 4, 5])
    _rate(rating_section, "leder", [1, 1])
    _rate(rating_section, "tr", [2, 2, 2, 2, 2])
    _close(rating_section)
    client = client_as("konsulent")
    for url in (reverse("workshops:workshop_run", args=[rating_section.workshop.pk]), reverse("workshops:projector", args=[rating_section.workshop.pk])):
        page = html(client.get(url))
        assert 'id="ratings-by-role"' in page
        table = page.split('id="ratings-by-role"')[1]
        assert "4,7" in table or "4.7" in table  # the medarbejdere's average
        # Two ledere are hidden, and with them the TR group (the smallest shown), so 1.0 and 2.0 never show.
        assert "1,0" not in table and "1.0" not in table
        assert "2,0" not in table and "2.0" not in table
