"""What the referat tells about the meeting: who was there (said once), when it started, the status
round before → after, the lessons with their cards, the aftaler with their why, and no votes where
no vote was held. On the page, in the Word file and in the PDF; an approved version keeps its text."""

from datetime import time
from io import BytesIO

import pytest
from django.utils import translation
from django.utils.translation import gettext
from docx import Document
from pypdf import PdfReader

from samskab.processes.models import FollowUp, SolutionStatus
from samskab.rounds.models import Action
from samskab.workshops.models import Attendance, AttendanceStatus, Minutes, Vote
from tests.helpers import html
from tests.minutes_helpers import ACTION, CONFIRMED, VISIBLE, hold_workshop

WHY = "Så Syd slipper for at opfinde den igen"


@pytest.fixture
def held(demo):
    held = hold_workshop(demo, anonymous=False)
    held.workshop.starts_at = time(9, 30)
    held.workshop.save(update_fields=["starts_at"])
    Action.objects.filter(what=ACTION).update(why=WHY)
    return held


def _page(client_as, workshop) -> str:
    with translation.override("da"):
        return html(client_as("konsulent").get(f"/workshops/{workshop.pk}/referat/"))


def _files(client_as, workshop) -> tuple[str, str]:
    client = client_as("konsulent")
    word = Document(BytesIO(client.get(f"/workshops/{workshop.pk}/referat/word/").content))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    word_text = "\n".join([p.text for p in word.paragraphs] + cells)
    pdf = PdfReader(BytesIO(client.get(f"/workshops/{workshop.pk}/referat/pdf/").content))
    return word_text, "\n".join(page.extract_text() for page in pdf.pages)


def _da(message: str) -> str:
    with translation.override("da"):
        return gettext(message)


def test_the_people_are_accounted_for_once_with_names_and_the_number_on_phones(held, client_as):
    page = _page(client_as, held.workshop)
    people = page.split('id="minutes-people">')[1].split("</p>")[0]
    # The two the facilitator ticked, by name; the phones that joined, as one number with their roles.
    ticked = [record.participant.user.get_full_name() for record in Attendance.objects.filter(workshop=held.workshop)]
    assert people.startswith("Til stede: ") and all(name in people for name in ticked)
    assert "deltog med koden på deres telefoner" in people
    assert people.count("deltog med koden") == 1
    assert "af forløbets deltagere mødte op" not in page
    word, pdf = _files(client_as, held.workshop)
    assert "deltog med koden på deres telefoner" in word
    assert "deltog med koden" in " ".join(pdf.split())


def test_the_start_time_the_status_before_and_after_the_lessons_cards_and_the_why(held, client_as):
    solution = held.solution
    FollowUp.objects.create(
        solution=solution,
        date=held.workshop.date.replace(day=1) if held.workshop.date.day > 1 else held.workshop.date,
        status=SolutionStatus.TRIAL,
        happened="Piloten kører",
    )
    page = _page(client_as, held.workshop)
    assert "kl. 09:30" in page
    assert f"afprøves → implementeret. {CONFIRMED}" in page
    assert f"Bygger på: “{VISIBLE}”" in page.replace("&ldquo;", "“").replace("&rdquo;", "”")
    assert WHY in page
    word, pdf = _files(client_as, held.workshop)
    for text in (word, " ".join(pdf.split())):
        assert "kl. 09:30" in text
        assert "afprøves → implementeret" in text
        assert WHY in text
        assert f"“{VISIBLE}”" in text


def test_no_votes_are_printed_where_no_vote_was_held(held, client_as):
    assert "stemmer)" in _page(client_as, held.workshop) or "stemme)" in _page(client_as, held.workshop)
    Vote.objects.filter(card__section__workshop=held.workshop).delete()
    page = _page(client_as, held.workshop)
    assert "0 stemmer" not in page
    assert "Topemner" not in page and _da("Top points") not in page
    word, pdf = _files(client_as, held.workshop)
    assert "0 stemmer" not in word and "0 stemmer" not in pdf


def test_the_pdf_keeps_each_distribution_on_one_line(held, client_as):
    _word, pdf = _files(client_as, held.workshop)
    assert "0 · 0 · 0 · 2 · 3" in pdf  # five raters gave 4 or 5 (tests/minutes_helpers.py)


def test_an_approved_version_keeps_what_it_said(held, client_as):
    client = client_as("konsulent")
    assert client.post(f"/workshops/{held.workshop.pk}/referat/godkend/").status_code == 302
    Action.objects.filter(what=ACTION).update(why="Et andet hvorfor")
    Attendance.objects.filter(workshop=held.workshop).update(status=AttendanceStatus.APOLOGIES)
    version = Minutes.objects.get(workshop=held.workshop).versions.get(number=1)
    with translation.override("da"):
        page = html(client.get(f"/workshops/{held.workshop.pk}/referat/version/{version.number}/"))
    assert WHY in page and "Et andet hvorfor" not in page
