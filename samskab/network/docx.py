"""An erfa-group meeting as a Word file: its agenda (with the erfaringsbank items it builds on) and its notes.

Real heading styles and Danish as the document's language, like the workshop's referat
(samskab/workshops/minutes_docx.py).
"""

from collections.abc import Callable
from io import BytesIO

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from samskab.core.docx import danish_document, text
from samskab.network.models import ErfaMeeting


def render_meeting_docx(meeting: ErfaMeeting, absolute: Callable[[str], str]) -> bytes:
    """The meeting's notes; `absolute` turns a path into an address that works outside the site."""
    group = meeting.group
    when = date_format(meeting.date, "j. F Y")
    document = danish_document(
        title=_("%(group)s: meeting %(date)s") % {"group": group.name, "date": when}, author=group.organisation.name
    )
    properties = document.core_properties

    document.add_heading(properties.title, level=1)
    facts = document.add_paragraph()
    facts.add_run(_("Date") + ": ").bold = True
    facts.add_run(when)
    if meeting.place:
        facts.add_run().add_break()
        facts.add_run(_("Place") + ": ").bold = True
        facts.add_run(text(meeting.place))

    document.add_heading(_("Members"), level=2)
    members = list(group.members.order_by("first_name", "last_name"))
    for member in members:
        document.add_paragraph(text(member), style="List Bullet")
    if not members:
        document.add_paragraph(_("The group has no members yet."))

    document.add_heading(_("Agenda"), level=2)
    agenda = list(meeting.agenda.select_related("bank_item__unit"))
    for item in agenda:
        paragraph = document.add_paragraph(text(item.text), style="List Number")
        bank_item = item.bank_item
        if bank_item is not None:
            paragraph.add_run().add_break()
            paragraph.add_run(
                _("From the lesson bank: %(kind)s from %(unit)s")
                % {"kind": bank_item.get_kind_display(), "unit": text(bank_item.unit.name)}
            )
            paragraph.add_run().add_break()
            address = absolute(bank_item.get_absolute_url())
            _hyperlink(paragraph, address, address)
    if not agenda:
        document.add_paragraph(_("The agenda is empty."))

    document.add_heading(_("Notes"), level=2)
    notes = [part.strip() for part in text(meeting.notes).split("\n\n") if part.strip()]
    for part in notes:
        document.add_paragraph(part)
    if not notes and meeting.date > timezone.localdate():
        document.add_paragraph(_("The meeting has not been held yet: its notes are written afterwards."))
    elif not notes:
        document.add_paragraph(_("No notes have been written."))

    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _hyperlink(paragraph, address: str, text: str) -> None:
    """A real link (w:hyperlink), shown in Word's Hyperlink style."""
    relation = paragraph.part.relate_to(address, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    properties.append(style)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.append(underline)
    run.append(properties)
    label = OxmlElement("w:t")
    label.text = text
    run.append(label)
    link.append(run)
    paragraph._p.append(link)
