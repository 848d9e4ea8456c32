"""The action plan as an Excel workbook, with the same columns as the page."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook

from samskab.core.xlsx import DATE_FORMAT, append_row, titled_sheet


def plan_workbook(actions, *, title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Action plan")[:31]
    headers = [_("Round"), _("What"), _("Why"), _("Who"), _("By when"), _("Status"), _("Done on"), _("Overdue")]
    titled_sheet(sheet, title, headers, [8, 45, 45, 25, 12, 14, 12, 12])
    for action in actions:
        append_row(
            sheet,
            [
                action.round.number,
                action.what,
                action.why,
                action.owner.user.get_full_name() if action.owner else "",
                action.deadline,
                action.get_status_display(),
                action.done_on,
                _("yes") if action.is_overdue else "",
            ]
        )
    for column in ("E", "G"):
        for cell in sheet[column][2:]:
            cell.number_format = DATE_FORMAT
    sheet.auto_filter.ref = f"A2:{sheet.cell(row=2, column=len(headers)).column_letter}{sheet.max_row}"  # sort and filter in Excel
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
