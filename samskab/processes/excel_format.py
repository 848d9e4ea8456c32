"""What the Excel workbook of steps 1–5 looks like: its sheets, columns and words.

Shared by the template (excel_template) and the import (excel_import). The workbook is a
Danish document and a data format: sheet names, column headers, the status and før/efter words
and the example rows are Danish literals, read the same whatever the interface language.
What a person reads about them (the hints) goes through gettext.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy

from samskab.processes.models import Challenge, FollowUp, Indicator, Measurement, MeasurementPhase, Solution
from samskab.processes.models import SolutionStatus

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2000  # data rows per sheet


# The words of the format. Keys are written in the template; lookups also accept the codes.
STATUS_WORDS: dict[str, str] = {
    "ikke startet": SolutionStatus.NOT_STARTED,
    "afprøves": SolutionStatus.TRIAL,
    "implementeret": SolutionStatus.IMPLEMENTED,
    "hænger i bremsen": SolutionStatus.STALLED,
    "stoppet": SolutionStatus.STOPPED,
}
PHASE_WORDS: dict[str, str] = {"før": MeasurementPhase.BEFORE, "efter": MeasurementPhase.AFTER}


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = False
    max_length: int | None = None
    hint: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]
    example: tuple[object, ...]  # the example row of the template, in column order

    def column(self, key: str) -> Column:
        return next(column for column in self.columns if column.key == key)


_ = gettext_lazy
A_DATE = _("A date, for example 15-03-2026.")


def text(key: str, header: str, model, name: str, *, required: bool = False, hint: str = "") -> Column:
    """A text column, as long as the model field it fills."""
    return Column(key, header, required, model._meta.get_field(name).max_length, hint)


CHALLENGES = Sheet(
    "Udfordringer",
    (
        Column("number", "Nr", True, hint=_("A whole number for the challenge. Solutions refer to it."),
               aliases=("Nummer", "Udfordring nr")),
        text("title", "Titel", Challenge, "title", required=True, hint=_("What is the red tape?")),
        text("description", "Beskrivelse", Challenge, "description"),
        text("why_problem", "Hvorfor er det et problem?", Challenge, "why_problem"),
        text("affected", "Hvem er berørt?", Challenge, "affected"),
        Column("priority", "Prioritet",
               hint=_("A whole number; 1 is the highest. Empty: placed after the challenges the process already has.")),
    ),
    (1, "Eksempel: Det samme besøg dokumenteres to steder", "Besøget skrives både i notatet og i planen.",
     "Det tager 10-15 minutter pr. vagt.", "Social- og sundhedshjælpere", 1),
)
SOLUTIONS = Sheet(
    "Løsninger",
    (
        Column("number", "Nr", True, aliases=("Nummer", "Løsning nr"),
               hint=_("A whole number for the solution. Follow-ups and measurements refer to it.")),
        Column("challenge", "Udfordring nr", True, hint=_("The Nr of its challenge in the sheet Udfordringer."),
               aliases=("Udfordringsnr", "Udfordring")),
        text("title", "Titel", Solution, "title", required=True),
        text("description", "Beskrivelse", Solution, "description"),
        text("expected_effect", "Forventet effekt", Solution, "expected_effect"),
        Column("owner", "Ejer", hint=_("The username or email of one of the process's participants, or empty.")),
        Column("start_date", "Startdato", hint=A_DATE),
        Column("status", "Status",
               hint=_("Choose from the list. Empty: ikke startet. This is the solution's status now.")),
    ),
    (1, 1, "Eksempel: Fælles skabelon for besøgsnotater", "Én skabelon, som alle teams bruger.",
     "Mindre tid til dokumentation.", "", date(2026, 1, 15), "afprøves"),
)
FOLLOW_UPS = Sheet(
    "Opfølgninger",
    (
        Column("solution", "Løsning nr", True, hint=_("The Nr of its solution in the sheet Løsninger."),
               aliases=("Løsningsnr", "Løsning")),
        Column("date", "Dato", True, hint=A_DATE),
        Column("status", "Status",
               hint=_("The status at that time. Empty: the solution's status. It does not change the solution.")),
        text("happened", "Hvad er der sket?", FollowUp, "happened", required=True),
        text("blockers", "Hvad holder den tilbage?", FollowUp, "blockers"),
    ),
    (1, date(2026, 2, 1), "afprøves", "Eksempel: Skabelonen er afprøvet i team 1.", ""),
)
MEASUREMENTS = Sheet(
    "Målinger",
    (
        Column("solution", "Løsning nr", True, hint=_("The Nr of its solution in the sheet Løsninger."),
               aliases=("Løsningsnr", "Løsning")),
        text("indicator", "Indikator", Indicator, "name", required=True,
             hint=_("What is measured. Rows with the same solution and indicator belong together.")),
        text("unit", "Måleenhed", Indicator, "unit", hint=_("For example minutes per week.")),
        Column("phase", "Før/efter", True, hint=_("Choose from the list: før or efter.")),
        Column("value", "Værdi", True, hint=_("A number. A decimal comma is fine, for example 38,5.")),
        Column("date", "Dato", True, hint=A_DATE),
        text("note", "Note", Measurement, "note"),
    ),
    (1, "Eksempel: Minutter til dokumentation pr. vagt", "minutter", "før", 55, date(2026, 1, 10), ""),
)
SHEETS = (CHALLENGES, SOLUTIONS, FOLLOW_UPS, MEASUREMENTS)

_TRANSLITERATE = (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("ä", "ae"), ("ö", "oe"))


def _unmangle(text: str) -> str:
    """Repair UTF-8 read as Windows-1252 ("hÃ¦nger" for "hænger")."""
    if "Ã" in text or "Â" in text:
        for codec in ("cp1252", "latin-1"):
            try:
                return text.encode(codec).decode("utf-8")
            except UnicodeError:
                continue
    return text


def fold(text: str) -> str:
    """A key that ignores case, spacing, punctuation and how æ, ø and å were typed."""
    text = unicodedata.normalize("NFKC", _unmangle(text)).casefold()
    for letter, spelled in _TRANSLITERATE:
        text = text.replace(letter, spelled)
    text = text.replace("aa", "a").replace("ae", "a").replace("oe", "o")
    return re.sub(r"[^0-9a-z]", "", text)


def _without_danish_letters(text: str) -> str:
    return re.sub("[æøåÆØÅ]", "", text)


def _vocabulary(words: dict[str, str]) -> dict[str, str]:
    """Every accepted spelling of each word: as written, with æøå lost ("afpr?ves"), and the codes."""
    lookup = {}
    for word, value in words.items():
        lookup[fold(word)] = value
        lookup[fold(_without_danish_letters(word))] = value
        lookup[fold(value)] = value
    return lookup


STATUS_LOOKUP = _vocabulary(STATUS_WORDS)
PHASE_LOOKUP = _vocabulary(PHASE_WORDS)
