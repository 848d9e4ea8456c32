"""What an approved referat puts in the erfaringsbank, and what reopening it takes out (collect.py)."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samskab.accounts.models import User
from samskab.bank.collect import collect, first_line
from samskab.demo.bank import FACILITATOR
from samskab.bank.models import BankItem, ItemKind
from samskab.bank.search import Filters, search
from samskab.decisions.models import Decision, DecisionKind
from samskab.workshops import minutes_content as referat
from samskab.workshops import services
from samskab.workshops.models import Card, Lesson, HeadingKind, SectionKind
from tests.minutes_helpers import ATTENDEE_NAME, HIDDEN, LESSON, TRANSFER, hold_workshop

NOT_REUSABLE = "Husk kaffe til workshoppen"
HIDDEN_TRANSFER = "Jens fra team 2 bør flyttes til Syd"


@pytest.fixture
def held(demo):
    held = hold_workshop(demo, anonymous=False)
    board = held.workshop.sections.get(kind=SectionKind.BOARD, order=1)
    transfer = held.workshop.sections.get(kind=SectionKind.BOARD, order=2)
    Lesson.objects.create(section=board, text=NOT_REUSABLE, reusable=False)
    Card.objects.create(
        client_id=uuid.uuid4(),
        section=transfer,
        text=HIDDEN_TRANSFER,
        column=transfer.headings.filter(kind=HeadingKind.COLUMN, key="next").get(),
        hidden=True,
    )
    solution = demo.challenges.first().solutions.get(title="Fælles skabelon for besøgsnotater")
    Decision.objects.create(
        solution=solution,
        round=held.workshop.round,
        kind=DecisionKind.CONTINUE,
        rationale="Målingen viser kortere dokumentationstid.",
        decided_by=demo.participants.get(user__username="leder"),
        decided_on=held.workshop.date,
    )
    return held


def _approve(held, personas):
    minutes = referat.ensure_draft(held.workshop)
    assert services.minutes_approve(minutes=minutes, by=personas["konsulent"])
    return minutes


def _items(held):
    return {item.title: item for item in BankItem.objects.filter(round=held.workshop.round)}


def test_approving_puts_reusable_lessons_decided_solutions_and_transfer_cards_in(held, personas, demo):
    _approve(held, personas)
    items = _items(held)
    assert set(items) == {LESSON, TRANSFER, "Fælles skabelon for besøgsnotater"}
    lesson, card, solution = items[LESSON], items[TRANSFER], items["Fælles skabelon for besøgsnotater"]
    assert (lesson.kind, lesson.theme_key, lesson.theme) == (ItemKind.LESSON, "method", "Metoden")
    assert (card.kind, card.theme_key) == (ItemKind.TRANSFER, "elsewhere")
    assert card.theme == "Hvad kan bruges i andre sammenhænge?"
    assert (solution.kind, solution.decision) == (ItemKind.SOLUTION, DecisionKind.CONTINUE)
    assert "Målingen viser kortere dokumentationstid." in solution.text
    assert "Minutter til dokumentation pr. vagt: 55 → 38,5 minutter" in solution.text
    assert solution.theme == "Dobbeltdokumentation i omsorgssystemet"
    for item in items.values():
        assert item.listed and item.shared
        assert (item.unit, item.unit_path, item.process, item.organisation) == (
            demo.unit, demo.unit.path, demo, demo.unit.organisation
        )
        assert item.date == held.workshop.date


def test_hidden_cards_and_lessons_not_marked_reusable_stay_out(held, personas):
    _approve(held, personas)
    texts = " ".join(f"{item.title} {item.text}" for item in BankItem.objects.all())
    for left_out in (HIDDEN, HIDDEN_TRANSFER, NOT_REUSABLE):
        assert left_out not in texts


def test_nothing_records_who_wrote_it(held, personas):
    _approve(held, personas)  # a named workshop: the referat names the card's writer
    user_links = [field.name for field in BankItem._meta.get_fields() if field.related_model is User]
    assert user_links == []
    texts = " ".join(f"{item.title} {item.text} {item.theme}" for item in BankItem.objects.all())
    assert ATTENDEE_NAME not in texts


def test_reopening_takes_the_items_out_and_approving_again_brings_them_back_as_they_were_shared(held, personas):
    minutes = _approve(held, personas)
    lesson = _items(held)[LESSON]
    lesson.shared = False
    lesson.save()
    assert services.minutes_reopen(minutes=minutes, by=personas["konsulent"])
    assert not BankItem.objects.filter(round=held.workshop.round, listed=True).exists()
    assert search(personas["konsulent"], "småt", Filters()).items == []

    Lesson.objects.filter(text=LESSON).update(text=f"{LESSON}\nMed en pilot i ét team.")
    Card.objects.filter(text=TRANSFER).update(hidden=True)  # hidden while the referat was a draft
    assert services.minutes_approve(minutes=minutes, by=personas["konsulent"])
    items = _items(held)
    assert set(items) == {LESSON, "Fælles skabelon for besøgsnotater"}
    assert items[LESSON].pk == lesson.pk and not items[LESSON].shared and items[LESSON].listed
    assert items[LESSON].text == "Med en pilot i ét team."
    assert [item.title for item in search(personas["konsulent"], "pilot", Filters()).items] == [LESSON]
    assert search(personas["leder-syd"], "pilot", Filters()).items == []  # kept inside the forløb


def test_collecting_twice_changes_nothing(held, personas):
    _approve(held, personas)
    before = {item.pk: item.updated_at for item in BankItem.objects.all()}
    collect(held.workshop.round)
    assert {item.pk: item.updated_at for item in BankItem.objects.all()} == before


def test_the_query_count_does_not_grow_with_the_number_of_items(held, personas):
    transfer = held.workshop.sections.get(kind=SectionKind.BOARD, order=2)
    column = transfer.headings.filter(kind=HeadingKind.COLUMN).first()

    def queries_for(extra: int) -> int:
        BankItem.objects.all().delete()
        for i in range(extra):
            Card.objects.create(client_id=uuid.uuid4(), section=transfer, column=column, text=f"Idé nummer {i}")
        with CaptureQueriesContext(connection) as queries:
            collect(held.workshop.round)
        return len(queries)

    assert queries_for(1) == queries_for(20)


def test_the_demo_bank_comes_from_the_approved_referat_at_solsikken(demo):
    items = BankItem.objects.filter(process__unit__name="Børnehuset Solsikken")
    kinds = sorted(items.values_list("kind", flat=True))
    assert kinds.count(ItemKind.LESSON) == 3 and kinds.count(ItemKind.SOLUTION) == 1
    assert sorted(items.filter(kind=ItemKind.TRANSFER).values_list("theme_key", flat=True)) == [
        "elsewhere", "elsewhere", "next"
    ]
    assert not items.filter(title__contains="Kasper").exists()  # the hidden card
    assert items.get(kind=ItemKind.SOLUTION).decision == DecisionKind.CONTINUE
    assert not User.objects.get(username=FACILITATOR).has_usable_password()


@pytest.mark.parametrize(
    ("text", "title", "rest"),
    [
        ("Kort\nlang forklaring", "Kort", "lang forklaring"),
        ("  Kun én linje  ", "Kun én linje", ""),
        ("x" * 400, "x" * 299 + "…", "x" * 400),
    ],
)
def test_a_title_is_the_first_line_at_most_300_characters(text, title, rest):
    assert first_line(text) == (title, rest)
