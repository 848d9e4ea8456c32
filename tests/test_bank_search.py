"""The erfaringsbank's search: Danish word forms, what Danes type, ranking, highlights and hostile input.

The same expectations hold on SQLite (FTS5) and PostgreSQL (search_vector), both over the keys
made in bank/words.py: CI runs this file on both.
"""

import pytest
from django.db import connection

from samskab.bank import index, words
from samskab.bank.models import BankItem, ItemKind
from samskab.bank.search import Filters, Unsearchable, search
from samskab.workshops.models import Lesson, Section, SectionKind

TEXTS = [
    ("Fælles skabelon gør dokumentationen hurtigere", "Skabelonen sparer 15 minutter pr. vagt."),
    ("Teamlederen giver godkendelse af kørsel", "Én godkendelse i stedet for tre."),
    ("Tavlemøder erstatter morgenmødet", "Korte møder ved tavlen to gange om ugen."),
    ("Dokumentation på tablet kræver mobildata", "Piloten stod stille uden dækning."),
]
# What Danes type: compounds, word forms, ae/oe/aa, numbers. No word of TEXTS in them.
STUE = ("Stuebudgetter giver stuerne frihed", "Hver stue råder selv over sine materialer.")
BUDGET = ("Ét budget for hele huset", "Lægges en gang om året i januar. Rammen er 200.000 kr.")
PARENTS = ("Forældrebestyrelsen er med fra starten", "Bestyrelsen ser oplægget inden personalemødet.")
ROTA = ("Vagtplanen lægges fire uger frem", "Færre ændringer i sidste øjeblik.")
CHILDREN = ("Pædagogerne spiser med børnene", "Frokosten koster 2.000 kr. om året pr. barn.")
MORE = [STUE, BUDGET, PARENTS, ROTA, CHILDREN]


def fill(demo, texts):
    # The demo's own items (from Børnehuset Solsikken) go: these tests know every item in the bank.
    index.forget(list(BankItem.objects.values_list("pk", flat=True)))
    BankItem.objects.all().delete()
    evaluation_round = demo.rounds.get()
    section = Section.objects.filter(workshop__round=evaluation_round, kind=SectionKind.BOARD).first()
    items = []
    for title, text in texts:
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


@pytest.fixture
def bank(demo):
    return fill(demo, TEXTS)


@pytest.fixture
def danish_bank(demo):
    return fill(demo, TEXTS + MORE)


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
    ['"dokumentation', "dokumentation AND", "dokumentation*", "NEAR(dokumentation tablet)", "title:dokumentation",
     "'; DROP TABLE bank_bankitem; --", "dokumentation) OR (1=1", "^dokumentation", '"dokumentation"*', "dokumentation -"],
)
def test_syntax_is_read_as_words(bank, personas, query):
    found = set(titles(personas["leder-syd"], query))
    assert found <= {TEXTS[0][0], TEXTS[3][0]}


@pytest.mark.parametrize("query", ["og at i", "paa og", "ͺ ﱞ", "!!! ???", "x" * 201, "-dokumentation", "NOT dokumentation", "IKKE tablet -skabelon"])
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


# --- What Danes type.


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("stuebudget", {STUE[0]}),  # the beginning of a compound
        ("forældre", {PARENTS[0]}),
        ("foraeldre", {PARENTS[0]}),
        ("vagtplan", {ROTA[0]}),
        ("vagtplanlægning", {ROTA[0]}),  # a compound the bank does not hold: looked for by its parts
        ("budget", {BUDGET[0]}),
        ("budgetter", {BUDGET[0]}),  # the Snowball stems differ ("budget" → budg, "budgetter" → budget)
        ("budgettet", {BUDGET[0]}),
        ("boern", {CHILDREN[0]}),  # æ, ø, å typed as ae, oe, aa
        ("paedagoger", {CHILDREN[0]}),
        ("pædagoger", {CHILDREN[0]}),
        ("2000", {CHILDREN[0]}),  # thousands separators
        ("2.000", {CHILDREN[0]}),
        ("200000", {BUDGET[0]}),  # a number is found whole, never as the beginning of another
        ("skabel*", {TEXTS[0][0]}),  # a prefix
        ("skabelon xyzzy", {TEXTS[0][0]}),  # one unknown word among known ones
        ("Dokumentationens", {TEXTS[0][0], TEXTS[3][0]}),
    ],
)
def test_what_danes_type_is_found(danish_bank, personas, query, expected):
    assert set(titles(personas["leder-syd"], query)) == expected


def test_a_compound_in_the_bank_is_found_by_its_whole_word_only(danish_bank, personas, demo):
    fill(demo, TEXTS + MORE + [("Vagtplanlægning i weekenden", "To vagtplanlæggere deler opgaven.")])
    assert set(titles(personas["leder-syd"], "vagtplanlægning")) == {"Vagtplanlægning i weekenden"}
    assert set(titles(personas["leder-syd"], "vagtplan")) == {"Vagtplanlægning i weekenden", ROTA[0]}


def test_a_split_word_is_reported_with_its_parts(danish_bank, personas):
    results = search(personas["leder-syd"], "vagtplanlægning", Filters())
    assert [(wanted.word, wanted.parts) for wanted in results.split] == [("vagtplanlægning", ("vagtplan",))]
    assert search(personas["leder-syd"], "vagtplan", Filters()).split == []


def test_the_rest_of_a_split_word_counts_when_the_bank_holds_it(danish_bank, personas):
    results = search(personas["leder-syd"], "stuematerialer", Filters())
    assert results.split[0].parts == ("stue", "materialer")
    assert titles(personas["leder-syd"], "stuematerialer") == [STUE[0]]


def test_items_with_more_of_the_words_come_first(danish_bank, personas):
    # "tablet" alone would rank the short title "Tavlemøder …" nowhere; both words put TEXTS[3] first.
    assert titles(personas["leder-syd"], "skabelonen tablet mobildata")[:2] == [TEXTS[3][0], TEXTS[0][0]]
    assert titles(personas["leder-syd"], "xyzzy skabelonen minutter dokumentation") == [TEXTS[0][0], TEXTS[3][0]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tavlemøder OR kørsel", {TEXTS[1][0], TEXTS[2][0]}),
        ("tavlemøder ELLER kørsel", {TEXTS[1][0], TEXTS[2][0]}),
        ("dokumentation NOT tablet", {TEXTS[0][0]}),
        ("dokumentation IKKE tablet", {TEXTS[0][0]}),
        ("dokumentation -tablet", {TEXTS[0][0]}),
        ("-tablet dokumentation", {TEXTS[0][0]}),
        ("budget -stuebudget", {BUDGET[0]}),
        ("dokumentation not", {TEXTS[0][0], TEXTS[3][0]}),  # in small letters, a word like any other
    ],
)
def test_or_not_and_minus(danish_bank, personas, query, expected):
    assert set(titles(personas["leder-syd"], query)) == expected


def test_left_out_words_are_reported(danish_bank, personas):
    assert search(personas["leder-syd"], "dokumentation -tablet", Filters()).left_out == ["tablet"]


@pytest.mark.parametrize(
    ("query", "marked"),
    [
        ("forældre", "<mark>Forældrebestyrelsen</mark>"),
        ("boern", "<mark>børnene</mark>"),
        ("2000", "<mark>2.000</mark>"),
        ("vagtplanlægning", "<mark>Vagtplanen</mark>"),
        ("budgetter", "<mark>budget</mark>"),
    ],
)
def test_what_was_found_is_marked(danish_bank, personas, query, marked):
    [item] = search(personas["leder-syd"], query, Filters()).items
    assert marked in item.marked_title + item.marked_text


def test_keys_fold_and_stem_alike():
    assert words.keys("Børnene får 2.000 kr.") == words.keys("boernene faar 2000 kr")
    assert words.key("budgetter") == words.key("budget") == words.key("Budgettet")
    assert words.keys("og på paa") == ""


def test_reading_the_search_text():
    query = words.read("-budget NOT stue skabel* OR vagtplan IKKE og -")
    assert [(wanted.word, wanted.starred) for wanted in query.wanted] == [("skabel", True), ("vagtplan", False)]
    assert [wanted.word for wanted in query.unwanted] == ["budget", "stue"]


def test_rebuild_indexes_every_item_again(danish_bank, personas):
    index.forget(list(BankItem.objects.values_list("pk", flat=True)))  # SQLite: the bank_fts rows
    BankItem.objects.update(search_vector=None)  # PostgreSQL: the vectors
    assert titles(personas["leder-syd"], "forældre") == []
    index.rebuild(BankItem.objects.all())
    assert titles(personas["leder-syd"], "forældre") == [PARENTS[0]]


def test_the_search_leaves_the_planner_as_it_found_it(bank, personas):
    search(personas["leder-syd"], "dokumentation", Filters())
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('enable_seqscan')")
            assert cursor.fetchone() == ("on",)


def test_an_item_with_both_words_ranks_above_one_that_says_one_word_often(demo, personas):
    both = ("Referat fra personalemødet", "Vi talte om ferieplanen, om kaffe og kage og om tavlemøder i det nye år.")
    often = ("Tavlemøder: tavlemødet hver morgen", "Tavlemøder virker, tavlemødet er kort.")
    coffee = [(f"Kaffe på stue {n}", "Kaffe til alle.") for n in range(1, 6)]
    fill(demo, [both, often, *coffee])
    assert titles(personas["leder-syd"], "tavlemøder kaffe")[:2] == [both[0], often[0]]
    assert titles(personas["leder-syd"], "tavlemøder kaffe ferieplanen")[0] == both[0]


@pytest.mark.parametrize("query", ["dokumentation skabelonen", "skabelon tablet dokumentation", "budget forældrebestyrelsen stue -stuebudget"])
def test_pages_of_results_follow_on_from_each_other(danish_bank, personas, query):
    # A page filled by items with every word is read from them alone: it must be the page the full ranking gives.
    whole = search(personas["leder-syd"], query, Filters()).items
    assert len(whole) >= 2
    one_by_one = [item for n in range(len(whole)) for item in search(personas["leder-syd"], query, Filters(), offset=n, limit=1).items]
    assert one_by_one == whole
