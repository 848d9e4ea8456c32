"""The portfolio as an Excel workbook: one sheet of forløb, one of counts over time (Danish headers)."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from samskab.core.xlsx import DATE_FORMAT, append_row, titled_sheet
from samskab.decisions.models import DecisionKind, ProcessDecisionKind
from samskab.portfolio.portfolio import Portfolio

SCORE_FORMAT = "0.0"


# The forløb sheet's columns, by key (the headers are their Danish names, from process_headers()).
PROCESS_COLUMNS = [
    "unit", "process", "step", "next_evaluation", "evaluation_overdue", "solutions", "stalled", "silent",
    "overdue_actions", *[f"decision:{kind.value}" for kind in DecisionKind], "process_decision", "anchoring",
    "anchoring_previous", "anchoring_change", "anchoring_hidden",
]  # fmt: skip


def process_headers() -> list[str]:
    return [
        _("Unit"),
        _("Process"),
        _("Step"),
        _("Next evaluation"),
        _("Evaluation overdue"),
        _("Solutions"),
        _("Stalled solutions"),
        _("Solutions without follow-up"),
        _("Overdue actions"),
        *[_("Latest decision: %(kind)s") % {"kind": kind.label} for kind in DecisionKind],
        _("Decision on the process"),
        _("Anchoring check, average"),
        _("Anchoring check, previous round"),
        _("Change since the previous round"),
        _("Anchoring check hidden"),
    ]


def period_headers() -> list[str]:
    return [_("Period"), _("Processes started"), _("Evaluation rounds begun"), _("Decisions made"), _("Actions done")]


def portfolio_workbook(portfolio: Portfolio, *, title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Processes")[:31]
    headers = process_headers()
    kinds = {kind.value: str(kind.label) for kind in ProcessDecisionKind}
    titled_sheet(sheet, title, headers, [25, 40, 8, 14, 12, 10, 12, 12, 12, 12, 12, 12, 12, 30, 12, 12, 12, 25])
    for row in portfolio.rows:
        anchoring = row.anchoring
        append_row(
            sheet,
            [
                row.unit_name,
                row.title,
                row.step,
                row.next_evaluation,
                _("yes") if row.evaluation_overdue else "",
                row.solutions,
                row.stalled,
                row.silent,
                row.overdue_actions,
                *[row.decisions.get(kind.value, 0) for kind in DecisionKind],
                kinds.get(row.process_decision, "") if row.process_decision else "",
                float(anchoring.average) if anchoring.average is not None else None,
                float(anchoring.previous) if anchoring.previous is not None else None,
                float(anchoring.change) if anchoring.change is not None else None,
                anchoring.hidden_reason,
            ]
        )
    totals = portfolio.totals
    append_row(
        sheet,
        [
            _("Total"),
            _("%(count)s processes") % {"count": totals.processes},
            None,
            None,
            totals.evaluations_overdue,
            totals.solutions,
            totals.stalled,
            totals.silent,
            totals.overdue_actions,
            *[totals.decisions.get(kind.value, 0) for kind in DecisionKind],
        ]
    )
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    first_score = headers.index(_("Anchoring check, average")) + 1
    for cells in sheet.iter_rows(min_row=3):
        cells[3].number_format = DATE_FORMAT
        for cell in cells[first_score - 1 : first_score + 2]:
            cell.number_format = SCORE_FORMAT

    over_time = workbook.create_sheet(_("Over time")[:31])
    titled_sheet(over_time, title, period_headers(), [14, 16, 16, 16, 16])
    for period in portfolio.periods:
        append_row(over_time, [period.label if period.quarter else period.year, period.started, period.rounds, period.decisions, period.actions_done])
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
