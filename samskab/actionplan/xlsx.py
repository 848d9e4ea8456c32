"""The action plan as an Excel workbook, with the same columns as the page."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

DATE_FORMAT = "DD-MM-YYYY"


def plan_workbook(actions, *, title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Action plan")[:31]
    headers = [_("Round"), _("What"), _("Why"), _("Who"), _("By when"), _("Status"), _("Done on"), _("Overdue")]
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(headers)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for action in actions:
        sheet.append(
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
    for column, width in zip("ABCDEFGH", (8, 45, 45, 25, 12, 14, 12, 12)):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A3"
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
