"""PDF documents printed by WeasyPrint as tagged PDF/UA-1, reading only the static files they name.

A template that extends `core/document_pdf.html` gets A4 pages with the municipality and the
title in the header, "Side 3 af 7" in the footer and a draft's mark or an approved version's seal
on every page; `frame_context` gives it what it needs. `print_pdf` prints it (in a process of its
own) with a URL fetcher that reads only the static files the document names (the municipality's
logo): no other file on the machine and nothing over the network, whatever a text or a setting
contains.
"""

from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.utils.safestring import SafeString, mark_safe

from samskab.core.documents import PAGE, PAGES, Frame, page_label
from samskab.core.pdf_process import AllowedFiles, print_apart


class StaticFilesOnly(AllowedFiles):
    """Fetches only the given files (file:// URLs of static files found by Django's finders)."""

    def __init__(self, static_names: Iterable[str]):
        paths = [_static_path(name) for name in static_names]
        super().__init__({path.as_uri(): path for path in paths if path is not None})


def _static_path(name: str) -> Path | None:
    try:
        found = finders.find(name) if name else None
    except SuspiciousFileOperation:  # a name that climbs out of the static files
        return None
    return Path(found).resolve() if found else None


def static_uri(name: str) -> str:
    """The file:// URL of the static file `name`, or "" when there is none."""
    path = _static_path(name)
    return path.as_uri() if path else ""


def print_pdf(html: str, *, static_names: Iterable[str] = ()) -> bytes:
    """`html` printed as PDF/UA-1; it may refer to the static files `static_names` by `static_uri`.

    Printed in the printing process (core/pdf_process.py), or here with PDF_PROCESSES=0.
    """
    return print_apart(html, StaticFilesOnly(static_names).allowed, settings.PDF_PROCESSES)


def css_string(text: str) -> SafeString:
    """`text` as a quoted CSS string, safe inside a <style> element whatever it contains."""
    escaped = "".join(char if char.isalnum() or char in " .,:;()–-·/" else f"\\{ord(char):x} " for char in text)
    return mark_safe(f'"{escaped}"')


def frame_context(frame: Frame) -> dict:
    """What core/document_pdf.html needs for its running header and footer."""
    pieces = {PAGE: "counter(page)", PAGES: "counter(pages)"}
    page = " ".join(pieces[piece] if piece in pieces else css_string(piece) for piece in page_label())
    return {
        "frame": frame,
        "frame_heading": css_string(frame.heading),
        "frame_draft": css_string(frame.draft_mark),
        "frame_seal": css_string(f"{frame.approval}\n{frame.checksum}" if frame.seal else ""),
        "frame_page": mark_safe(page),
    }
