"""Excel sheets the way Samskab writes them: a title row, a bold header row that stays in view.

People's text is written as text, always: an aftale that reads `=HYPERLINK(...)` must not become a
live formula in someone's spreadsheet, and a control character must not make the file unreadable.
Write rows through `append_row`, never `sheet.append`.
"""

from openpyxl.cell.cell import TYPE_STRING, Cell
from openpyxl.styles import Font

from samskab.core.text import without_control_characters

DATE_FORMAT = "DD-MM-YYYY"
# Excel's cell limit; a longer text would make the file one that Excel repairs.
CELL_MAX_LENGTH = 32767


def append_row(sheet, values) -> None:
    """Append `values` as the next row of `sheet`; strings stay strings, whatever they begin with."""
    sheet.append([_text_cell(sheet, value) if isinstance(value, str) else value for value in values])


def _text_cell(sheet, value: str) -> Cell:
    cell = Cell(sheet, value=_text(value))
    cell.data_type = TYPE_STRING  # openpyxl takes "=…" for a formula; this says it is text
    return cell


def _text(value: str) -> str:
    return without_control_characters(value)[:CELL_MAX_LENGTH]


def titled_sheet(sheet, title: str, headers: list[str], widths: list[int]) -> None:
    """Start `sheet` with `title` and `headers`, its columns `widths` wide; rows follow from row 3."""
    append_row(sheet, [title])
    sheet["A1"].font = Font(bold=True, size=14)
    append_row(sheet, headers)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(row=2, column=index).column_letter].width = width
    sheet.freeze_panes = "A3"
