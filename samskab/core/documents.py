"""What stands on every page of a published document (the referat, the round report), Word or PDF.

The header names the municipality and the document; the footer numbers the pages ("Side 3 af 7").
A draft says "KLADDE – ikke godkendt" on every page, so that a printed page cannot pass for the
approved text; an approved version names its number, when and by whom it was approved, and the
checksum of its content, so that a reader can tell which version they hold.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samskab.core.text import without_control_characters

PAGE, PAGES = 1, 2  # where page_label's numbers go


class Sealed(Protocol):
    """An approved version's seal (core/frozen.py's Seal)."""

    number: int
    approved_at: datetime
    approved_by: str
    checksum: str


@dataclass
class Frame:
    municipality: str
    title: str
    seal: Sealed | None  # None: a draft

    @property
    def draft(self) -> bool:
        return self.seal is None

    @property
    def heading(self) -> str:
        """The running header: the municipality and the document's title, on one line."""
        return without_control_characters(f"{self.municipality} · {self.title}", multiline=False)

    @property
    def draft_mark(self) -> str:
        return _("DRAFT – not approved") if self.draft else ""

    @property
    def approval(self) -> str:
        """Which version this is, when and by whom it was approved; empty for a draft."""
        if self.seal is None:
            return ""
        return _("Approved version %(number)s on %(date)s by %(who)s") % {
            "number": self.seal.number,
            "date": date_format(timezone.localtime(self.seal.approved_at), "j. F Y"),
            "who": without_control_characters(self.seal.approved_by, multiline=False),
        }

    @property
    def checksum(self) -> str:
        return _("Checksum (SHA-256): %(checksum)s") % {"checksum": self.seal.checksum} if self.seal else ""


def page_label() -> list[str | int]:
    """The translated "Page %(page)s of %(pages)s" in pieces: its text, and PAGE and PAGES where the
    numbers go. The writers put their own page counters there (a Word field, a CSS counter)."""
    numbers = {"%(page)s": PAGE, "%(pages)s": PAGES}
    return [numbers.get(piece, piece) for piece in re.split(r"(%\(pages?\)s)", _("Page %(page)s of %(pages)s")) if piece]

