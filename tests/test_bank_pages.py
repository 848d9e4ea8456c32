"""The erfaringsbank's pages over HTTP: search, an item, sharing and "Brug hos os".

The demo's bank holds the approved referat of Børnehuset Solsikken (samskab/demo/bank.py).
CI runs this file on SQLite and PostgreSQL.
"""

import re

import pytest
from django.utils import translation
from django.utils.html import escape

from samskab.bank import index
from samskab.demo.bank import FACILITATOR
from samskab.bank.models import Adoption, BankItem, ItemKind
from samskab.bank.search import MAX_LENGTH
from samskab.decisions.models import DecisionKind
from samskab.organisations.models import Unit
from samskab.processes.models import Challenge, Process, Solution, SolutionStatus
from samskab.workshops import minutes_content as referat
from samskab.workshops import services
from samskab.workshops.models import Workshop
from tests.minutes_helpers import LESSON, hold_workshop

SEARCH = "/erfaringsbank/"
DOCUMENTATION = "Kortere dokumentation: én fælles skabelon til dagens observationer frem for tre skemaer"
APPROVALS = "Færre godkendelser: lederen uddelegerer indkøb under 2.000 kr. til stuerne"


def _item(title: str) -> BankItem:
    return BankItem.objects.get(title=title)


def _titles(response) -> list[str]:
    assert response.status_code == 200
    return [item.title for item in response.context["results"].items]


def _error(response) -> str:
    errors = response.context["form"].errors.get("q")
    return str(errors[0]) if errors else ""


@pytest.fixture
def north(demo, personas):
    """Hjemmeplejen Nord's referat approved too: its reusable lesson and transfer card join the bank."""
    held = hold_workshop(demo)
    services.minutes_approve(minutes=referat.ensure_draft(held.workshop), by=personas["konsulent"])
    return held


# Searching.


def test_another_word_form_finds_the_item_with_the_words_marked(client_as):
    response = client_as("leder-syd").get(SEARCH, {"q": "godkendelse"})
    assert _titles(response) == [APPROVALS]
    html = response.content.decode()
    assert "<mark>godkendelser</mark>" in html
    assert 'value="godkendelse"' in html  # the search text stays in the field
    assert response.context["results"].total == 1


def test_every_word_form_in_a_title_is_found(client_as):
    found = _titles(client_as("leder-syd").get(SEARCH, {"q": "dokumentationen"}))
    assert set(found) == {DOCUMENTATION, "Tag forældrebestyrelsen med fra starten, når I ændrer dokumentationen"}


PARENTS = "Tag forældrebestyrelsen med fra starten, når I ændrer dokumentationen"
ROOM_BUDGETS = "Stuebudgetter kan bruges overalt, hvor små indkøb venter på en leders underskrift"


@pytest.mark.parametrize(
    ("text", "title", "marked"),
    [
        ("stuebudget", ROOM_BUDGETS, "<mark>Stuebudgetter</mark>"),
        ("forældre", PARENTS, "<mark>forældrebestyrelsen</mark>"),
        ("budgetter", APPROVALS, "<mark>budget</mark>"),
        ("boern", "Én fælles skabelon til observationer", "<mark>børnene</mark>"),
        ("paedagoger", DOCUMENTATION, "<mark>Pædagogerne</mark>"),
        ("2000", APPROVALS, "<mark>2.000</mark>"),
        ("skabel*", DOCUMENTATION, "<mark>skabelon</mark>"),
        ("skabelon xyzzy", DOCUMENTATION, "<mark>skabelon</mark>"),
        ("budgetindkøb", APPROVALS, "<mark>indkøb</mark>"),
    ],
)
def test_what_danes_type_finds_the_item_with_the_words_marked(client_as, text, title, marked):
    response = client_as("leder-syd").get(SEARCH, {"q": text})
    assert title in _titles(response)
    assert marked in response.content.decode()


def test_the_page_says_how_search_works(client_as):
    html = client_as("leder-syd").get(SEARCH).content.decode()
    assert "Skriv -ord eller NOT ord for at udelade fund med det ord." in html


def test_a_word_the_bank_lacks_is_searched_by_its_parts_and_the_page_says_so(client_as):
    response = client_as("leder-syd").get(SEARCH, {"q": "budgetindkøb"})
    assert APPROVALS in _titles(response)
    assert "Intet fund har “budgetindkøb”: der er søgt efter ordets dele “budget”, “indkøb”." in response.content.decode()


@pytest.mark.parametrize("text", ["dokumentation -forældrebestyrelsen", "dokumentation NOT forældrebestyrelsen"])
def test_a_minus_or_not_leaves_items_out_and_the_page_says_so(client_as, text):
    response = client_as("leder-syd").get(SEARCH, {"q": text})
    found = _titles(response)
    assert DOCUMENTATION in found and PARENTS not in found
    assert "Udeladt: fund med “forældrebestyrelsen”." in response.content.decode()


def test_or_finds_either_word(client_as):
    found = _titles(client_as("leder-syd").get(SEARCH, {"q": "stuebudgetter OR godkendelser"}))
    assert {ROOM_BUDGETS, APPROVALS} <= set(found)


def test_only_words_to_leave_out_say_what_to_do(client_as):
    response = client_as("leder-syd").get(SEARCH, {"q": "-dokumentation"})
    assert response.context["results"] is None
    with translation.override("da"):
        assert _error(response) == "Skriv mindst ét ord at søge efter. Ord efter et minus eller NOT bliver kun udeladt af resultaterne."


def test_blank_text_lists_the_newest_items(client_as):
    response = client_as("medarbejder").get(SEARCH)
    assert response.context["results"].total == BankItem.objects.count() == 7


HOSTILE = [
    "",
    "   ",
    '"',
    '"dokumentation',
    "dokumentation AND skabelon",
    "NOT dokumentation",
    "dokumentation OR",
    "*",
    "dokument*",
    "NEAR(dokumentation skabelon)",
    "title:dokumentation",
    "bank_fts MATCH 'x'",
    "'; DROP TABLE bank_bankitem; --",
    "1) OR (1=1",
    "dokumentation & | ! <-> :*",
    "^-+~@#$%",
    "%",
    "_",
    "\\",
    "og at i på",
    "🌻 dokumentation",
    "<script>alert(1)</script>",
    "x" * (MAX_LENGTH + 1),
    "dokumentation " * 100,
    "nul\x00tegn",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_any_search_text_gives_results_or_a_danish_message(client_as, text):
    response = client_as("leder-syd").get(SEARCH, {"q": text})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    if response.context["results"] is None:
        assert "form-error-message" in html and "alert-error" in html
    else:
        assert set(_titles(response)) <= set(BankItem.objects.values_list("title", flat=True))


def test_only_small_words_say_so_and_keep_the_text(client_as):
    response = client_as("leder-syd").get(SEARCH, {"q": "og at"})
    assert response.status_code == 200 and response.context["results"] is None
    with translation.override("da"):
        message = _error(response)
    assert "“og”" in message
    html = response.content.decode()
    assert escape(message) in html
    assert 'value="og at"' in html


@pytest.mark.parametrize(
    "query",
    [
        {"unit": "abc"},
        {"unit": "999999"},
        {"year": "tusind"},
        {"year": "1800"},
        {"kind": "alt"},
        {"theme": "<b>"},
        {"decision": "måske"},
        {"page": "-3"},
        {"page": "abc"},
        {"page": "9" * 30},
        {"q": "dokumentation", "page": "400"},
    ],
    ids=lambda query: "&".join(f"{key}={value[:10]}" for key, value in query.items()),
)
def test_bad_filter_values_are_shown_and_left_out(client_as, query):
    response = client_as("leder-syd").get(SEARCH, query)
    assert response.status_code == 200
    if set(query) - {"page", "q"}:
        assert response.context["form"].errors


def test_filters_by_unit_with_the_units_below_kind_theme_decision_and_year(north, client_as):
    client = client_as("central")
    children = Unit.objects.get(name="Børn og Unge")
    homecare = Unit.objects.get(name="Hjemmeplejen")
    in_children = _titles(client.get(SEARCH, {"unit": children.pk}))
    assert len(in_children) == 7 and LESSON not in in_children
    assert set(_titles(client.get(SEARCH, {"unit": homecare.pk}))) == {
        item.title for item in BankItem.objects.filter(process=north.workshop.round.process)
    }
    assert _titles(client.get(SEARCH, {"q": "skabelon", "kind": ItemKind.SOLUTION})) == [
        "Én fælles skabelon til observationer"
    ]
    assert _titles(client.get(SEARCH, {"decision": DecisionKind.CONTINUE})) == ["Én fælles skabelon til observationer"]
    assert set(_titles(client.get(SEARCH, {"theme": "next"}))) == {
        "Madordningens bestillinger går gennem tre led: det kunne være næste udfordring"
    }
    year = _item(DOCUMENTATION).date.year
    assert len(_titles(client.get(SEARCH, {"year": year, "unit": children.pk}))) == 7
    assert _titles(client.get(SEARCH, {"year": year - 5})) == [] or client.get(SEARCH, {"year": year - 5}).context[
        "form"
    ].errors


def test_the_unit_list_names_only_units_with_items_and_those_above(client_as):
    html = client_as("leder-syd").get(SEARCH).content.decode()
    assert "Børnehuset Solsikken" in html and "Børn og Unge" in html
    assert "Hjemmeplejen Nord" not in html  # nothing in the bank from there yet


def test_results_come_in_pages(demo, client_as):
    first = BankItem.objects.first()
    extra = []
    for i in range(25):
        first.pk = None
        first.source_id = 10_000 + i
        first.title = f"Tavleidé nummer {i}"
        first.save()
        extra.append(first.pk)
    client = client_as("leder-syd")
    page_one = client.get(SEARCH, {"q": "tavleidé"})
    assert len(_titles(page_one)) == 20 and page_one.context["results"].total == 25
    assert page_one.context["next_url"].endswith("page=2") and "q=tavleid" in page_one.context["next_url"]
    page_two = client.get(page_one.context["next_url"])
    assert len(_titles(page_two)) == 5 and page_two.context["next_url"] == ""
    index.forget(extra)


def test_someone_of_no_municipality_finds_nothing(client_as):
    response = client_as("admin").get(SEARCH, {"q": "dokumentation"})
    assert _titles(response) == []


def test_the_other_municipality_finds_nothing_and_cannot_open_an_item(client_as):
    client = client_as("nabo")
    assert _titles(client.get(SEARCH, {"q": "dokumentation"})) == []
    item = _item(DOCUMENTATION)
    assert client.get(f"{SEARCH}{item.pk}/").status_code == 404
    assert client.get(f"{SEARCH}{item.pk}/brug-hos-os/").status_code == 404
    assert client.post(f"{SEARCH}{item.pk}/deling/", {"shared": "0"}).status_code == 404


# An item: its context, or whom to ask.


def test_who_may_see_the_forloeb_gets_a_link_to_the_referat(client_as):
    item = _item(DOCUMENTATION)
    response = client_as("central").get(f"{SEARCH}{item.pk}/")
    workshop = Workshop.objects.get(round=item.round)
    assert response.context["context_url"] == f"/workshops/{workshop.pk}/referat/"
    assert client_as("central").get(response.context["context_url"]).status_code == 200
    assert response.context["contacts"] == []


def test_a_solution_links_to_the_solution_page(client_as):
    item = BankItem.objects.get(kind=ItemKind.SOLUTION)
    response = client_as("central").get(f"{SEARCH}{item.pk}/")
    solution = Solution.objects.get(title="Én fælles skabelon til observationer")
    assert response.context["context_url"] == f"/loesninger/{solution.pk}/"


def test_others_get_the_unit_and_whom_to_ask_but_no_link(client_as):
    item = _item(DOCUMENTATION)
    response = client_as("leder-syd").get(f"{SEARCH}{item.pk}/")
    html = response.content.decode()
    assert response.context["context_url"] == "" and "/referat/" not in html
    assert [person.username for person in response.context["contacts"]] == [FACILITATOR]
    assert f'href="mailto:{FACILITATOR}@demo-kommune.example"' in html
    assert "Børnehuset Solsikken" in html and "Mere tid på stuerne" in html


# Sharing: the forløb's editors keep an item inside it, or share it again.


def test_only_the_forloebs_editors_keep_an_item_inside(client_as):
    item = _item(DOCUMENTATION)
    url = f"{SEARCH}{item.pk}/deling/"
    for who in ("leder-syd", "medarbejder", "konsulent"):
        assert client_as(who).post(url, {"shared": "0"}).status_code == 403
    assert 'name="shared"' not in client_as("leder-syd").get(f"{SEARCH}{item.pk}/").content.decode()
    central = client_as("central")
    assert 'name="shared" value="0"' in central.get(f"{SEARCH}{item.pk}/").content.decode()
    assert central.post(url, {"shared": "0"}).status_code == 302
    item.refresh_from_db()
    assert not item.shared
    assert client_as("leder-syd").get(f"{SEARCH}{item.pk}/").status_code == 404
    assert DOCUMENTATION not in _titles(client_as("leder-syd").get(SEARCH, {"q": "dokumentation"}))
    assert DOCUMENTATION in _titles(central.get(SEARCH, {"q": "dokumentation"}))
    assert central.post(url, {"shared": "ja"}).status_code == 302  # not from the buttons: no change
    item.refresh_from_db()
    assert not item.shared
    assert central.post(url, {"shared": "1"}).status_code == 302
    item.refresh_from_db()
    assert item.shared


# "Brug hos os".


def test_use_it_here_copies_the_item_into_the_readers_forloeb_once(client_as):
    item = _item(APPROVALS)
    south = Process.objects.get(title="Færre faste skemaer")
    client = client_as("leder-syd")
    page = client.get(f"{SEARCH}{item.pk}/")
    assert [str(process) for process in page.context["adopt_form"].processes.values()] == ["Færre faste skemaer"]
    response = client.post(f"{SEARCH}{item.pk}/brug-hos-os/", {"process": south.pk})
    adoption = Adoption.objects.get(item=item)
    assert response.status_code == 302 and response["Location"] == f"/loesninger/{adoption.solution.pk}/"
    challenge, solution = adoption.challenge, adoption.solution
    assert (challenge.process, solution.challenge) == (south, challenge)
    assert challenge.title == solution.title == item.title  # a lesson names both
    assert solution.status == SolutionStatus.NOT_STARTED
    assert "Børnehuset Solsikken" in challenge.description and "Mere tid på stuerne" in challenge.description
    assert f"/erfaringsbank/{item.pk}/" in challenge.description
    assert f"/erfaringsbank/{item.pk}/" not in solution.description  # the source is written once
    assert challenge.priority == 2  # after the forløb's own challenge

    solution_page = client.get(response["Location"]).content.decode()
    assert f'href="/erfaringsbank/{item.pk}/"' in solution_page

    again = client.post(f"{SEARCH}{item.pk}/brug-hos-os/", {"process": south.pk})
    assert again["Location"] == response["Location"]
    assert Adoption.objects.count() == 1 and Challenge.objects.filter(process=south).count() == 2

    origin = client_as("medarbejder").get(f"{SEARCH}{item.pk}/")
    assert [unit.name for unit in origin.context["units"]] == ["Hjemmeplejen Syd"]
    assert origin.context["uses"][0]["solution"] is None  # the medarbejder may not see Syd's forløb
    assert f"/loesninger/{solution.pk}/" not in origin.content.decode()


def test_use_it_here_is_only_for_those_who_edit_a_forloeb(client_as):
    item = _item(APPROVALS)
    north = Process.objects.get(title="Mindre bøvl, mere tid hos borgerne")
    for who in ("medarbejder", "tr", "med"):
        client = client_as(who)
        assert client.get(f"{SEARCH}{item.pk}/").context["adopt_form"] is None
        assert client.post(f"{SEARCH}{item.pk}/brug-hos-os/", {"process": north.pk}).status_code == 403
    refused = client_as("leder-syd").post(f"{SEARCH}{item.pk}/brug-hos-os/", {"process": north.pk})
    assert refused.status_code == 200 and refused.context["form"].errors
    assert not Adoption.objects.exists()
    empty = client_as("leder-syd").post(f"{SEARCH}{item.pk}/brug-hos-os/", {"process": ""})
    assert empty.status_code == 200 and "process" in empty.context["form"].errors


def test_the_bank_is_in_the_main_menu(client_as):
    html = client_as("medarbejder").get("/").content.decode()
    assert f'href="{SEARCH}"' in html
    assert 'aria-current="page"' in client_as("medarbejder").get(SEARCH).content.decode()


def test_the_unit_filter_keeps_the_chosen_unit(client_as, demo):
    from samskab.bank.models import BankItem

    unit = BankItem.objects.filter(listed=True, shared=True).select_related("unit").first().unit
    html = client_as("leder-syd").get("/erfaringsbank/", {"unit": unit.pk}).content.decode()
    assert re.search(rf'<option value="{unit.pk}" selected>\s*{unit.name}</option>', html)  # indented by depth
    assert '<select aria-describedby="id_unit_helptext" class="form-select" id="id_unit" name="unit">' in html


def test_an_item_nobody_has_used_says_nothing_about_units(client_as):
    page = client_as("medarbejder").get(f"{SEARCH}{_item(APPROVALS).pk}/").content.decode()
    assert "Brugt i 0" not in page and 'id="spread"' not in page


def test_the_filters_are_folded_until_used_so_results_come_first_on_a_phone(client_as):
    client = client_as("medarbejder")
    folded = client.get(SEARCH, {"q": "dokumentation"}).content.decode()
    assert '<details class="samskab-details" id="bank-filters">' in folded
    assert folded.index('id="bank-filters"') < folded.index('id="results"')
    opened = client.get(SEARCH, {"q": "dokumentation", "kind": ItemKind.SOLUTION}).content.decode()
    assert '<details class="samskab-details" id="bank-filters" open>' in opened


def test_a_solution_used_here_lands_under_the_challenge_it_answered(client_as):
    item = BankItem.objects.filter(kind=ItemKind.SOLUTION, shared=True, listed=True).first()
    south = Process.objects.get(title="Færre faste skemaer")
    client_as("leder-syd").post(f"{SEARCH}{item.pk}/brug-hos-os/", {"process": south.pk})
    adoption = Adoption.objects.get(item=item)
    assert adoption.solution.title == item.title
    assert adoption.challenge.title == item.source.solution.challenge.title != item.title
