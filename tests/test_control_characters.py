"""No input can break a document, an email or an export: control characters are stripped on the way
in (every form, the phone's card path, the Excel import) and again on the way out (Word, PDF, .xlsx)."""

import importlib
import inspect
import pkgutil
from datetime import timedelta
from io import BytesIO

import pytest
from django import forms
from django.apps import apps
from django.test import Client
from django.urls import reverse
from docx import Document

from samskab.core.forms import CleanTextForm
from samskab.core.text import cleaned, without_control_characters
from samskab.processes.excel_import import cell_text, read_workbook
from samskab.processes.models import Challenge
from samskab.rounds.models import Action
from samskab.workshops.models import Card, Phase
from tests.facilitation_helpers import running_board
from tests.helpers import submission, today
from tests.minutes_helpers import hold_workshop
from tests.phone_helpers import JSON, card_data, demo_workshop, join, phone_url, run
from tests.test_excel_import import PEOPLE, good_sheets, xlsx

CONTROL = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85"


# --- the rule -----------------------------------------------------------------------------------


def test_control_characters_go_and_multi_line_text_keeps_its_lines():
    assert without_control_characters(f"Første{CONTROL} linje\r\n\tAnden linje") == "Første linje\r\n\tAnden linje"


def test_single_line_text_turns_tabs_and_line_breaks_into_one_space():
    assert without_control_characters("Et\x0bår\r\nmed\tmindre\n\nbøvl", multiline=False) == "Etår med mindre bøvl"


def test_danish_letters_emoji_and_dashes_are_kept():
    text = "Æble, ø og å – “citat” · 👍 ½"
    assert without_control_characters(text, multiline=False) == text


def test_a_lone_surrogate_is_removed():
    assert without_control_characters("a\ud800b") == "ab"


def test_cleaned_copies_a_dataclass_tree_without_changing_the_original():
    from tests.document_helpers import every_section

    content = every_section()
    content.title = "Et\x0b år"
    content.boards[0].blocks[0].cards[0].text = "Kort\x0c med tegn"
    copy = cleaned(content)
    assert copy.title == "Et år" and copy.boards[0].blocks[0].cards[0].text == "Kort med tegn"
    assert content.title == "Et\x0b år"  # the stored content stays as it was (its checksum with it)
    assert copy.date == content.date and copy.seal is None


# --- every form strips them ---------------------------------------------------------------------


def _project_forms() -> list[type]:
    """Every form class of Samskab's installed apps (their modules imported first)."""
    for app in apps.get_app_configs():
        if not app.name.startswith("samskab."):
            continue
        for module in pkgutil.walk_packages(app.module.__path__, f"{app.name}."):
            if ".migrations" not in module.name:
                importlib.import_module(module.name)
    found, todo = set(), [forms.BaseForm]
    while todo:
        for subclass in todo.pop().__subclasses__():
            todo.append(subclass)
            if subclass.__module__.startswith("samskab.") and not inspect.isabstract(subclass):
                found.add(subclass)
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def test_every_form_of_samskab_strips_control_characters():
    project_forms = _project_forms()
    assert len(project_forms) > 30  # the walk found the project's forms
    missing = [f"{cls.__module__}.{cls.__qualname__}" for cls in project_forms if not issubclass(cls, CleanTextForm)]
    assert missing == []


def test_a_new_challenge_is_stored_without_control_characters(demo, client_as):
    client = client_as("konsulent")
    url = reverse("processes:challenge_create", args=[demo.pk])
    response = client.post(
        url,
        {
            "submission": submission(client.get(url)),
            "title": "Vagtplanen\x0b laves\tto steder",
            "description": "Først i Excel\x07,\nså i vagtsystemet\x1b.",
            "why_problem": "",
            "affected": "",
            "priority": "5",
        },
    )
    assert response.status_code == 302
    challenge = Challenge.objects.get(process=demo, title__startswith="Vagtplanen")
    assert challenge.title == "Vagtplanen laves to steder"
    assert challenge.description == "Først i Excel,\nså i vagtsystemet."  # a multi-line field keeps its lines


def test_an_aftale_is_stored_without_control_characters(demo, client_as):
    board = running_board(demo, Phase.CONCLUDE)
    client = client_as("konsulent")
    url = reverse("workshops:action_create", args=[board.pk])
    response = client.post(
        url,
        {
            "submission": submission(client.get(url)),
            "what": "=HYPERLINK(\"x\")\x0b og\x00 mere",
            "owner": demo.participants.get(user__username="medarbejder").pk,
            "deadline": today() + timedelta(days=14),
        },
    )
    assert response.status_code == 302
    assert Action.objects.get(section=board).what == '=HYPERLINK("x") og mere'


def test_a_form_with_errors_shows_the_text_back_without_control_characters(demo, client_as):
    client = client_as("konsulent")
    url = reverse("processes:challenge_create", args=[demo.pk])
    response = client.post(url, {"submission": submission(client.get(url)), "title": "Bøvl\x0b", "priority": "x"})
    assert response.status_code == 200
    assert "Bøvl\x0b" not in response.content.decode()
    assert response.context["form"]["title"].value() == "Bøvl"


def test_the_login_form_takes_a_username_with_a_control_character_without_an_error_page(demo):
    response = Client().post(reverse("accounts:login"), {"username": "konsulent\x0b", "password": "forkert"})
    assert response.status_code == 200


def test_every_form_of_the_admin_strips_them_too():
    from django.contrib import admin

    admins = list(admin.site._registry.values())
    samskab_admins = [a for a in admins if a.__module__.startswith("samskab.")]
    assert samskab_admins
    for model_admin in samskab_admins:
        for form in (model_admin.form, getattr(model_admin, "add_form", CleanTextForm)):
            assert issubclass(form, CleanTextForm), model_admin
        for inline in model_admin.inlines:
            assert issubclass(inline.form, CleanTextForm), inline


def test_a_unit_named_in_the_admin_is_stored_without_control_characters(demo, client_as):
    parent = demo.unit
    response = client_as("admin").post(
        reverse("admin:organisations_unit_add"),
        {"organisation": parent.organisation_id, "parent": parent.pk, "name": "Team\x0b 4\x1b", "kind": "arbejdsplads"},
    )
    assert response.status_code == 302
    assert parent.children.filter(name="Team 4").exists()


# --- the phone's card path ----------------------------------------------------------------------


@pytest.fixture
def phone(demo):
    workshop = demo_workshop(demo)
    board = run(workshop)
    client = Client()
    join(client, workshop)
    return client, workshop, board


def test_a_card_from_the_phone_is_stored_without_control_characters(phone):
    client, workshop, board = phone
    data = card_data(board, "Tavlemøderne\x0b gav ro\r\nom morgenen\x1b[31m")
    response = client.post(phone_url(workshop, "kort"), data, **JSON)
    assert response.status_code == 200, response.content
    card = Card.objects.get(client_id=data["client_id"])
    assert card.text == "Tavlemøderne gav ro\nom morgenen[31m"


def test_a_card_of_nothing_but_control_characters_is_refused_as_empty(phone):
    client, workshop, board = phone
    data = card_data(board, "\x0b\x0c\x00")
    response = client.post(phone_url(workshop, "kort"), data, **JSON)
    assert response.status_code == 422
    assert not Card.objects.filter(client_id=data["client_id"]).exists()


def test_the_card_service_strips_them_too_whatever_calls_it(phone):
    from samskab.workshops import cards
    from samskab.workshops.models import Attendee

    _client, workshop, board = phone
    attendee = Attendee.objects.get(workshop=workshop)
    card = cards.card_add(
        attendee=attendee, section=board, client_id=card_data(board)["client_id"], text="Fra\x0b et andet sted",
        column=board.headings.filter(kind="kolonne").first(),
    )
    assert card.text == "Fra et andet sted"


# --- the Excel import -----------------------------------------------------------------------------


def test_an_imported_cell_loses_its_control_characters():
    assert cell_text("  Bøvl\x7f i\x85 vagtplanen  ") == "Bøvl i vagtplanen"


def test_an_imported_workbook_with_control_characters_reads_clean_titles():
    sheets = good_sheets()
    sheets["Udfordringer"][0][1] = "Dobbelt\x7fregistrering\x9f"
    rows, problems = read_workbook(xlsx(sheets), people=PEOPLE)
    assert problems == []
    assert rows.challenges[0].title == "Dobbeltregistrering"


# --- the documents hold whatever was stored -------------------------------------------------------


def test_a_card_with_a_vertical_tab_stored_earlier_still_gives_a_word_file_and_a_pdf(demo, client_as):
    held = hold_workshop(demo)
    Card.objects.filter(pk=held.visible.pk).update(text="Tavlemøderne\x0b giver\x0c ro")
    client = client_as("konsulent")
    word = client.get(f"/workshops/{held.workshop.pk}/referat/word/")
    assert word.status_code == 200
    paragraphs = [p.text for p in Document(BytesIO(word.content)).paragraphs]
    assert any(text.startswith("Tavlemøderne giver ro") for text in paragraphs)
    pdf = client.get(f"/workshops/{held.workshop.pk}/referat/pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert client.post(f"/workshops/{held.workshop.pk}/referat/godkend/").status_code == 302  # approving prints both
    assert client_as("med").get(f"/workshops/{held.workshop.pk}/referat/word/").status_code == 200


def test_erfa_notes_stored_with_control_characters_still_give_a_word_file(demo, client_as):
    from samskab.network.models import AgendaItem, ErfaMeeting

    meeting = ErfaMeeting.objects.get(group__name="Erfa-gruppe for samskabt styring")
    ErfaMeeting.objects.filter(pk=meeting.pk).update(notes="Karin\x0b fortalte.\n\nNæste\x0c gang.", place="Rådhuset\x1b")
    AgendaItem.objects.create(meeting=meeting, text="Nyt\x0b fra forløbene", order=99)
    response = client_as("konsulent").get(reverse("network:erfa_meeting_docx", args=[meeting.pk]))
    assert response.status_code == 200
    texts = [p.text for p in Document(BytesIO(response.content)).paragraphs]
    assert "Karin fortalte." in texts and "Nyt fra forløbene" in texts
