"""The reads every card and vote from a phone starts with, their inserts and the voter's row lock,
written out in SQL.

Building these queries through the ORM (filters, a join, select_related, the compiler) took
several times the CPU PostgreSQL took to run them, and a theme day's rooms send a card or a vote
every few milliseconds. So they are written out here once, and their rows made into model
instances as the ORM makes them: each column through the database's and the field's converters,
then `Model.from_db`. The results are the same objects the ORM queries gave.
"""

from dataclasses import dataclass
from functools import cache

from django.db import connection, models

from samskab.workshops.models import Attendee, Card, Heading, Section, Vote, Workshop


@dataclass(frozen=True)
class Columns:
    """A model's columns in a query under a table alias, and how to make an instance of a row's part."""

    model: type[models.Model]
    sql: str  # "a"."id", "a"."token", …
    names: list[str]  # the fields' attnames, in the same order
    converters: list[tuple[int, list, object]]  # (position, converters, the column expression)

    def instance(self, values: tuple) -> models.Model:
        values = list(values)
        for position, converters, expression in self.converters:
            for convert in converters:
                values[position] = convert(values[position], expression, connection)
        return self.model.from_db(connection.alias, self.names, values)

    def converter(self, name: str):
        """value → the field's Python value, for one column read on its own."""
        position = self.names.index(name)
        found = [(converters, expression) for at, converters, expression in self.converters if at == position]

        def convert(value):
            for converters, expression in found:
                for one in converters:
                    value = one(value, expression, connection)
            return value

        return convert


@cache
def _columns(model: type[models.Model], alias: str, vendor: str) -> Columns:
    """Made once per model, alias and database kind (the converters differ between SQLite and PostgreSQL)."""
    quote = connection.ops.quote_name
    fields = model._meta.concrete_fields
    converters = []
    for position, field in enumerate(fields):
        expression = field.get_col(alias)
        found = connection.ops.get_db_converters(expression) + expression.get_db_converters(connection)
        if found:
            converters.append((position, found, expression))
    return Columns(
        model=model,
        sql=", ".join(f"{quote(alias)}.{quote(field.column)}" for field in fields),
        names=[field.attname for field in fields],
        converters=converters,
    )


def columns(model: type[models.Model], alias: str) -> Columns:
    return _columns(model, alias, connection.vendor)


def _table(model: type[models.Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def attendees_by_code(code: str, tokens: list[str]) -> list[Attendee]:
    """The attendees with one of these tokens in the workshop with this join code, each with its workshop."""
    if not tokens:
        return []
    a, w = columns(Attendee, "a"), columns(Workshop, "w")
    marks = ", ".join(["%s"] * len(tokens))
    sql = (
        f"SELECT {a.sql}, {w.sql} FROM {_table(Attendee)} a JOIN {_table(Workshop)} w ON w.id = a.workshop_id "
        f"WHERE w.join_code = %s AND a.token IN ({marks})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [code, *tokens])
        rows = cursor.fetchall()
    found = []
    for row in rows:
        attendee = a.instance(row[: len(a.names)])
        attendee.workshop = w.instance(row[len(a.names) :])
        found.append(attendee)
    return found


def board_headings(section_id: int, workshop_id: int) -> list[Heading]:
    """The headings (columns, themes) of the workshop's section with this id, each with that section as one object."""
    h, s = columns(Heading, "h"), columns(Section, "s")
    sql = (
        f"SELECT {h.sql}, {s.sql} FROM {_table(Heading)} h JOIN {_table(Section)} s ON s.id = h.section_id "
        f"WHERE h.section_id = %s AND s.workshop_id = %s ORDER BY h.kind, h.{connection.ops.quote_name('order')}, h.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [section_id, workshop_id])
        rows = cursor.fetchall()
    headings, section = [], None
    for row in rows:
        heading = h.instance(row[: len(h.names)])
        section = section or s.instance(row[len(h.names) :])
        heading.section = section
        headings.append(heading)
    return headings


def visible_card(client_id, workshop_id: int) -> Card | None:
    """The card with this client id in the workshop, not hidden, with its section."""
    c, s = columns(Card, "c"), columns(Section, "s")
    sql = (
        f"SELECT {c.sql}, {s.sql} FROM {_table(Card)} c JOIN {_table(Section)} s ON s.id = c.section_id "
        f"WHERE c.client_id = %s AND s.workshop_id = %s AND NOT c.hidden"
    )
    prepared = Card._meta.get_field("client_id").get_db_prep_value(client_id, connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, [prepared, workshop_id])
        row = cursor.fetchone()
    if row is None:
        return None
    card = c.instance(row[: len(c.names)])
    card.section = s.instance(row[len(c.names) :])
    return card


@cache
def _insert_sql(model: type[models.Model], vendor: str) -> tuple[str, list]:
    """INSERT … RETURNING id for a new row of `model`, and the fields whose values it takes, in order."""
    quote = connection.ops.quote_name
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {_table(model)} ({', '.join(quote(field.column) for field in fields)}) VALUES ({marks})"
    if connection.features.can_return_columns_from_insert:
        sql += f" RETURNING {quote(model._meta.pk.column)}"
    return sql, fields


def insert(instance: models.Model) -> models.Model:
    """Store a new card or vote as Model.objects.create does (each field's pre_save gives its value:
    the coarse times, the defaults), with the INSERT written once per model. Card and Vote have no
    save signals; a repeated client_id raises IntegrityError as create() does."""
    sql, fields = _insert_sql(type(instance), connection.vendor)
    values = [field.get_db_prep_save(field.pre_save(instance, True), connection) for field in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        instance.pk = cursor.fetchone()[0] if connection.features.can_return_columns_from_insert else cursor.lastrowid
    instance._state.adding = False
    instance._state.db = connection.alias
    return instance


def section(section_id: int) -> Section | None:
    """The section with this id (the workshop's current one, read for every page and state a phone fetches)."""
    s = columns(Section, "s")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {s.sql} FROM {_table(Section)} s WHERE s.id = %s", [section_id])
        row = cursor.fetchone()
    return None if row is None else s.instance(row)


def my_cards(section: Section, attendee: Attendee) -> list[Card]:
    """The attendee's cards on the section, in the board's order, each with its column and theme (or None)."""
    c, column, theme = columns(Card, "c"), columns(Heading, "hc"), columns(Heading, "ht")
    sql = (
        f"SELECT {c.sql}, {column.sql}, {theme.sql} FROM {_table(Card)} c "
        f"LEFT JOIN {_table(Heading)} hc ON hc.id = c.column_id LEFT JOIN {_table(Heading)} ht ON ht.id = c.theme_id "
        f"WHERE c.section_id = %s AND c.attendee_id = %s ORDER BY c.created_at, c.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [section.pk, attendee.pk])
        rows = cursor.fetchall()
    cards = []
    for row in rows:
        card = c.instance(row[: len(c.names)])
        rest = row[len(c.names) :]
        card.column = column.instance(rest[: len(column.names)]) if card.column_id is not None else None
        card.theme = theme.instance(rest[len(column.names) :]) if card.theme_id is not None else None
        card.section = section
        cards.append(card)
    return cards


def my_votes(section: Section, attendee: Attendee) -> dict:
    """The attendee's votes on the section's cards: {card client id: votes}, only cards with votes."""
    client_id = columns(Card, "c").converter("client_id")
    sql = (
        f"SELECT c.client_id, COUNT(*) FROM {_table(Vote)} v JOIN {_table(Card)} c ON c.id = v.card_id "
        f"WHERE v.attendee_id = %s AND c.section_id = %s GROUP BY c.client_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [attendee.pk, section.pk])
        return {client_id(card): votes for card, votes in cursor.fetchall()}


def lock_attendee(attendee_id: int) -> None:
    """Lock the attendee's row until the transaction ends (SELECT … FOR UPDATE). SQLite has no row
    locks and needs none: its write transactions begin IMMEDIATE (settings.py), one writer at a time."""
    if connection.features.has_select_for_update:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id FROM {_table(Attendee)} WHERE id = %s FOR UPDATE", [attendee_id])


def vote_counts(attendee_id: int, card: Card) -> tuple[int, int, int]:
    """The votes the attendee has cast in the card's section, those they gave this card, and the
    card's votes from everyone, in one query (it runs in about 35 µs; the ORM took about 1 ms to build it)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT COUNT(CASE WHEN vote.attendee_id = %s THEN 1 END),
                   COUNT(CASE WHEN vote.attendee_id = %s AND vote.card_id = %s THEN 1 END),
                   COUNT(CASE WHEN vote.card_id = %s THEN 1 END)
            FROM {_table(Vote)} vote JOIN {_table(Card)} card ON card.id = vote.card_id
            WHERE (vote.attendee_id = %s AND card.section_id = %s) OR vote.card_id = %s
            """,
            [attendee_id, attendee_id, card.pk, card.pk, attendee_id, card.section_id, card.pk],
        )
        return cursor.fetchone()


def votes_on(card_id: int) -> int:
    """The card's votes now."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {_table(Vote)} WHERE card_id = %s", [card_id])
        return cursor.fetchone()[0]
