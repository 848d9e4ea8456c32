"""The round report as a Word file, on the referat's A4 layout (core/docx.py): header and page
numbers on every page, a draft's mark or the approved version's seal, real headings, tables whose
header row repeats, Danish. Laid out from `content.build` (or an approved version), like the page."""

from io import BytesIO

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from samskab.core.docx import DRAFT_COLOUR, danish_document, frame, header_table
from samskab.core.documents import Frame
from samskab.core.text import cleaned
from samskab.reports.content import ReportContent


def render_docx(content: ReportContent) -> bytes:
    content = cleaned(content)
    document = danish_document(title=content.title, author=content.municipality)
    document.core_properties.subject = content.process
    page_frame = Frame(municipality=content.municipality, title=content.title, seal=content.seal)
    frame(document, page_frame)

    document.add_paragraph().add_run(content.municipality).bold = True
    document.add_heading(content.title, level=1)
    if page_frame.draft:
        run = document.add_paragraph().add_run(page_frame.draft_mark)
        run.bold = True
        run.font.color.rgb = DRAFT_COLOUR
    _facts(document, content, page_frame)
    _decisions(document, content)
    _anchoring(document, content)
    _communication(document, content)
    _action_plan(document, content)

    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _date(value) -> str:
    return date_format(value, "j. F Y") if value else "–"


def _facts(document, content: ReportContent, page_frame: Frame) -> None:
    facts = [
        (_("Process"), f"{content.process} ({content.unit}), {content.round.lower()}"),
        (_("Evaluation workshop"), content.workshop),
        (_("Status"), page_frame.approval or _("Draft, not approved")),
    ]
    if content.seal:
        facts.append((_("Checksum (SHA-256)"), content.seal.checksum))
    for label, value in facts:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)


def _rows(document, headers: list[str], caption: str, rows: list[list[str]]) -> None:
    table = header_table(document, headers, caption=caption)
    for values in rows:
        for cell, value in zip(table.add_row().cells, values):
            cell.text = value


def _decisions(document, content: ReportContent) -> None:
    document.add_heading(_("Decisions"), level=2)
    lines = ([content.process_decision] if content.process_decision else []) + content.decisions
    if not lines:
        document.add_paragraph(_("No decisions have been made in this round."))
        return
    headers = [_("About"), _("Decision"), _("Rationale"), _("Decided by"), _("Discussed in the MED committee")]
    rows = [
        [line.subject, line.decision, line.rationale, f"{line.decided_by}, {_date(line.decided_on)}", _date(line.discussed_in_med_on)]
        for line in lines
    ]
    _rows(document, headers, _("The round's decisions"), rows)


def _score(value) -> str:
    return number_format(value, decimal_pos=1) if value is not None else "–"


def _anchoring(document, content: ReportContent) -> None:
    document.add_heading(_("Anchoring check"), level=2)
    if not content.anchoring:
        document.add_paragraph(_("The round has no anchoring check."))
        return
    rows = [
        [f"{line.statement} ({_('warning')})" if line.weak else line.statement, _score(line.score), _score(line.previous)]
        for line in content.anchoring
    ]
    headers = [_("Statement"), _("This round"), _("Previous round")]
    _rows(document, headers, _("Anchoring check, this round and the previous round"), rows)


def _communication(document, content: ReportContent) -> None:
    document.add_heading(_("Communication plan"), level=2)
    if not content.communication:
        document.add_paragraph(_("The round has no communication plan."))
        return
    headers = [_("Audience"), _("Message"), _("Channel"), _("When"), _("Sender"), _("Status")]
    rows = [
        [line.audience, line.message, line.channel, _date(line.when), line.sender or "–", line.status]
        for line in content.communication
    ]
    _rows(document, headers, _("Communication plan"), rows)


def _action_plan(document, content: ReportContent) -> None:
    document.add_heading(_("Action plan"), level=2)
    if not content.action_plan:
        document.add_paragraph(_("The round's action plan is empty."))
        return
    agreed = _("Agreed at the workshop")
    rows = [
        [f"{line.what} ({agreed})" if line.agreed else line.what, line.who or "–", _date(line.deadline), line.status]
        for line in content.action_plan
    ]
    _rows(document, [_("What"), _("Who"), _("By when"), _("Status")], _("The round's action plan"), rows)
