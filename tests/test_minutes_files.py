"""The referat's files, opened as the MED committee would open them: Word with python-docx, PDF with pypdf."""

from io import BytesIO

import pytest
from django.utils import translation
from django.utils.translation import gettext
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from samskab.workshops.minutes_docx import render_docx
from samskab.workshops.minutes_pdf import render_pdf
from samskab.workshops.models import Minutes
from tests.document_helpers import a_seal, every_section, pdf_ua_failures, repeats_header_row
from tests.minutes_helpers import ACTION, GROUPED, HIDDEN, LESSON, TRANSFER, VISIBLE, hold_workshop


@pytest.fixture
def held(demo):
    return hold_workshop(demo)


@pytest.fixture
def approved(held, client_as):
    assert client_as("konsulent").post(f"/workshops/{held.workshop.pk}/referat/godkend/").status_code == 302
    assert Minutes.objects.get(workshop=held.workshop).is_approved
    return held


def da(message: str) -> str:
    """The Danish text of `message`: the files are in Danish whatever the reader's language."""
    with translation.override("da"):
        return gettext(message)


def _download(client, workshop, kind: str):
    response = client.get(f"/workshops/{workshop.pk}/referat/{kind}/")
    assert response.status_code == 200
    return response


def _docx(response) -> Document:
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return Document(BytesIO(response.content))


def _docx_text(document) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_word_file_has_real_headings_and_the_visible_cards_only(approved, client_as):
    response = _download(client_as("med"), approved.workshop, "word")
    assert response["Content-Disposition"] == f'attachment; filename="referat-{approved.workshop.date.isoformat()}-v1.docx"'
    document = _docx(response)
    headings = {(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")}
    title = da("Minutes: %(title)s") % {"title": approved.workshop.title}
    assert ("Heading 1", title) in headings
    styles = {style for style, _text in headings}
    assert {"Heading 1", "Heading 2", "Heading 3"} <= styles
    assert ("Heading 2", da("Lessons")) in headings and ("Heading 2", da("Agreements")) in headings
    text = _docx_text(document)
    for expected in (VISIBLE, GROUPED, TRANSFER, LESSON, ACTION, "Demo Kommune"):
        assert expected in text, expected
    assert HIDDEN not in text
    assert da("DRAFT – not approved") not in text


def test_word_file_is_danish_with_a_title_a_ratings_table_and_the_logo(approved, client_as):
    document = _docx(_download(client_as("leder"), approved.workshop, "word"))
    properties = document.core_properties
    assert properties.language == "da-DK"
    assert properties.title == da("Minutes: %(title)s") % {"title": approved.workshop.title}
    ratings = document.tables[0]
    headers = [da("Statement"), da("Answers"), da("Average"), da("Distribution (1–5)"), da("Average by role")]
    assert [cell.text for cell in ratings.rows[0].cells] == headers
    first, second = ratings.rows[1], ratings.rows[2]
    assert first.cells[2].text == "4,6"  # a Danish decimal comma
    assert second.cells[2].text == da("Hidden: fewer than %(smallest)s answers") % {"smallest": 5}
    assert len(document.inline_shapes) == 1  # the municipality's logo


def test_pdf_is_tagged_danish_and_holds_the_visible_cards_only(approved, client_as):
    response = _download(client_as("central"), approved.workshop, "pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="referat-{approved.workshop.date.isoformat()}-v1.pdf"'
    reader = PdfReader(BytesIO(response.content))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "da"
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"] is True or root["/MarkInfo"]["/Marked"] == True  # noqa: E712
    assert reader.metadata.title == da("Minutes: %(title)s") % {"title": approved.workshop.title}
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for expected in (VISIBLE, GROUPED, TRANSFER, LESSON, ACTION, "Demo Kommune"):
        assert expected in text, expected
    assert HIDDEN not in text
    assert da("DRAFT – not approved") not in text


def test_the_draft_files_say_draft(held, client_as):
    client = client_as("konsulent")
    word = _download(client, held.workshop, "word")
    assert word["Content-Disposition"].endswith('-kladde.docx"')
    assert da("DRAFT – not approved") in _docx_text(_docx(word))
    pdf = PdfReader(BytesIO(_download(client, held.workshop, "pdf").content))
    assert da("DRAFT – not approved") in pdf.pages[0].extract_text()


def test_files_are_danish_whatever_the_reader_chose_for_the_page(approved, client_as):
    client = client_as("med")
    client.post("/i18n/sprog/", {"language": "en"})
    assert "Download as Word" in client.get(f"/workshops/{approved.workshop.pk}/referat/").content.decode()
    document = _docx(_download(client, approved.workshop, "word"))
    texts = [p.text for p in document.paragraphs]
    assert da("Date") == "Dato"  # a msgid the catalogue already has
    assert any(text.startswith("Dato: ") for text in texts)
    assert not any(text.startswith("Date: ") for text in texts)


# --- PDF/UA-1, checked by a validator; Word's structure read back --------------------------------


@pytest.mark.parametrize("anonymous", [True, False], ids=["anonymous", "named"])
@pytest.mark.parametrize("sealed", [False, True], ids=["draft", "approved"])
def test_a_referat_with_every_section_passes_pdf_ua_1(anonymous, sealed):
    content = every_section(anonymous=anonymous, seal=a_seal() if sealed else None)
    with translation.override("da"):
        pdf = render_pdf(content)
    assert pdf_ua_failures(pdf) == []


@pytest.mark.parametrize("anonymous", [True, False], ids=["anonymous", "named"])
def test_the_downloaded_pdf_of_a_held_workshop_passes_pdf_ua_1(demo, client_as, anonymous):
    held = hold_workshop(demo, anonymous=anonymous, raters=15)
    client = client_as("konsulent")
    assert pdf_ua_failures(_download(client, held.workshop, "pdf").content) == []
    assert client.post(f"/workshops/{held.workshop.pk}/referat/godkend/").status_code == 302
    assert pdf_ua_failures(_download(client_as("med"), held.workshop, "pdf").content) == []


def test_the_validator_finds_what_is_wrong_with_an_untagged_pdf():
    from weasyprint import HTML

    untagged = HTML(string="<html><body><table><tr><td>x</td></tr></table></body></html>").write_pdf()
    assert pdf_ua_failures(untagged) != []


def test_the_word_file_has_a_title_danish_real_headings_and_repeated_table_header_rows():
    with translation.override("da"):
        document = Document(BytesIO(render_docx(every_section())))
    assert document.core_properties.title == "Referat: Et år med mindre bøvl"
    assert document.core_properties.language == "da-DK"
    default_language = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert default_language.get(qn("w:val")) == "da-DK"
    levels = {p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")}
    assert {"Heading 1", "Heading 2", "Heading 3"} <= levels
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == ["Referat: Et år med mindre bøvl"]
    assert len(document.tables) == 2  # the ratings and the aftaler
    for table in document.tables:
        assert repeats_header_row(table)
        assert all(run.bold for run in table.rows[0].cells[0].paragraphs[0].runs)
        caption = table._tbl.tblPr.find(qn("w:tblCaption"))
        assert caption is not None and caption.get(qn("w:val"))
