"""The referat as a PDF: the same content and template as the page, printed by WeasyPrint.

Published documents fall under the accessibility law too, so the PDF is tagged PDF/UA-1
(structure tree, reading order, headings and tables as on the page; the suite checks it with a
PDF/UA-1 validator) and declares Danish (`<html lang="da">` becomes the catalogue's /Lang). A4,
with the municipality and the title on every page, page numbers, and a draft's mark or an approved
version's seal on every page (core/document_pdf.html). Only the municipality's logo is read from
the static files; no other file and nothing over the network (core/pdf.py).
"""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from samskab.core.documents import Frame
from samskab.core.pdf import frame_context, print_pdf, static_uri
from samskab.core.text import cleaned
from samskab.workshops.minutes_content import MinutesContent


def render_pdf(content: MinutesContent) -> bytes:
    content = cleaned(content)
    title = _("Minutes: %(title)s") % {"title": content.title}
    frame = Frame(municipality=content.municipality, title=title, seal=content.seal)
    html = render_to_string(
        "workshops/minutes_pdf.html",
        {"content": content, "logo_url": static_uri(content.logo), **frame_context(frame)},
    )
    return print_pdf(html, static_names=[content.logo] if content.logo else [])
