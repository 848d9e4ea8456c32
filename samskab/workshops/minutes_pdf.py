"""The referat as a PDF: the same content and template as the page, printed by WeasyPrint.

Published documents fall under the accessibility law too, so the PDF is tagged (PDF/UA-1:
structure tree, reading order, headings and tables as on the page) and declares Danish
(`<html lang="da">` becomes the catalogue's /Lang). The municipality's logo is read from the
static files; nothing is fetched over the network while printing.
"""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from samskab.workshops.minutes import MinutesContent


def render_pdf(content: MinutesContent) -> bytes:
    logo = finders.find(content.logo) if content.logo else None
    html = render_to_string(
        "workshops/minutes_pdf.html",
        {"content": content, "logo_url": Path(logo).resolve().as_uri() if logo else ""},
    )
    # Only files on this machine (the logo): nothing is fetched over the network while printing.
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=("file",))).write_pdf(pdf_variant="pdf/ua-1")

