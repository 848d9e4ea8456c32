"""Word files in Danish on A4: the referat, the round report and the erfa-group's notes start here.

`danish_document` gives an A4 document whose title, author and language are set. `frame` puts
the municipality and the title in the header of every page, "Side 3 af 7" in the footer, and a
draft's mark or an approved version's seal on every page (core/documents.py). `header_table`
gives a table whose first row is its header (repeated on each page, read out as headers).
Text goes through `text` on its way in: Word's XML cannot hold control characters.
"""

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from samskab.core.documents import PAGE, PAGES, Frame, page_label
from samskab.core.text import without_control_characters

LANGUAGE = "da-DK"
DRAFT_COLOUR = RGBColor(0x8A, 0x1C, 0x1C)
QUIET_COLOUR = RGBColor(0x3D, 0x3D, 0x3D)


def text(value) -> str:
    """Any value as text Word can hold."""
    return without_control_characters(str(value))


def danish_document(*, title: str, author: str) -> Document:
    """A new A4 document whose title and author are set, in Danish for spelling and screen readers."""
    document = Document()
    # The default run language of the document's styles: every paragraph inherits it.
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    lang.set(qn("w:bidi"), "ar-SA")
    properties = document.core_properties
    properties.title = text(title)
    properties.author = text(author)
    properties.language = LANGUAGE
    for section in document.sections:  # python-docx's template is US Letter
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.2)
    _remember_style_ids(document)
    return document


def _remember_style_ids(document: Document) -> None:
    """Look each style name up once per document, not once per paragraph.

    python-docx finds a style given by name ("List Bullet", "Heading 2") by reading every style
    of the document each time: several milliseconds a paragraph, most of a large referat's time.
    The names and their ids do not change while a document is written.
    """
    part = document.part
    look_up = part.get_style_id
    ids = {}

    def get_style_id(style_or_name, style_type):
        if not isinstance(style_or_name, str):
            return look_up(style_or_name, style_type)
        key = (style_or_name, style_type)
        if key not in ids:
            ids[key] = look_up(style_or_name, style_type)
        return ids[key]

    part.get_style_id = get_style_id


def frame(document: Document, frame: Frame) -> None:
    """The header and footer of every page: whose and what the document is, the page number, draft or seal."""
    for section in document.sections:
        header = section.header
        heading = header.paragraphs[0]
        _small(heading.add_run(frame.heading))
        if frame.draft:
            mark = header.add_paragraph().add_run(frame.draft_mark)
            mark.bold = True
            mark.font.color.rgb = DRAFT_COLOUR
        footer = section.footer
        first = footer.paragraphs[0]
        for line in (frame.approval, frame.checksum):
            if line:
                _small(first.add_run(line))
                first = footer.add_paragraph()
        for piece in page_label():
            if piece == PAGE:
                _field(first, "PAGE")
            elif piece == PAGES:
                _field(first, "NUMPAGES")
            else:
                _small(first.add_run(piece))


def _small(run) -> None:
    run.font.size = Pt(8.5)
    run.font.color.rgb = QUIET_COLOUR


def _field(paragraph, instruction: str) -> None:
    """A field that Word fills in on each page (PAGE, NUMPAGES); "1" until it does."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "17")
    properties.append(size)
    run.append(properties)
    placeholder = OxmlElement("w:t")
    placeholder.text = "1"
    run.append(placeholder)
    field.append(run)
    paragraph._p.append(field)


def header_table(document: Document, headers: list[str], *, caption: str = ""):
    """A table whose first row holds `headers`: marked as the header, repeated on each page."""
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    row = table.rows[0]
    tbl_header = OxmlElement("w:tblHeader")
    tbl_header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(tbl_header)
    for cell, label in zip(row.cells, headers):
        cell.paragraphs[0].add_run(text(label)).bold = True
    if caption:  # the table's title for screen readers (Word's "Alt Text" title)
        tbl_caption = OxmlElement("w:tblCaption")
        tbl_caption.set(qn("w:val"), text(caption))
        table._tbl.tblPr.append(tbl_caption)
    return table
