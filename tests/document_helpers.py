"""A referat with every section, built by hand (no database), and readers of the Word and PDF files."""

import re
from datetime import date, datetime, timezone
from io import BytesIO

import page
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from samskab.core.frozen import Seal
from samskab.workshops.minutes_content import (
    ActionLine,
    Board,
    CardBlock,
    CardLine,
    ChallengeStatus,
    ConfirmedStatus,
    LessonLine,
    MinutesContent,
    People,
    RatingResult,
    RoleAverage,
    RoleCount,
    StatementResult,
)

A4_MM = (210, 297)
A4_POINTS = (595.3, 841.9)


def every_section(*, anonymous: bool = True, seal: Seal | None = None) -> MinutesContent:
    """A referat with something in every section: status round, a board with a group and themes,
    a transfer board, a rating with shown and hidden statements and role groups, lessons and aftaler."""
    author = "" if anonymous else "Birthe Bruun"
    card = CardLine(text="Tavlemøderne giver ro", votes=3, where="Gør igen · Metoden", author=author)
    board = Board(
        title="Læring af samskabt styring",
        blocks=[
            CardBlock(title="Møderne", grouped=True, cards=[card]),
            CardBlock(title="Gør anderledes", grouped=False, cards=[CardLine("Kortere møder", 0, "", author)]),
        ],
    )
    day = date(2026, 12, 14)
    return MinutesContent(
        municipality="Demo Kommune",
        logo="logos/demo-kommune.png",
        process="Mindre bøvl",
        unit="Hjemmeplejen Nord",
        round="Evalueringsrunde 1",
        title="Et år med mindre bøvl",
        date=day,
        place="Mødelokale 2",
        facilitators=["Karin Kofoed"],
        anonymous=anonymous,
        summary="Første linje\nAnden linje",
        people=People(
            attended=[RoleCount("Leder", 1), RoleCount("Medarbejder", 6)],
            joined=[RoleCount("Medarbejder", 6)],
            apologies=1,
            attended_names=[] if anonymous else ["Birthe Bruun"],
            apology_names=[] if anonymous else ["Ole Olsen"],
            joined_names=[] if anonymous else ["Birthe Bruun"],
        ),
        status_round=[
            ChallengeStatus("Dobbeltregistrering", [ConfirmedStatus("Fælles skabelon", "implementeret", "Bruges af alle")])
        ],
        boards=[board],
        top_points=[card],
        transfer=[Board("Hvad kan bruges andre steder?", [CardBlock("Andre steder", False, [CardLine("Syd", 1, "")])])],
        ratings=[
            RatingResult(
                title="Forankring",
                smallest=5,
                statements=[
                    StatementResult("Ledelsen bakker op", 12, 4.2, [0, 1, 1, 5, 5], [RoleAverage("Medarbejder", 4.5)]),
                    StatementResult("Der er ro om ledelsen", 2, None, None),
                ],
            )
        ],
        lessons=[LessonLine("Start småt", True, "Metoden"), LessonLine("Tal sammen", False, "")],
        actions=[ActionLine("Del skabelonen", "Lene Lauridsen", day, "ikke startet"), ActionLine("Ring", "", None, "i gang")],
        next_evaluation=date(2027, 6, 14),
        seal=seal,
    )


def a_seal(number: int = 2) -> Seal:
    return Seal(
        number=number,
        approved_at=datetime(2026, 12, 15, 9, 30, tzinfo=timezone.utc),
        approved_by="Karin Kofoed",
        checksum="0123456789abcdef" * 4,
    )


def pdf_ua_failures(pdf: bytes) -> list[str]:
    """What a PDF/UA-1 validator (page-validation, offline) finds wrong with `pdf`: [] when it conforms."""
    report = page.validate_pdf_bytes(pdf, profile="ua1")
    failures = [f"{failure.rule_id}: {failure.message}" for failure in report.failures]
    return failures if failures or report.is_compliant else ["not compliant"]


def pdf_pages(pdf: bytes) -> list[str]:
    """Each page's text, its whitespace made single spaces."""
    return [" ".join(sheet.extract_text().split()) for sheet in PdfReader(BytesIO(pdf)).pages]


def word(docx: bytes) -> Document:
    return Document(BytesIO(docx))


def word_text(document) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def header_text(document) -> str:
    return "\n".join(p.text for section in document.sections for p in section.header.paragraphs)


def footer_text(document) -> str:
    return "\n".join(p.text for section in document.sections for p in section.footer.paragraphs)


def footer_fields(document) -> list[str]:
    """The fields of the footer (PAGE, NUMPAGES): Word fills them in on each page."""
    return [
        field.get(qn("w:instr")).strip()
        for section in document.sections
        for field in section.footer._element.iter(qn("w:fldSimple"))
    ]


def repeats_header_row(table) -> bool:
    row = table.rows[0]._tr
    return any(element.get(qn("w:val")) in ("true", "1", None) for element in row.iter(qn("w:tblHeader")))


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
