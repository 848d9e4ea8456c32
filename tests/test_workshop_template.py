"""The step-6 template and the round and workshop services, without the web pages."""

from datetime import timedelta

from django.utils import translation

from samskab.processes.models import Process
from samskab.rounds.models import EvaluationRound, RoundStatus
from samskab.rounds import services as round_services
from samskab.workshops import services
from samskab.workshops.models import JOIN_CODE_ALPHABET, HeadingKind, SectionKind, Workshop
from samskab.workshops.template import (
    ANCHORING_STATEMENTS,
    LEARNING_COLUMNS,
    LEARNING_THEMES,
    TRANSFER_COLUMNS,
    add_template_sections,
)
from tests.helpers import today


def new_workshop(process: Process, by, **fields) -> Workshop:
    evaluation_round = services.round_start(process=process, by=by)
    values = {"title": "Evaluering", "date": today()}
    values.update(fields)
    return services.workshop_create(workshop=Workshop(**values), evaluation_round=evaluation_round, by=by)


def keys(section, kind: str) -> list[str]:
    return list(section.headings.filter(kind=kind).order_by("order").values_list("key", flat=True))


def statement_keys(section) -> list[str]:
    return list(section.statements.order_by("order").values_list("key", flat=True))


def test_the_template_has_the_four_step_6_sections_in_order(demo, personas):
    workshop = new_workshop(demo, personas["konsulent"])
    sections = list(workshop.sections.all())
    assert [s.kind for s in sections] == [SectionKind.STATUS, SectionKind.BOARD, SectionKind.BOARD, SectionKind.RATING]
    assert [s.order for s in sections] == [0, 1, 2, 3]
    assert all(s.title for s in sections)
    status, learning, transfer, rating = sections

    assert not status.headings.exists() and not status.statements.exists()
    assert keys(learning, HeadingKind.COLUMN) == ["keep", "change", "avoid"]
    assert keys(learning, HeadingKind.THEME) == ["method", "results", "roles", "tasks", "obstacles"]
    assert keys(transfer, HeadingKind.COLUMN) == ["elsewhere", "next"]
    assert keys(transfer, HeadingKind.THEME) == []
    assert len(statement_keys(rating)) == 8
    assert statement_keys(rating) == [key for key, _text in ANCHORING_STATEMENTS]
    assert not rating.headings.exists()


def test_the_texts_are_stored_in_the_language_of_the_creator_and_the_keys_stay(demo, personas):
    with translation.override("en"):
        english = new_workshop(demo, personas["konsulent"])
    with translation.override("da"):
        danish = new_workshop(demo, personas["konsulent"])

    def texts(workshop: Workshop) -> dict[str, str]:
        headings = workshop.sections.values_list("headings__key", "headings__text").exclude(headings__key=None)
        statements = workshop.sections.values_list("statements__key", "statements__text").exclude(statements__key=None)
        return dict(headings) | dict(statements)

    english_texts, danish_texts = texts(english), texts(danish)
    assert english_texts.keys() == danish_texts.keys()
    assert english_texts["keep"] == "Do again"
    assert english_texts["keep"] != danish_texts["keep"]
    assert english_texts["leadership_support"] != danish_texts["leadership_support"]
    assert english.sections.first().title != danish.sections.first().title


def test_every_template_heading_and_statement_has_its_own_key_and_text(demo, personas):
    for items in (LEARNING_COLUMNS, LEARNING_THEMES, TRANSFER_COLUMNS, ANCHORING_STATEMENTS):
        assert len({key for key, _text in items}) == len(items)
        assert len({str(text) for _key, text in items}) == len(items)


def test_the_template_can_be_added_to_a_workshop_with_no_sections(demo, personas):
    workshop = Workshop.objects.get(round__process=demo)
    workshop.sections.all().delete()
    add_template_sections(workshop)
    assert workshop.sections.count() == 4
    assert workshop.sections.filter(statements__isnull=False).distinct().count() == 1


def test_the_creator_is_the_only_facilitator(demo, personas):
    workshop = new_workshop(demo, personas["central"])
    assert list(workshop.facilitators.all()) == [personas["central"]]


def test_join_codes_are_six_characters_from_the_alphabet(demo, personas):
    assert len(set(JOIN_CODE_ALPHABET)) >= 30
    assert not set("0O1IL") & set(JOIN_CODE_ALPHABET)
    codes = {new_workshop(demo, personas["konsulent"]).join_code for _ in range(20)}
    assert len(codes) == 20
    for code in codes:
        assert len(code) == 6
        assert set(code) <= set(JOIN_CODE_ALPHABET)


def test_a_join_code_already_in_use_is_drawn_again(demo, personas, monkeypatch):
    taken = Workshop.objects.get(round__process=demo).join_code
    draws = iter([taken, "QWERTY"])
    monkeypatch.setattr(services, "new_join_code", lambda: next(draws))
    workshop = new_workshop(demo, personas["konsulent"], join_code=taken)
    assert workshop.join_code == "QWERTY"
    assert Workshop.objects.filter(join_code=taken).count() == 1


def test_starting_a_round_closes_the_open_one_and_counts_on(demo):
    first = demo.rounds.get()
    second = services.round_start(process=demo, by=None)
    third = services.round_start(process=demo, by=None)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.number, second.number, third.number) == (1, 2, 3)
    assert (first.status, second.status, third.status) == (RoundStatus.CLOSED, RoundStatus.CLOSED, RoundStatus.OPEN)
    assert second.closed_on == today()
    assert demo.rounds.filter(status=RoundStatus.OPEN).count() == 1


def test_the_first_round_of_a_process_is_number_one(demo):
    south = Process.objects.get(title="Færre faste skemaer")
    assert services.round_start(process=south, by=None).number == 1
    assert EvaluationRound.objects.filter(process=demo).count() == 1


def test_closing_a_round_dates_it_today(demo):
    evaluation_round = demo.rounds.get()
    evaluation_round.opened_on = today() - timedelta(days=30)
    round_services.round_close(evaluation_round=evaluation_round, by=None)
    evaluation_round.refresh_from_db()
    assert evaluation_round.status == RoundStatus.CLOSED
    assert evaluation_round.closed_on == today()


def test_moving_a_section_swaps_it_with_its_neighbour(demo):
    workshop = Workshop.objects.get(round__process=demo)
    status, learning, transfer, rating = workshop.sections.all()
    services.section_move(section=transfer, up=True, by=None)
    assert list(workshop.sections.all()) == [status, transfer, learning, rating]
    services.section_move(section=status, up=False, by=None)
    assert list(workshop.sections.all()) == [transfer, status, learning, rating]


def test_the_first_section_does_not_move_up_nor_the_last_down(demo):
    workshop = Workshop.objects.get(round__process=demo)
    sections = list(workshop.sections.all())
    services.section_move(section=sections[0], up=True, by=None)
    services.section_move(section=sections[-1], up=False, by=None)
    assert list(workshop.sections.all()) == sections


def test_moving_puts_sections_with_the_same_position_in_a_clear_order(demo):
    workshop = Workshop.objects.get(round__process=demo)
    workshop.sections.update(order=0)
    sections = list(workshop.sections.all())
    services.section_move(section=sections[2], up=True, by=None)
    assert list(workshop.sections.all()) == [sections[0], sections[2], sections[1], sections[3]]
    assert list(workshop.sections.values_list("order", flat=True)) == [0, 1, 2, 3]
