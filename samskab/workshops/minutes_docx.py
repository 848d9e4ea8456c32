"""The referat as a Word file: the MED committee's table still runs on .docx.

A4, with the municipality and the title in the header and "Side 3 af 7" in the footer of every
page; a draft is marked on every page, an approved version carries its number, approval and
checksum (core/docx.py's frame). Real heading styles (Heading 1/2/3), so that Word's navigation
pane and screen readers find the structure; tables whose header row repeats on each page; Danish
as the document's language. The content comes from `minutes_content.build` (or an approved version), laid
out in the same order as the page, its text cleaned of characters Word cannot hold.
"""

from io import BytesIO

from django.contrib.staticfiles import finders
from django.utils.formats import date_format, number_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from samskab.core.docx import DRAFT_COLOUR, danish_document, frame, header_table
from samskab.core.documents import Frame
from samskab.core.text import cleaned
from samskab.workshops.minutes_content import Board, MinutesContent


def render_docx(content: MinutesContent) -> bytes:
    content = cleaned(content)
    title = _("Minutes: %(title)s") % {"title": content.title}
    document = danish_document(title=title, author=content.municipality)
    document.core_properties.subject = content.process
    page_frame = Frame(municipality=content.municipality, title=title, seal=content.seal)
    frame(document, page_frame)

    _letterhead(document, content)
    document.add_heading(title, level=1)
    if page_frame.draft:
        marker = document.add_paragraph()
        run = marker.add_run(page_frame.draft_mark)
        run.bold = True
        run.font.color.rgb = DRAFT_COLOUR
    _facts(document, content)

    document.add_heading(_("Summary"), level=2)
    document.add_paragraph(content.summary or _("No summary has been written."))

    _people(document, content)
    _status_round(document, content)
    for board in content.boards:
        document.add_heading(board.title, level=2)
        _board(document, board, level=3)

    if content.votes_held:
        document.add_heading(_("Top points"), level=2)
        for card in content.top_points:
            document.add_paragraph(f"{card.text} ({_votes(card.votes)})", style="List Number")
        if not content.top_points:
            document.add_paragraph(_("No card received a vote."))

    document.add_heading(_("Ideas to take further"), level=2)
    for board in content.transfer:
        if len(content.transfer) > 1:
            document.add_heading(board.title, level=3)
            _board(document, board, level=4)
        else:
            _board(document, board, level=3)
    if not content.transfer:
        document.add_paragraph(_("No ideas were written down."))

    for rating in content.ratings:
        _rating(document, rating)
    _lessons(document, content)
    _actions(document, content)

    document.add_heading(_("Next evaluation"), level=2)
    document.add_paragraph(_date(content.next_evaluation) if content.next_evaluation else _("Not decided."))
    if not page_frame.draft:
        document.add_heading(_("Approval"), level=2)
        document.add_paragraph(page_frame.approval)
        document.add_paragraph(page_frame.checksum)

    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _letterhead(document, content: MinutesContent) -> None:
    paragraph = document.add_paragraph()
    logo = finders.find(content.logo) if content.logo else None
    if logo:
        picture = paragraph.add_run().add_picture(logo, width=Cm(1.6))
        _describe_picture(picture, _("Logo of %(municipality)s") % {"municipality": content.municipality})
        paragraph.add_run().add_break(WD_BREAK.LINE)
    name = paragraph.add_run(content.municipality)
    name.bold = True
    name.font.size = Pt(12)


def _describe_picture(picture, text: str) -> None:
    """Alt text on the picture (docPr/@descr), which Word reads out and checks for accessibility."""
    doc_pr = picture._inline.find(qn("wp:docPr"))
    if doc_pr is not None:
        doc_pr.set("descr", text)


def _date(value) -> str:
    return date_format(value, "j. F Y")


def _facts(document, content: MinutesContent) -> None:
    when = _date(content.date)
    if content.starts_at:
        when += ", " + _("at %(time)s") % {"time": content.starts_at}
    facts = [(_("Date"), when)]
    if content.place:
        facts.append((_("Place"), content.place))
    facts.append((_("Process"), f"{content.process} ({content.unit}), {content.round.lower()}"))
    label = ngettext("Facilitator", "Facilitators", len(content.facilitators))
    facts.append((label, ", ".join(content.facilitators)))
    if content.draft:
        facts.append((_("Status"), _("Draft, not approved")))
    else:
        approved = _("Approved on %(date)s by %(who)s") % {
            "date": _date(localtime(content.approved_at)),
            "who": content.approved_by,
        }
        facts.append((_("Status"), approved))
    for label, value in facts:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)


def _decimal(value: float) -> str:
    return number_format(value, decimal_pos=1)


def _votes(count: int) -> str:
    return ngettext("%(counter)s vote", "%(counter)s votes", count) % {"counter": count}


def _people(document, content: MinutesContent) -> None:
    document.add_heading(_("Participants"), level=2)
    document.add_paragraph(" ".join(content.people.account))
    if content.anonymous:
        document.add_paragraph(_("The workshop was anonymous: the minutes give numbers, not names."))


def _status_round(document, content: MinutesContent) -> None:
    document.add_heading(_("Status round"), level=2)
    for challenge in content.status_round:
        document.add_heading(challenge.challenge, level=3)
        for solution in challenge.solutions:
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(solution.solution).bold = True
            paragraph.add_run(f": {_status_change(solution)}" + (f". {solution.said}" if solution.said else ""))
    if not content.status_round:
        document.add_paragraph(_("No statuses were confirmed at the workshop."))


def _status_change(solution) -> str:
    """Before → after, as the page says it (includes/minutes_status.html)."""
    if not solution.before:
        return solution.status
    if solution.before == solution.status:
        return _("%(status)s (unchanged)") % {"status": solution.status}
    return f"{solution.before} → {solution.status}"


def _board(document, board: Board, *, level: int) -> None:
    for block in board.blocks:
        title = f"{_('Group')}: {block.title}" if block.grouped else block.title
        document.add_heading(title, level=level)
        for card in block.cards:
            details = [card.where] if card.where and block.grouped else []
            if board.voted:
                details.append(_votes(card.votes))
            if card.author:
                details.append(card.author)
            document.add_paragraph(card.text + (f" ({'; '.join(details)})" if details else ""), style="List Bullet")
    if not board.blocks:
        document.add_paragraph(_("No cards."))


def _rating(document, rating) -> None:
    document.add_heading(rating.title, level=2)
    document.add_paragraph(
        _("Ratings from 1 (not at all) to 5 (to a high degree). Shown for at least %(smallest)s people.")
        % {"smallest": rating.smallest}
    )
    table = header_table(
        document,
        [_("Statement"), _("Answers"), _("Average"), _("Distribution (1–5)"), _("Average by role")],
        caption=rating.title,
    )
    for statement in rating.statements:
        cells = table.add_row().cells
        cells[0].text = statement.text
        cells[1].text = str(statement.count)
        if statement.average is None:
            hidden = _("Hidden: fewer than %(smallest)s answers") % {"smallest": rating.smallest}
            cells[2].text = hidden
            cells[3].text = "–"
        else:
            cells[2].text = _decimal(statement.average)
            cells[3].text = " · ".join(str(count) for count in statement.distribution)
        by_role = [f"{item.role}: {_decimal(item.average)}" for item in statement.by_role]
        cells[4].text = " · ".join(by_role) or "–"
    document.add_paragraph(
        _(
            "Averages and distributions are shown only when at least %(smallest)s people have rated a "
            "statement, so that nobody's answer can be singled out."
        )
        % {"smallest": rating.smallest}
        + " "
        + _("A role is shown only when its group is large enough and the other groups' figures cannot be worked out from it.")
    )


def _lessons(document, content: MinutesContent) -> None:
    document.add_heading(_("Lessons"), level=2)
    for lesson in content.lessons:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(lesson.text)
        if lesson.theme:
            paragraph.add_run(f" ({lesson.theme})")
        if lesson.reusable:
            paragraph.add_run(f" {_('Can be used elsewhere')}").bold = True
        if lesson.cards:
            paragraph.add_run().add_break()
            paragraph.add_run(f"{_('Builds on')}: " + ", ".join(f"“{card}”" for card in lesson.cards))
    if not content.lessons:
        document.add_paragraph(_("No lessons were recorded."))


def _actions(document, content: MinutesContent) -> None:
    document.add_heading(_("Agreements"), level=2)
    if not content.actions:
        document.add_paragraph(_("No agreements were recorded."))
        return
    table = header_table(
        document,
        [_("What"), _("Who"), _("By when"), _("Why"), _("Status")],
        caption=_("Agreements: who does what by when"),
    )
    for action in content.actions:
        cells = table.add_row().cells
        cells[0].text = action.what
        cells[1].text = action.who or "–"
        cells[2].text = _date(action.deadline) if action.deadline else "–"
        cells[3].text = action.why or "–"
        cells[4].text = action.status

