"""Excel sheets the way Samskab writes them: a title row, a bold header row that stays in view."""

from openpyxl.styles import Font

DATE_FORMAT = "DD-MM-YYYY"


def titled_sheet(sheet, title: str, headers: list[str], widths: list[int]) -> None:
    """Start `sheet` with `title` and `headers`, its columns `widths` wide; rows follow from row 3."""
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(headers)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(row=2, column=index).column_letter].width = width
    sheet.freeze_panes = "A3"
