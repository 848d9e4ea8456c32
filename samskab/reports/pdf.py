"""The round report as a PDF: the page's content on the referat's A4 layout (core/document_pdf.html),
tagged PDF/UA-1 and Danish, printed by WeasyPrint through core/pdf.py."""

from django.template.loader import render_to_string

from samskab.core.documents import Frame
from samskab.core.pdf import frame_context, print_pdf, static_uri
from samskab.core.text import cleaned
from samskab.reports.content import ReportContent


def render_pdf(content: ReportContent) -> bytes:
    content = cleaned(content)
    frame = Frame(municipality=content.municipality, title=content.title, seal=content.seal)
    html = render_to_string(
        "reports/report_pdf.html",
        {"content": content, "logo_url": static_uri(content.logo), **frame_context(frame)},
    )
    return print_pdf(html, static_names=[content.logo] if content.logo else [])
