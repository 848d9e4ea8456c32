"""The erfaringsbank's search: Danish word forms, ranking, highlights and hostile input.

The same expectations hold on SQLite (FTS5 over Snowball stems) and PostgreSQL (the `danish`
configuration): CI runs this file on both.
"""

import pytest

from samskab.bank import index
from samskab.bank.models import BankItem, ItemKind
from samskab.bank.search import Filters, Unsearchable, search
from samskab.workshops.models import Lesson, Section, SectionKind

TEXTS = [
    ("Fælles skabelon gør dokumentationen hurtigere", "Skabelonen sparer 15 minutter pr. vagt."),
    ("Teamlederen giver godkendelse af kørsel", "Én godkendelse i stedet for tre."),
    ("Tavlemøder erstatter morgenmødet", "Korte møder ved tavlen to gange om ugen."),
    ("Dokumentation på tablet kræver mobildata", "Piloten stod stille uden dækning."),
]


@pytest.fixture
def bank(demo):
    # The demo's own items (from Børnehuset Solsikken) go: these tests know every item in the bank.
    index.forget(list(BankItem.objects.values_list("pk", flat=True)))
    BankItem.objects.all().delete()
    evaluation_round = demo.rounds.get()
    section = Section.objects.filter(workshop__round=evaluation_round, kind=SectionKind.BOARD).first()
    items = []
    for title, text in TEXTS:
        lesson = Lesson.objects.create(section=section, text=title, reusable=True)
        items.append(
            BankItem.objects.create(
                organisation=demo.unit.organisation,
                process=demo,
                round=evaluation_round,
                unit=demo.unit,
                unit_path=demo.unit.path,
                kind=ItemKind.LESSON,
                title=title,
                text=text,
                date=evaluation_round.opened_on,
                source=lesson,
            )
        )
    index.index(items)
    return {item.title: item for item in items}


def titles(user, text, **filters):
    return [item.title for item in search(user, text, Filters(**filters)).items]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dokumentationen", {TEXTS[0][0], TEXTS[3][0]}),
        ("dokumentation", {TEXTS[0][0], TEXTS[3][0]}),
        ("godkendelser", {TEXTS[1][0]}),
        ("tavlemødet", {TEXTS[2][0]}),
        ("skabeloner minutter", {TEXTS[0][0]}),
    ],
)
def test_word_forms_match(bank, personas, query, expected):
    assert set(titles(personas["leder-syd"], query)) == expected


def test_hits_are_marked_on_the_original_text(bank, personas):
    [item] = search(personas["leder-syd"], "godkendelser", Filters()).items
    assert "<mark>godkendelse</mark>" in item.marked_title
    assert item.marked_text.count("<mark>") == 1


def test_title_hits_rank_above_text_hits(bank, personas):
    found = titles(personas["leder-syd"], "tavlen")
    assert found == [TEXTS[2][0]]
    found = titles(personas["leder-syd"], "skabelonen")
    assert found[0] == TEXTS[0][0]


@pytest.mark.parametrize(
    "query",
    ['"dokumentation', "dokumentation AND", "NOT dokumentation", "dokumentation*", "NEAR(dokumentation tablet)",
     "title:dokumentation", "'; DROP TABLE bank_bankitem; --", "dokumentation) OR (1=1", "^dokumentation", "-dokumentation"],
)
def test_syntax_is_read_as_words(bank, personas, query):
    found = set(titles(personas["leder-syd"], query))
    assert found <= {TEXTS[0][0], TEXTS[3][0]}


@pytest.mark.parametrize("query", ["og at i", "!!! ???", "x" * 201])
def test_unsearchable_text_says_why(bank, personas, query):
    with pytest.raises(Unsearchable):
        search(personas["leder-syd"], query, Filters())


def test_blank_text_lists_newest(bank, personas):
    assert search(personas["leder-syd"], "  ", Filters()).total == len(TEXTS)


def test_other_municipality_finds_nothing(bank, personas):
    assert titles(personas["nabo"], "dokumentation") == []


def test_kept_inside_the_process(bank, personas):
    item = bank[TEXTS[0][0]]
    item.shared = False
    item.save()
    assert TEXTS[0][0] not in titles(personas["leder-syd"], "dokumentation")
    assert TEXTS[0][0] in titles(personas["medarbejder"], "dokumentation")
    assert TEXTS[0][0] in titles(personas["central"], "dokumentation")  # sees every forløb of the municipality
    assert TEXTS[0][0] not in titles(personas["nabo"], "dokumentation")  # the central konsulent of another one


def test_filters(bank, personas, demo):
    assert titles(personas["leder-syd"], "dokumentation", kind=ItemKind.SOLUTION) == []
    assert len(titles(personas["leder-syd"], "dokumentation", unit_path=demo.unit.path)) == 2
    south = demo.unit.parent.children.exclude(pk=demo.unit.pk).get()
    assert titles(personas["leder-syd"], "dokumentation", unit_path=south.path) == []


def test_counting_stops_at_the_limit(bank, personas, monkeypatch):
    monkeypatch.setattr("samskab.bank.search.COUNT_LIMIT", 2)
    many = search(personas["leder-syd"], "", Filters())
    assert (many.total, many.more, len(many.items)) == (2, True, len(TEXTS))
    two = search(personas["leder-syd"], "dokumentation", Filters(), limit=1)
    assert (two.total, two.more) == (2, False)
    one_page = search(personas["leder-syd"], "dokumentation", Filters())
    assert (one_page.total, one_page.more, len(one_page.items)) == (2, False, 2)
