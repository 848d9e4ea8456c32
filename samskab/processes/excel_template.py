"""The Excel template for importing steps 1–5: a guide sheet, then one sheet per kind of row."""

from collections.abc import Sequence
from io import BytesIO

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from samskab.core.xlsx import append_row
from samskab.processes.excel_format import (
    CHALLENGES,
    FOLLOW_UPS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MEASUREMENTS,
    PHASE_WORDS,
    SHEETS,
    SOLUTIONS,
    STATUS_WORDS,
    Sheet,
)
from samskab.processes.models import Process

GUIDE = "Vejledning"
DATE_FORMAT = "DD-MM-YYYY"
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def header(column) -> str:
    return f"{column.header} *" if column.required else column.header


def _list_validation(words, *, title: str) -> DataValidation:
    # A warning, not a stop: the import also reads "Afprøves" or "afproeves" as meant.
    validation = DataValidation(
        type="list", formula1='"' + ",".join(words) + '"', allow_blank=True, errorStyle="warning"
    )
    validation.error = _("Choose one of: %(choices)s.") % {"choices": ", ".join(words)}
    validation.errorTitle = title
    validation.prompt = _("Choose from the list.")
    return validation


def _whole_number_validation() -> DataValidation:
    validation = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="1", allow_blank=True)
    validation.error = _("Write a whole number of 1 or more.")
    validation.errorTitle = _("Not a whole number")
    return validation


def _data_sheet(workbook: Workbook, sheet: Sheet) -> Worksheet:
    worksheet = workbook.create_sheet(sheet.name)
    worksheet.append([header(column) for column in sheet.columns])
    for cell in worksheet[1]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = WRAP
    worksheet.append(list(sheet.example))
    worksheet.freeze_panes = "A2"
    last_row = MAX_ROWS + 1
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        worksheet.column_dimensions[letter].width = 14 if column.max_length is None else 40
        cells = f"{letter}2:{letter}{last_row}"
        validation = None
        if column.key == "status":
            validation = _list_validation(STATUS_WORDS, title=_("Not a valid status"))
        elif column.key == "phase":
            validation = _list_validation(PHASE_WORDS, title=_("Write før or efter"))
        elif column.key in ("number", "challenge", "solution", "priority"):
            validation = _whole_number_validation()
        if validation is not None:
            worksheet.add_data_validation(validation)
            validation.add(cells)
        if column.key in ("date", "start_date"):
            worksheet.column_dimensions[letter].number_format = DATE_FORMAT
            worksheet.cell(row=2, column=index).number_format = DATE_FORMAT
    return worksheet


def _guide(worksheet: Worksheet, process: Process, people: Sequence) -> None:
    worksheet.title = GUIDE
    worksheet.column_dimensions["A"].width = 28
    worksheet.column_dimensions["B"].width = 16
    worksheet.column_dimensions["C"].width = 90

    def line(*values, bold: bool = False) -> None:
        append_row(worksheet, values)
        for cell in worksheet[worksheet.max_row]:
            cell.alignment = WRAP
            if bold:
                cell.font = BOLD

    append_row(worksheet, [_("Import into Samskab: %(process)s") % {"process": process.title}])
    worksheet["A1"].font = Font(bold=True, size=14)
    line()
    steps = [
        _("Fill in one row per challenge in the sheet Udfordringer, one row per solution in Løsninger, one row "
          "per follow-up in Opfølgninger and one row per measurement in Målinger."),
        _("Each sheet has an example row. Write your own data over it, or delete it."),
        _("Give each challenge a number in the column Nr. A solution names its challenge in the column "
          "Udfordring nr. Give each solution a number too: follow-ups and measurements name their solution "
          "in the column Løsning nr."),
        _("Columns marked with * must be filled in. Leave the others empty when you do not know."),
        _("Write dates as dd-mm-yyyy, for example 15-03-2026. Numbers may have a decimal comma, for example 38,5."),
        _("Status is one of: %(statuses)s. Choose it from the list in the cell.")
        % {"statuses": ", ".join(STATUS_WORDS)},
        _("A solution's status is the one in the sheet Løsninger. The status of a follow-up is kept as history "
          "and does not change the solution."),
        _("Nothing is imported until the whole file is correct. If a row has a problem, Samskab lists every "
          "problem with its sheet, row and column: fix them and upload the file again."),
        _("At most %(rows)s rows per sheet and %(size)s MB per file. Importing adds to the process: "
          "upload each file once.")
        % {"rows": number_format(MAX_ROWS, force_grouping=True), "size": MAX_FILE_BYTES // (1024 * 1024)},
    ]
    line(_("How to fill in the workbook"), bold=True)
    for number, step in enumerate(steps, start=1):
        line(f"{number}.", "", step)
    for sheet in SHEETS:
        line()
        line(_("The sheet %(sheet)s") % {"sheet": sheet.name}, bold=True)
        line(_("Column"), _("Must be filled in"), _("What to write"), bold=True)
        for column in sheet.columns:
            hint = str(column.hint)
            if column.max_length:
                limit = _("At most %(max)s characters.") % {
                    "max": number_format(column.max_length, force_grouping=True)
                }
                hint = f"{hint} {limit}".strip()
            line(column.header, _("yes") if column.required else _("no"), hint)
    line()
    line(_("Participants who can own a solution"), bold=True)
    line(_("Username"), _("Name"), _("Email"), bold=True)
    for person in people:
        line(person.username, person.get_full_name(), person.email)


def build_template(*, process: Process, people: Sequence) -> bytes:
    """The template as .xlsx bytes. `people` are the forløb's participants (Users)."""
    workbook = Workbook()
    _guide(workbook.active, process, people)
    for sheet in (CHALLENGES, SOLUTIONS, FOLLOW_UPS, MEASUREMENTS):
        _data_sheet(workbook, sheet)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
