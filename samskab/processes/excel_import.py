"""Read the Excel workbook of steps 1–5 into rows to import, or into every problem that stops it.

Pure logic: no database and no HTTP, so it is tested with workbooks built in memory. The
workbook's sheets, columns and words are defined in excel_format.
"""

import logging
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import IO, Protocol

from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from samskab.core.text import without_control_characters
from samskab.processes.excel_format import (
    CHALLENGES,
    FOLLOW_UPS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MEASUREMENTS,
    PHASE_LOOKUP,
    PHASE_WORDS,
    SHEETS,
    SOLUTIONS,
    STATUS_LOOKUP,
    STATUS_WORDS,
    Sheet,
    fold,
)
from samskab.processes.models import Measurement, SolutionStatus

logger = logging.getLogger(__name__)

MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # an .xlsx is a zip: bound what it may unpack to
MAX_COLUMNS = 30  # columns read per row; the widest sheet has 8
MAX_PROBLEMS_SHOWN = 1000
EXCEL_LAST_ROW = 1_048_576
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, and password-protected .xlsx


class Person(Protocol):
    """A participant who may own a solution (a User in the app)."""

    username: str
    email: str


@dataclass(frozen=True)
class Problem:
    """What is wrong and how to fix it; sheet, row and column are empty for the file as a whole."""

    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    letter: str = ""


@dataclass
class ChallengeRow:
    row: int
    number: int
    title: str
    description: str
    why_problem: str
    affected: str
    priority: int | None


@dataclass
class SolutionRow:
    row: int
    number: int
    challenge: int
    title: str
    description: str
    expected_effect: str
    owner: Person | None
    start_date: date | None
    status: str


@dataclass
class FollowUpRow:
    row: int
    solution: int
    date: date
    status: str | None  # None: the solution's status
    happened: str
    blockers: str


@dataclass(eq=False)
class IndicatorRow:
    solution: int
    name: str
    unit: str


@dataclass
class MeasurementRow:
    row: int
    indicator: IndicatorRow
    phase: str
    value: Decimal
    date: date
    note: str


@dataclass
class ImportRows:
    challenges: list[ChallengeRow] = field(default_factory=list)
    solutions: list[SolutionRow] = field(default_factory=list)
    follow_ups: list[FollowUpRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    measurements: list[MeasurementRow] = field(default_factory=list)


# --- Reading Danish habits -------------------------------------------------------------------


def cell_text(value: object) -> str:
    """A cell as the text a person sees in it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return without_control_characters(value).strip()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y") if value.time() == datetime.min.time() else value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(value)


class CellError(ValueError):
    """A cell that cannot be read; the message says what is wrong and how to fix it."""


def shown(text: str, limit: int = 60) -> str:
    """A value quoted in a message, cut short."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_whole_number(value: object, *, maximum: int) -> int:
    text = cell_text(value).replace("\xa0", "").replace(" ", "")
    number = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and re.fullmatch(r"\d+([.,]0+)?", text):
        number = int(re.split(r"[.,]", text)[0])
    if number is None or number < 1:
        message = _("'%(value)s' is not a whole number of 1 or more. Write a number such as 3.")
        raise CellError(message % {"value": shown(text)})
    if number > maximum:
        message = _("%(value)s is too large. Use a number from 1 to %(maximum)s.")
        raise CellError(message % {"value": shown(text), "maximum": maximum})
    return number


def _decimal_text(text: str) -> str:
    """Danish "1.234,5" and "38,5", and "38.5", as a plain decimal; ambiguous "1.234" is refused."""
    text = re.sub(r"[\s\xa0\u202f']", "", text).replace("−", "-")
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):
            return text.replace(".", "").replace(",", ".")
        return text.replace(",", "")
    if "," in text:
        return text.replace(",", ".") if text.count(",") == 1 else text
    if text.count(".") > 1:
        return text.replace(".", "") if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", text) else text
    if re.fullmatch(r"[+-]?[1-9]\d{0,2}\.\d{3}", text):
        raise CellError(
            _("'%(value)s' can be read as a thousand or as a decimal number. Write it with a decimal comma, "
              "for example 1,234, or without a dot, for example 1234.") % {"value": shown(text)}
        )
    return text


def read_decimal(value: object, *, max_digits: int, decimal_places: int) -> Decimal:
    """A number, rounded to the places the database keeps."""
    text = cell_text(value)
    message = _("'%(value)s' is not a number. Write a number; a decimal comma is fine, for example 38,5.")
    not_a_number = CellError(message % {"value": shown(text)})
    if isinstance(value, bool):
        raise not_a_number
    try:
        if isinstance(value, int | float):
            number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        elif isinstance(value, str):
            plain = _decimal_text(text)
            if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", plain):
                raise not_a_number
            number = Decimal(plain)
        else:
            raise not_a_number
    except InvalidOperation:
        raise not_a_number from None
    if not number.is_finite():
        raise not_a_number
    limit = Decimal(10) ** (max_digits - decimal_places)
    if abs(number) < limit:
        number = number.quantize(Decimal(1).scaleb(-decimal_places), rounding=ROUND_HALF_UP)
    if abs(number) >= limit:
        raise CellError(
            _("%(value)s is too large. Use at most %(digits)s digits before the decimal comma.")
            % {"value": shown(text), "digits": max_digits - decimal_places}
        )
    return number


_DANISH_DATE = re.compile(r"(?P<d>\d{1,2})[-./](?P<m>\d{1,2})[-./](?P<y>\d{4}|\d{2})")
_ISO_DATE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})([T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?")


def read_date(value: object) -> date:
    """A real date cell, or text as dd-mm-åååå, dd.mm.åååå, dd/mm/åååå or åååå-mm-dd."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    match = _DANISH_DATE.fullmatch(text) if isinstance(value, str) else None
    match = match or (_ISO_DATE.fullmatch(text) if isinstance(value, str) else None)
    if match is None:
        message = _("'%(value)s' is not a date. Write it as dd-mm-yyyy, for example 15-03-2026.")
        raise CellError(message % {"value": shown(text)})
    year = int(match["y"])
    year = year + 2000 if len(match["y"]) == 2 else year
    try:
        return date(year, int(match["m"]), int(match["d"]))
    except ValueError:
        raise CellError(
            _("%(value)s is not a real date: that day does not exist. Check the day and the month.")
            % {"value": shown(text)}
        ) from None


def read_word(value: object, lookup: dict[str, str], words: Iterable[str], message: str) -> str:
    text = cell_text(value)
    found = lookup.get(fold(text))
    if found is None:
        raise CellError(message % {"value": shown(text), "choices": ", ".join(words)})
    return found


# --- The workbook ----------------------------------------------------------------------------


@dataclass
class RawSheet:
    """The non-empty rows of one sheet, as read: the first is the header row."""

    sheet: Sheet
    header_row: int = 0
    headers: tuple[object, ...] = ()
    rows: list[tuple[int, tuple[object, ...]]] = field(default_factory=list)


class TooManyRows(Exception):
    pass


def _archive_problem(file: IO[bytes], size: int) -> str | None:
    """Why the upload cannot be an .xlsx workbook, judged before any XML is parsed."""
    if size > MAX_FILE_BYTES:
        return _("The file is %(size)s; at most %(limit)s is allowed. Split it into smaller files.") % {
            "size": filesizeformat(size),
            "limit": filesizeformat(MAX_FILE_BYTES),
        }
    if file.read(len(OLE_SIGNATURE)) == OLE_SIGNATURE:
        return _(
            "The file is in the old Excel format (.xls) or is protected by a password. "
            "Open it in Excel, remove any password and save it as an Excel workbook (.xlsx)."
        )
    file.seek(0)
    not_xlsx = _(
        "The file is not an Excel workbook (.xlsx). Download the template, fill it in and save it "
        "in Excel as an Excel workbook (.xlsx). A CSV file or a renamed file does not work."
    )
    if not zipfile.is_zipfile(file):
        return not_xlsx
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return not_xlsx
    names = {entry.filename for entry in entries}
    if "[Content_Types].xml" not in names or not any(name.startswith("xl/") for name in names):
        return not_xlsx
    if len(entries) > 10_000 or sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        return _("The workbook is too large when it is unpacked. Split it into smaller files.")
    return None


def _is_empty(values: tuple[object, ...]) -> bool:
    if values.count(None) == len(values):  # fast for the empty rows a sheet may be padded with
        return True
    return all(cell_text(value) == "" for value in values)


def _read_sheet(worksheet, sheet: Sheet) -> RawSheet:
    raw = RawSheet(sheet)
    worksheet.reset_dimensions()  # the declared size may be wrong, by accident or not
    rows = worksheet.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True)
    for number, values in enumerate(rows, start=1):
        if number > EXCEL_LAST_ROW:
            raise ValueError("row beyond Excel's last row")
        if _is_empty(values):
            continue
        if not raw.header_row:
            raw.header_row, raw.headers = number, values
        elif len(raw.rows) == MAX_ROWS:
            raise TooManyRows(sheet.name)
        else:
            raw.rows.append((number, values))
    return raw


def _read_sheets(file: IO[bytes]) -> dict[str, RawSheet]:
    """The workbook's sheets that this import knows, by name; missing sheets are left out."""
    workbook = load_workbook(file, read_only=True, data_only=True, keep_links=False)
    try:
        by_key = {fold(name): name for name in workbook.sheetnames}
        found = {}
        for sheet in SHEETS:
            name = by_key.get(fold(sheet.name))
            worksheet = workbook[name] if name else None
            if worksheet is not None and hasattr(worksheet, "reset_dimensions"):
                found[sheet.name] = _read_sheet(worksheet, sheet)
        return found
    finally:
        workbook.close()


def read_workbook(file: IO[bytes], *, people: Sequence[Person] = ()) -> tuple[ImportRows | None, list[Problem]]:
    """The rows of an uploaded workbook, or None and every problem found in it.

    `people` are the forløb's participants, who may own a solution.
    """
    file.seek(0, 2)
    size = file.tell()
    file.seek(0)
    problem = _archive_problem(file, size)
    if problem:
        return None, [Problem(problem)]
    file.seek(0)
    try:
        sheets = _read_sheets(file)
    except TooManyRows as error:
        message = _(
            "The sheet has more than %(max)s rows. Split the data into several files and import them one at a time."
        )
        return None, [Problem(message % {"max": number_format(MAX_ROWS, force_grouping=True)}, sheet=str(error))]
    except Exception:
        # openpyxl raises many kinds of errors on damaged or hostile files; all mean the same to the user.
        logger.info("An uploaded workbook could not be read", exc_info=True)
        return None, [Problem(_(
            "The file could not be read. It may be damaged. Open it in Excel, save it again as an "
            "Excel workbook (.xlsx) and upload it again."
        ))]
    if not sheets:
        return None, [Problem(
            _("The workbook has none of the sheets %(sheets)s. Download the template and fill it in.")
            % {"sheets": ", ".join(sheet.name for sheet in SHEETS)}
        )]
    if not any(raw.rows for raw in sheets.values()):
        return None, [Problem(_(
            "The workbook has no rows to import. Fill in at least one challenge below the column headers "
            "in the sheet Udfordringer."
        ))]
    return _Validation(sheets, people).run()


class _Row:
    """One data row; each reader returns the cell's value, or None after noting the problem."""

    def __init__(self, sheet: Sheet, number: int, cells: dict[str, tuple[int, object]], problems: list[Problem]):
        self.sheet = sheet
        self.number = number
        self.cells = cells
        self.problems = problems
        self.ok = True

    def problem(self, key: str, message: str) -> None:
        index = self.cells.get(key, (None, None))[0]
        self.problems.append(
            Problem(message, self.sheet.name, self.number, self.sheet.column(key).header,
                    get_column_letter(index + 1) if index is not None else "")
        )
        self.ok = False

    def value(self, key: str) -> object:
        """The cell's raw value, or None when it is empty (noting it when it must be filled in)."""
        value = self.cells.get(key, (None, None))[1]
        if cell_text(value) == "":
            if self.sheet.column(key).required:
                self.problem(key, _("The cell is empty, but it must be filled in."))
            return None
        return value

    def read(self, key: str, reader, **kwargs):
        value = self.value(key)
        if value is None:
            return None
        try:
            return reader(value, **kwargs)
        except CellError as error:
            self.problem(key, str(error))
            return None

    def text(self, key: str) -> str:
        text = cell_text(self.value(key))
        limit = self.sheet.column(key).max_length
        if limit and len(text) > limit:
            self.problem(
                key,
                _("The text is %(length)s characters long; at most %(max)s are allowed. Shorten it.")
                % {"length": len(text), "max": limit},
            )
        return text


class _Validation:
    """Checks every row of every sheet, so that the user can fix all problems in one go."""

    def __init__(self, sheets: dict[str, RawSheet], people: Sequence[Person]):
        self.sheets = sheets
        self.people = {}
        for person in people:
            self.people[person.username.casefold()] = person
            if person.email:
                self.people[person.email.casefold()] = person
        self.usernames = sorted(person.username for person in people)
        self.problems: list[Problem] = []
        self.rows = ImportRows()

    def run(self) -> tuple[ImportRows | None, list[Problem]]:
        challenges = self._numbered(CHALLENGES, self._challenge)
        solutions = self._numbered(SOLUTIONS, lambda row, number: self._solution(row, number, challenges))
        for row in self._data_rows(FOLLOW_UPS):
            self._follow_up(row, solutions)
        indicators: dict[tuple[int, str], tuple[IndicatorRow, int]] = {}
        for row in self._data_rows(MEASUREMENTS):
            self._measurement(row, solutions, indicators)
        if self.problems:
            return None, self.problems
        return self.rows, []

    def _data_rows(self, sheet: Sheet) -> Iterable[_Row]:
        raw = self.sheets.get(sheet.name)
        if raw is None or not raw.rows:
            return
        positions = {}
        for index, header in enumerate(raw.headers):
            key = fold(cell_text(header))
            for column in sheet.columns:
                names = (column.header, *column.aliases)
                if column.key not in positions and key in {fold(name) for name in names}:
                    positions[column.key] = index
                    break
        missing = [column for column in sheet.columns if column.required and column.key not in positions]
        for column in missing:
            self.problems.append(Problem(
                _("The column '%(column)s' is missing. Use the column headers of the template, in the first row.")
                % {"column": column.header},
                sheet.name, raw.header_row, column.header,
            ))
        if missing:
            return
        example = tuple(cell_text(value) for value in sheet.example)
        for number, values in raw.rows:
            cells = {key: (index, values[index]) for key, index in positions.items()}
            row = _Row(sheet, number, cells, self.problems)
            written = tuple(cell_text(cells.get(column.key, (0, None))[1]) for column in sheet.columns)
            if written == example:
                self.problems.append(Problem(
                    _("This is the template's example row. Delete it, or write your own data over it."),
                    sheet.name, number,
                ))
                continue
            yield row

    def _numbered(self, sheet: Sheet, parse) -> set[int]:
        """Parse a sheet whose rows carry a Nr; returns the numbers in use, each once."""
        seen: dict[int, int] = {}
        for row in self._data_rows(sheet):
            number = row.read("number", read_whole_number, maximum=1_000_000)
            if number is not None and number in seen:
                row.problem("number", _("Nr %(number)s is also used in row %(row)s. Give each row its own number.")
                            % {"number": number, "row": seen[number]})
            elif number is not None:
                seen[number] = row.number
            parse(row, number)
        return set(seen)

    def _reference(self, row: _Row, key: str, numbers: set[int], target: Sheet) -> int | None:
        number = row.read(key, read_whole_number, maximum=1_000_000)
        if number is not None and number not in numbers:
            row.problem(key, _("There is no row with Nr %(number)s in the sheet %(sheet)s. Write the Nr of a row "
                               "there, or add the row.") % {"number": number, "sheet": target.name})
            return None
        return number

    def _status(self, row: _Row, key: str) -> str | None:
        message = _("'%(value)s' is not a valid status. Use one of: %(choices)s.")
        return row.read(key, read_word, lookup=STATUS_LOOKUP, words=STATUS_WORDS, message=message)

    def _challenge(self, row: _Row, number: int | None) -> None:
        found = ChallengeRow(
            row=row.number,
            number=number or 0,
            title=row.text("title"),
            description=row.text("description"),
            why_problem=row.text("why_problem"),
            affected=row.text("affected"),
            priority=row.read("priority", read_whole_number, maximum=32767),
        )
        if row.ok:
            self.rows.challenges.append(found)

    def _owner(self, row: _Row) -> Person | None:
        text = cell_text(row.value("owner"))
        if not text:
            return None
        person = self.people.get(text.casefold())
        if person is None:
            names = ", ".join(self.usernames[:10]) + (" …" if len(self.usernames) > 10 else "")
            message = _("'%(value)s' does not take part in the process. Write the username or email of "
                        "a participant (%(people)s), or leave the cell empty.")
            row.problem("owner", message % {"value": shown(text), "people": names or "–"})
        return person

    def _solution(self, row: _Row, number: int | None, challenges: set[int]) -> None:
        found = SolutionRow(
            row=row.number,
            number=number or 0,
            challenge=self._reference(row, "challenge", challenges, CHALLENGES) or 0,
            title=row.text("title"),
            description=row.text("description"),
            expected_effect=row.text("expected_effect"),
            owner=self._owner(row),
            start_date=row.read("start_date", read_date),
            status=self._status(row, "status") or SolutionStatus.NOT_STARTED,
        )
        if row.ok:
            self.rows.solutions.append(found)

    def _follow_up(self, row: _Row, solutions: set[int]) -> None:
        found = FollowUpRow(
            row=row.number,
            solution=self._reference(row, "solution", solutions, SOLUTIONS) or 0,
            date=row.read("date", read_date),
            status=self._status(row, "status"),
            happened=row.text("happened"),
            blockers=row.text("blockers"),
        )
        if row.ok:
            self.rows.follow_ups.append(found)

    def _measurement(self, row: _Row, solutions: set[int], indicators: dict) -> None:
        solution = self._reference(row, "solution", solutions, SOLUTIONS)
        name = row.text("indicator")
        unit = row.text("unit")
        phase = row.read(
            "phase", read_word, lookup=PHASE_LOOKUP, words=PHASE_WORDS,
            message=_("'%(value)s' is not valid here. Write one of: %(choices)s."),
        )
        value_field = Measurement._meta.get_field("value")
        value = row.read("value", read_decimal, max_digits=value_field.max_digits,
                         decimal_places=value_field.decimal_places)
        when = row.read("date", read_date)
        note = row.text("note")
        if solution is None or not name:
            return
        key = (solution, " ".join(name.casefold().split()))
        indicator, first_row = indicators.get(key, (None, 0))
        if indicator is None:
            indicator = IndicatorRow(solution=solution, name=name, unit=unit)
            indicators[key] = (indicator, row.number)
            self.rows.indicators.append(indicator)
        elif unit and indicator.unit and fold(unit) != fold(indicator.unit):
            row.problem("unit", _("The indicator '%(name)s' has the unit '%(unit)s' in row %(row)s. Use the same "
                                  "unit in every row of an indicator.")
                        % {"name": indicator.name, "unit": indicator.unit, "row": first_row})
        elif unit and not indicator.unit:
            indicator.unit = unit
        if row.ok:
            self.rows.measurements.append(
                MeasurementRow(row=row.number, indicator=indicator, phase=phase, value=value, date=when, note=note)
            )
