"""The page layout of published documents (core/documents.py, core/docx.py, core/pdf.py): A4, the
municipality and the title on every page, page numbers, "KLADDE – ikke godkendt" on every page of a
draft and the approved version's seal on every page of an approved one; and the PDF printer reads
only the static files a document names."""

from io import BytesIO
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader

from samskab.core.docx import danish_document
from samskab.core.documents import PAGE, PAGES, Frame, page_label
from samskab.core.pdf import StaticFilesOnly, css_string, print_pdf, static_uri
from samskab.workshops.minutes_docx import render_docx
from samskab.workshops.minutes_pdf import render_pdf
from samskab.workshops.models import MinutesVersion
from tests.document_helpers import (
    A4_MM,
    A4_POINTS,
    a_seal,
    every_section,
    footer_fields,
    footer_text,
    header_text,
    pdf_pages,
    word,
    word_text,
)
from tests.minutes_helpers import hold_workshop

LOGO = "logos/demo-kommune.png"


def da(message: str) -> str:
    with translation.override("da"):
        return gettext(message)


@pytest.fixture(autouse=True)
def danish():
    with translation.override("da"):
        yield


# --- Word -------------------------------------------------------------------------------------


def test_the_word_file_is_a4_with_the_municipality_and_title_in_the_header_and_page_numbers_in_the_footer():
    document = word(render_docx(every_section()))
    for section in document.sections:
        assert (round(section.page_width.mm), round(section.page_height.mm)) == A4_MM
    assert "Demo Kommune · Referat: Et år med mindre bøvl" in header_text(document)
    assert footer_fields(document) == ["PAGE", "NUMPAGES"]
    assert footer_text(document).startswith("Side ")


def test_a_draft_word_file_is_marked_in_the_header_of_every_page():
    document = word(render_docx(every_section()))
    assert "KLADDE – ikke godkendt" in header_text(document)
    assert not document.sections[0].different_first_page_header_footer  # one header for all pages


def test_an_approved_word_file_carries_its_version_approval_and_checksum_in_the_footer():
    seal = a_seal(number=2)
    document = word(render_docx(every_section(seal=seal)))
    footer = footer_text(document)
    assert "version 2" in footer and "15. december 2026" in footer and "Karin Kofoed" in footer
    assert seal.checksum in footer
    assert "KLADDE" not in header_text(document) + word_text(document)
    assert seal.checksum in word_text(document)  # and at the end, under Godkendelse


def test_the_erfa_groups_notes_are_a4_too():
    section = danish_document(title="Noter", author="Demo Kommune").sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == A4_MM


# --- PDF --------------------------------------------------------------------------------------


def test_every_page_of_a_draft_pdf_is_a4_with_header_page_number_and_draft_mark():
    pdf = render_pdf(every_section())
    pages = pdf_pages(pdf)
    assert len(pages) >= 2
    for sheet in PdfReader(BytesIO(pdf)).pages:
        assert (round(float(sheet.mediabox.width), 1), round(float(sheet.mediabox.height), 1)) == A4_POINTS
    for number, text in enumerate(pages, start=1):
        assert "Demo Kommune · Referat: Et år med mindre bøvl" in text
        assert f"Side {number} af {len(pages)}" in text
        assert "KLADDE – ikke godkendt" in text


def test_every_page_of_an_approved_pdf_carries_its_seal_and_no_draft_mark():
    seal = a_seal(number=3)
    pages = pdf_pages(render_pdf(every_section(seal=seal)))
    for number, text in enumerate(pages, start=1):
        assert "version 3" in text and "Karin Kofoed" in text, number
        assert seal.checksum in text.replace(" ", ""), number
        assert f"Side {number} af {len(pages)}" in text
        assert "KLADDE" not in text


def test_header_text_cannot_break_out_of_the_pdfs_style_sheet():
    content = every_section()
    content.municipality = 'Evil"; } body { display: none } </style><p>injected'
    pages = pdf_pages(render_pdf(content))
    assert "Et år med mindre bøvl" in pages[0]  # the body was not hidden
    assert 'Evil"; } body { display: none } </style><p>injected' in pages[0]  # the name printed as written


def test_a_css_string_escapes_quotes_backslashes_and_angle_brackets():
    assert css_string('a"b\\c</style>\n') == '"a\\22 b\\5c c\\3c /style\\3e \\a "'


# --- through HTTP: the referat's files, draft and approved ---------------------------------------


def test_the_approved_referats_files_carry_the_versions_seal_on_every_page(demo, client_as):
    held = hold_workshop(demo)
    assert client_as("konsulent").post(f"/workshops/{held.workshop.pk}/referat/godkend/").status_code == 302
    version = MinutesVersion.objects.get(minutes__workshop=held.workshop)
    reader = client_as("med")
    document = word(reader.get(f"/workshops/{held.workshop.pk}/referat/word/").content)
    assert version.checksum in footer_text(document)
    assert "KLADDE" not in header_text(document)
    pages = pdf_pages(reader.get(f"/workshops/{held.workshop.pk}/referat/pdf/").content)
    for text in pages:
        assert version.checksum in text.replace(" ", "")
        assert f"version {version.number}" in text


def test_the_draft_referats_files_say_draft_on_every_page(demo, client_as):
    held = hold_workshop(demo)
    client = client_as("konsulent")
    document = word(client.get(f"/workshops/{held.workshop.pk}/referat/word/").content)
    assert da("DRAFT – not approved") in header_text(document)
    for text in pdf_pages(client.get(f"/workshops/{held.workshop.pk}/referat/pdf/").content):
        assert da("DRAFT – not approved") in text


# --- the pieces ---------------------------------------------------------------------------------


def test_the_page_label_puts_the_counters_where_the_translation_has_the_numbers():
    assert page_label() == ["Side ", PAGE, " af ", PAGES]
    with translation.override("en"):
        assert page_label() == ["Page ", PAGE, " of ", PAGES]


def test_a_frame_without_a_seal_is_a_draft_and_one_with_a_seal_is_not():
    draft = Frame(municipality="Demo Kommune", title="Referat", seal=None)
    assert draft.draft and draft.draft_mark == "KLADDE – ikke godkendt" and draft.approval == ""
    sealed = Frame(municipality="Demo Kommune", title="Referat", seal=a_seal(number=4))
    assert not sealed.draft and sealed.draft_mark == ""
    assert "4" in sealed.approval and "Karin Kofoed" in sealed.approval
    assert a_seal().checksum in sealed.checksum


# --- the PDF printer's URL fetcher ----------------------------------------------------------------


def test_the_pdf_printer_reads_the_logo_from_the_static_files():
    fetcher = StaticFilesOnly([LOGO])
    response = fetcher.fetch(static_uri(LOGO))
    assert response.read()[:4] == b"\x89PNG"


@pytest.mark.parametrize(
    "url",
    [
        Path("/etc/hostname").as_uri(),
        Path(__file__).resolve().as_uri(),  # a file of the project, but not a static file the document names
        "file:///etc/passwd",
        "https://example.invalid/logo.png",
        "data:image/png;base64,iVBORw0KGgo=",
    ],
)
def test_the_pdf_printer_refuses_any_other_url(url):
    with pytest.raises(ValueError):
        StaticFilesOnly([LOGO]).fetch(url)


def test_a_static_name_that_climbs_out_of_the_static_files_is_not_read():
    assert static_uri("../../../../etc/hostname") == ""
    assert static_uri("/etc/hostname") == ""
    assert StaticFilesOnly(["../../../../etc/hostname"]).allowed == {}


def _images(pdf: bytes) -> int:
    return sum(len(sheet.images) for sheet in PdfReader(BytesIO(pdf)).pages)


def test_an_image_outside_the_static_files_is_left_out_of_the_printed_pdf(tmp_path):
    copy = tmp_path / "logo.png"
    copy.write_bytes(Path(finders.find(LOGO)).read_bytes())

    def printed(src: str) -> bytes:
        html = f'<html lang="da"><head><title>T</title></head><body><img src="{src}" alt="Logo"></body></html>'
        return print_pdf(html, static_names=[LOGO])

    assert _images(printed(static_uri(LOGO))) == 1
    assert _images(printed(copy.as_uri())) == 0  # the same picture, but not where the static files are


# --- the round report, on the same layout ---------------------------------------------------------


def test_the_round_reports_files_share_the_layout_and_its_pdf_passes_pdf_ua_1(demo, client_as):
    from tests.document_helpers import pdf_ua_failures
    from tests.test_round_report import round_work

    held = hold_workshop(demo)
    round_work(demo, held.workshop.round)
    url = f"/runder/{held.workshop.round.pk}/afrapportering/"
    leader = client_as("leder")
    draft_pdf = leader.get(url + "pdf/").content
    assert pdf_ua_failures(draft_pdf) == []
    assert all("KLADDE – ikke godkendt" in text and "Side " in text for text in pdf_pages(draft_pdf))
    assert leader.post(url + "godkend/").status_code == 302
    approved_pdf = client_as("med").get(url + "pdf/").content
    assert pdf_ua_failures(approved_pdf) == []
    assert all("version 1" in text and "KLADDE" not in text for text in pdf_pages(approved_pdf))
    document = word(client_as("med").get(url + "word/").content)
    assert (round(document.sections[0].page_width.mm), round(document.sections[0].page_height.mm)) == A4_MM
    assert footer_fields(document) == ["PAGE", "NUMPAGES"] and "version 1" in footer_text(document)
