"""The referat in the browser: the facilitator hides a card and approves; the leder downloads both files
of version 1 and reads them; the page passes axe as a draft, approved, and while a new version is
prepared, at desktop and phone width (each state checked as shown at 1280 px and resized to 375 px)."""

from io import BytesIO

import pytest
from docx import Document
from playwright.sync_api import expect
from pypdf import PdfReader

from samskab.workshops.models import Card, Minutes, MinutesStatus
from tests.browser.conftest import press, violations_at_both_widths
from tests.minutes_helpers import GROUPED, HIDDEN, VISIBLE, hold_workshop

pytestmark = pytest.mark.browser


@pytest.fixture
def held(live_world):
    return hold_workshop(live_world.process)


def _url(workshop) -> str:
    return f"/workshops/{workshop.pk}/referat/"


def _assert_accessible(tab, where: str) -> None:
    """axe finds nothing at the tab's width, nor resized to the other (desktop or phone)."""
    found = violations_at_both_widths(tab)
    assert not found, f"{where}\n{found}"


def test_hide_a_card_approve_and_download_both_files(page_as, held):
    workshop = held.workshop
    tab = page_as("konsulent")
    tab.goto(_url(workshop))
    # A card naming a colleague is hidden from the referat with its toggle.
    item = tab.locator(".minutes-moderation-item", has_text=GROUPED)
    press(tab, item.get_by_role("button"))
    assert Card.objects.get(text=GROUPED).hidden
    tab.locator("[name=summary]").fill("Et år med mindre bøvl. Vi fortsætter.")
    press(tab, tab.locator("main form:has([name=summary]) [type=submit]"))
    assert Minutes.objects.get(workshop=workshop).summary == "Et år med mindre bøvl. Vi fortsætter."
    press(tab, tab.locator(f"form[action='{_url(workshop)}godkend/'] [type=submit]"))
    assert Minutes.objects.get(workshop=workshop).status == MinutesStatus.APPROVED
    expect(tab.locator("[name=summary]")).to_have_count(0)

    reader = page_as("leder")
    reader.goto(f"/runder/{workshop.round.pk}/")
    press(reader, reader.locator(f"a[href='{_url(workshop)}']"))
    expect(reader.locator("main")).to_contain_text(VISIBLE)
    expect(reader.locator("main")).not_to_contain_text(HIDDEN)
    expect(reader.locator("main")).not_to_contain_text(GROUPED)

    with reader.expect_download() as word_download:
        reader.locator(f"a[href='{_url(workshop)}version/1/word/']").first.click()
    word = word_download.value
    assert word.suggested_filename == f"referat-{workshop.date.isoformat()}-v1.docx"
    document = Document(BytesIO(open(word.path(), "rb").read()))
    word_text = "\n".join(p.text for p in document.paragraphs)
    assert VISIBLE in word_text and HIDDEN not in word_text and GROUPED not in word_text
    assert "Et år med mindre bøvl. Vi fortsætter." in word_text

    with reader.expect_download() as pdf_download:
        reader.locator(f"a[href='{_url(workshop)}version/1/pdf/']").first.click()
    pdf = pdf_download.value
    assert pdf.suggested_filename == f"referat-{workshop.date.isoformat()}-v1.pdf"
    pdf_text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf.path()).pages)
    assert VISIBLE in pdf_text and HIDDEN not in pdf_text and GROUPED not in pdf_text


def test_the_referat_page_passes_axe_as_draft_and_approved(page_as, held):
    workshop = held.workshop
    not_yet = page_as("leder")
    response = not_yet.goto(_url(workshop))
    assert response.status == 403
    _assert_accessible(not_yet, "not approved, as the leder")
    tab = page_as("konsulent")
    tab.goto(_url(workshop))
    _assert_accessible(tab, "draft")
    # The form with an error, and the reopen form after approval.
    tab.locator("[name=next_evaluation]").fill("2020-01-01")  # before the workshop
    tab.locator("main form:has([name=summary]) [type=submit]").click()
    expect(tab.locator(".alert-error")).to_be_visible()
    _assert_accessible(tab, "draft with errors")
    tab.goto(_url(workshop))
    press(tab, tab.locator(f"form[action='{_url(workshop)}godkend/'] [type=submit]"))
    _assert_accessible(tab, "approved, as the facilitator")
    reader = page_as("med")
    reader.goto(_url(workshop))
    expect(reader.locator("h1")).to_contain_text(workshop.title)
    _assert_accessible(reader, "approved, as a MED member")
    # The facilitator makes it a draft again: the MED member reads version 1, told a new one is coming.
    tab.goto(_url(workshop))
    tab.locator("label[for=id_confirm]").click()  # the design system draws the box on the label
    press(tab, tab.locator(f"form[action='{_url(workshop)}kladde/'] [type=submit]"))
    assert Minutes.objects.get(workshop=workshop).status == MinutesStatus.DRAFT
    reader.goto(_url(workshop))
    expect(reader.locator(".alert-info")).to_contain_text("version 1")
    expect(reader.locator("#versioner")).to_be_visible()
    _assert_accessible(reader, "a new version prepared, as a MED member")
