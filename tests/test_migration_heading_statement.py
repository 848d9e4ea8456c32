"""Migrations 0011 and 0012: the old Prompt's rows become Headings (a board's columns and themes)
and Statements (a rating's), each under its id and with its history, so that every card, lesson
and rating still points at the same text; and the way back puts them into Prompt again."""

import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from samskab.workshops.models import Attendee, Card, Heading, HeadingKind, Lesson, Rating, Section, SectionKind, Statement

BEFORE = [("workshops", "0010_round_and_action_moved_to_rounds")]
AFTER = [("workshops", "0012_prompt_split")]


def migrate(targets):
    """Migrate the test database to `targets`; the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def old_rows(apps, board: Section, rating: Section, attendee: Attendee) -> dict[str, int]:
    """A column, a theme and a statement as Prompt kept them, with their history, and what points at them."""
    prompts = apps.get_model("workshops", "Prompt").objects
    history = apps.get_model("workshops", "HistoricalPrompt").objects
    made = {
        "column": prompts.create(section_id=board.pk, role="kolonne", text="Gør igen", key="keep", order=0),
        "theme": prompts.create(section_id=board.pk, role="tema", text="Metoden", key="method", order=1),
        "statement": prompts.create(section_id=rating.pk, role="udsagn", text="Ledelsen bakker op", key="support"),
    }
    for row in made.values():
        values = {name: getattr(row, name) for name in ("id", "section_id", "role", "text", "key", "order")}
        history.create(history_date=timezone.now(), history_type="+", **values)
        history.create(history_date=timezone.now(), history_type="~", **{**values, "text": f"{row.text} (rettet)"})
    card = apps.get_model("workshops", "Card").objects.create(
        client_id=uuid.uuid4(), section_id=board.pk, column_id=made["column"].pk, theme_id=made["theme"].pk, text="Korte møder"
    )
    lesson = apps.get_model("workshops", "Lesson").objects.create(section_id=board.pk, text="Start småt", theme_id=made["theme"].pk)
    given = apps.get_model("workshops", "Rating").objects.create(
        client_id=uuid.uuid4(), prompt_id=made["statement"].pk, attendee_id=attendee.pk, value=4
    )
    return {**{name: row.pk for name, row in made.items()}, "card": card.pk, "lesson": lesson.pk, "rating": given.pk}


@pytest.mark.django_db(transaction=True)
def test_every_row_keeps_its_id_its_history_and_what_points_at_it():
    # The way back copies headings and statements into one table under their ids: start with none,
    # so that no heading and statement share an id.
    Heading.objects.all().delete()
    Statement.objects.all().delete()
    Heading.history.all().delete()
    Statement.history.all().delete()
    board = Section.objects.filter(kind=SectionKind.BOARD).first()
    rating = Section.objects.filter(kind=SectionKind.RATING).first()
    attendee = Attendee.objects.create(workshop=rating.workshop)
    try:
        ids = old_rows(migrate(BEFORE), board, rating, attendee)
    finally:
        migrate(AFTER)

    card = Card.objects.get(pk=ids["card"])
    assert (card.column.pk, card.column.kind, card.column.text, card.column.key) == (ids["column"], HeadingKind.COLUMN, "Gør igen", "keep")
    assert (card.theme.pk, card.theme.kind, card.theme.text, card.theme.order) == (ids["theme"], HeadingKind.THEME, "Metoden", 1)
    assert Lesson.objects.get(pk=ids["lesson"]).theme == card.theme
    statement = Rating.objects.get(pk=ids["rating"]).statement
    assert (statement.pk, statement.text, statement.key, statement.section) == (ids["statement"], "Ledelsen bakker op", "support", rating)
    assert not Heading.objects.filter(pk=ids["statement"]).exists()
    assert not Statement.objects.filter(pk__in=[ids["column"], ids["theme"]]).exists()

    def history(records, pk) -> list[tuple[str, str]]:
        return list(records.filter(id=pk).order_by("history_id").values_list("history_type", "text"))

    assert history(Heading.history, ids["column"]) == [("+", "Gør igen"), ("~", "Gør igen (rettet)")]
    assert history(Heading.history, ids["theme"]) == [("+", "Metoden"), ("~", "Metoden (rettet)")]
    assert history(Statement.history, ids["statement"]) == [("+", "Ledelsen bakker op"), ("~", "Ledelsen bakker op (rettet)")]

    # New rows are numbered after the copied ones (PostgreSQL's sequences were moved on).
    new_heading = Heading.objects.create(section=board, kind=HeadingKind.THEME, text="Nyt tema")
    new_statement = Statement.objects.create(section=rating, text="Nyt udsagn")
    assert new_heading.pk > max(ids["column"], ids["theme"]) and new_statement.pk > ids["statement"]
    assert new_heading.history.count() == new_statement.history.count() == 1
