"""Approved means frozen: an approved referat's page, Word file and PDF come from what was approved.

Every kind of row the referat shows is changed after approval; the approved version reads the
same, byte for byte and checksum for checksum. Reopening and approving again makes version 2 and
keeps version 1; readers see version 1 while version 2 is prepared.
"""

import re
from io import BytesIO

import pytest
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from samskab.accounts.models import User
from samskab.core import frozen
from samskab.rounds.models import Action
from samskab.workshops import minutes_content as referat
from samskab.workshops.models import (
    Attendance,
    AttendanceStatus,
    Attendee,
    Card,
    Lesson,
    Minutes,
    MinutesStatus,
    MinutesVersion,
)
from tests.helpers import html
from tests.minutes_helpers import ACTION, ATTENDEE_NAME, GROUPED, LESSON, VISIBLE, hold_workshop

CHANGED = "Ændret efter godkendelsen"


@pytest.fixture
def held(demo):
    held = hold_workshop(demo, anonymous=False)  # a named workshop: names are in the referat too
    minutes = referat.ensure_draft(held.workshop)
    minutes.summary = "Et godt år."
    minutes.save()
    return held


def _url(held, action: str = "") -> str:
    return f"/workshops/{held.workshop.pk}/referat/{action}"


def _approve(client_as, held) -> MinutesVersion:
    assert client_as("konsulent").post(_url(held, "godkend/")).status_code == 302
    return Minutes.objects.get(workshop=held.workshop).versions.order_by("-number").first()


def _referat(page: str) -> str:
    """The referat itself on the page: its letterhead and title, and its body up to the list of versions."""
    head = page[page.index("minutes-letterhead") : page.index("</h1>")]
    return head + page[page.index("minutes-facts") : page.index('id="versioner"')]


def _read(client, held, prefix: str = "") -> tuple[str, bytes, bytes]:
    page = client.get(_url(held, prefix))
    assert page.status_code == 200
    return _referat(html(page)), client.get(_url(held, prefix + "word/")).content, client.get(_url(held, prefix + "pdf/")).content


def _word_text(body: bytes) -> str:
    document = Document(BytesIO(body))
    parts = [p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells]
    parts += [p.text for s in document.sections for p in s.footer.paragraphs]
    return "\n".join(parts)


def _pdf_text(body: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(BytesIO(body)).pages)


def _change_everything(held) -> None:
    """Change every kind of row the referat shows."""
    workshop = held.workshop
    Card.objects.filter(pk=held.visible.pk).update(text=CHANGED + " (kort)")
    Card.objects.filter(text=GROUPED).update(hidden=True)
    Lesson.objects.filter(section__workshop=workshop).update(text=CHANGED + " (læringspunkt)")
    tr = workshop.round.process.participants.get(user__username="tr")
    Action.objects.filter(section__workshop=workshop).update(what=CHANGED + " (aftale)", why="Ny begrundelse", owner=tr)
    Attendance.objects.filter(workshop=workshop).update(status=AttendanceStatus.APOLOGIES)
    Attendee.objects.filter(workshop=workshop, name=ATTENDEE_NAME).update(name="Omdøbt Deltager")
    Minutes.objects.filter(workshop=workshop).update(summary=CHANGED + " (resumé)")
    User.objects.filter(username__in=["leder", "konsulent", "medarbejder"]).update(first_name="Omdøbt")
    organisation = workshop.round.process.unit.organisation
    organisation.name = "Omdøbt Kommune"
    organisation.save()


def test_the_approved_referat_does_not_change_when_its_rows_change(held, client_as):
    version = _approve(client_as, held)
    reader = client_as("med")
    page, word, pdf = _read(reader, held)
    for text in (VISIBLE, GROUPED, LESSON, ACTION, ATTENDEE_NAME, "Et godt år.", "Demo Kommune"):
        assert text in page, text

    _change_everything(held)

    assert _read(reader, held) == (page, word, pdf)
    assert _read(reader, held, "version/1/") == (page, word, pdf)
    version.refresh_from_db()
    assert MinutesVersion.objects.filter(minutes__workshop=held.workshop).count() == 1
    # The draft, were it read live now, would say something else: the test can fail.
    live = referat.build(held.workshop, Minutes.objects.get(workshop=held.workshop))
    assert frozen.checksum(frozen.to_data(live)) != version.checksum


def test_the_checksum_is_of_the_stored_content_and_is_shown_on_the_page_and_in_both_files(held, client_as):
    version = _approve(client_as, held)
    assert re.fullmatch(r"[0-9a-f]{64}", version.checksum)
    assert frozen.checksum(version.content) == version.checksum  # anyone can recompute it
    page, word, pdf = _read(client_as("med"), held)
    assert version.checksum in page
    assert version.checksum in _word_text(word)
    assert version.checksum in re.sub(r"\s", "", _pdf_text(pdf))
    assert "Version" in page and version.approved_by_name in page


def test_the_stored_tree_reads_back_as_it_was_built(held):
    content = referat.build(held.workshop, referat.ensure_draft(held.workshop))
    data = frozen.to_data(content)
    thawed = frozen.thaw(referat.MinutesContent, data)
    assert frozen.to_data(thawed) == data
    assert thawed.date == content.date and thawed.next_evaluation == content.next_evaluation
    assert thawed.boards[0].blocks[0].cards[0].text == content.boards[0].blocks[0].cards[0].text


def test_reopening_and_approving_again_keeps_both_versions(held, client_as):
    first = _approve(client_as, held)
    reader = client_as("med")
    page_1, word_1, pdf_1 = _read(reader, held)
    facilitator = client_as("konsulent")
    facilitator.post(_url(held, "kladde/"), {"confirm": "on"})
    _change_everything(held)

    # Meanwhile readers see version 1, told that a new version is being prepared.
    during = html(reader.get(_url(held)))
    assert "Der arbejdes på en ny version" in during and _referat(during) == page_1
    assert reader.get(_url(held, "word/")).content == word_1 and reader.get(_url(held, "pdf/")).content == pdf_1
    # The facilitators' draft reads the rows as they are now.
    draft = html(facilitator.get(_url(held)))
    assert CHANGED + " (kort)" in draft and 'name="summary"' in draft

    second = _approve(client_as, held)
    assert (first.number, second.number) == (1, 2) and first.checksum != second.checksum
    now = html(reader.get(_url(held)))
    assert CHANGED + " (kort)" in now and "Omdøbt Kommune" in now
    for number in (1, 2):
        assert f"/referat/version/{number}/" in now
    assert _read(reader, held, "version/1/") == (page_1, word_1, pdf_1)
    assert f"filename=\"referat-{held.workshop.date.isoformat()}-v2.pdf\"" in reader.get(_url(held, "pdf/"))["Content-Disposition"]


def test_a_referat_approved_before_versions_existed_is_frozen_when_first_read(held, client_as, personas):
    Minutes.objects.filter(workshop=held.workshop).update(
        status=MinutesStatus.APPROVED, approved_at=timezone.now(), approved_by=personas["konsulent"]
    )
    versions = MinutesVersion.objects.filter(minutes__workshop=held.workshop)
    assert not versions.exists()
    page = html(client_as("med").get(_url(held)))
    version = versions.get()
    assert version.number == 1 and version.checksum in page
    assert version.approved_by == personas["konsulent"]
    _change_everything(held)
    assert _referat(html(client_as("med").get(_url(held)))) == _referat(page)


def test_reopening_an_old_approval_keeps_it_as_version_1(held, client_as, personas):
    Minutes.objects.filter(workshop=held.workshop).update(
        status=MinutesStatus.APPROVED, approved_at=timezone.now(), approved_by=personas["konsulent"]
    )
    client_as("konsulent").post(_url(held, "kladde/"), {"confirm": "on"})
    assert MinutesVersion.objects.get(minutes__workshop=held.workshop).number == 1
    assert client_as("med").get(_url(held)).status_code == 200


def test_unknown_versions_are_404_and_outsiders_see_none(held, client_as):
    _approve(client_as, held)
    assert client_as("med").get(_url(held, "version/2/")).status_code == 404
    assert client_as("nabo").get(_url(held, "version/1/")).status_code == 404
    assert client_as("nabo").get(_url(held, "version/1/pdf/")).status_code == 404


def test_before_any_approval_readers_are_told_why(held, client_as):
    response = client_as("med").get(_url(held, "version/1/"))
    assert response.status_code == 403
