"""The portfolio's table rows as escaped HTML, written in Python (see samskab/core/rows.py).

With a thousand forløb, a template loop with a dozen cells, filters and URL tags per row is most
of the page's time; here each label is translated and escaped once per page.
"""

from decimal import Decimal
from html import escape

from django.utils.formats import get_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from samskab.core.rows import LongDate, url_maker
from samskab.decisions.models import DecisionKind, ProcessDecisionKind
from samskab.portfolio.portfolio import Anchoring, Portfolio, Row


def score(value: Decimal | None, separator: str | None = None) -> str:
    """A score with one decimal, in the language's way ("3,5" in Danish)."""
    if value is None:
        return "–"
    return f"{value:.1f}".replace(".", separator or get_format("DECIMAL_SEPARATOR"))


def change(value: Decimal | None, separator: str | None = None) -> str:
    if value is None:
        return "–"
    return ("+" if value > 0 else "") + score(value, separator)


def columns() -> list[tuple[str, str]]:
    """The table's columns: (key, heading). The first is the row's header cell."""
    return [
        ("process", _("Process")),
        ("unit", _("Unit")),
        ("step", _("Step")),
        ("next_evaluation", _("Next evaluation")),
        ("stalled", _("Stalled solutions")),
        ("silent", _("Solutions without follow-up")),
        ("overdue_actions", _("Overdue actions")),
        ("decisions", _("Latest decision per solution")),
        ("process_decision", _("Decision on the process")),
        ("anchoring", _("Anchoring check, average")),
        ("change", _("Change since the previous round")),
    ]


class RowWriter:
    def __init__(self, portfolio: Portfolio):
        self.titles = {key: escape(str(title)) for key, title in columns()}
        self.url = url_maker("processes:process")
        self.date = LongDate()
        self.overdue = f' <strong class="status status-haenger">{escape(str(_("overdue")))}</strong>'
        self.kinds = {kind.value: escape(str(kind.label)) for kind in DecisionKind}
        self.process_kinds = {kind.value: escape(str(kind.label)) for kind in ProcessDecisionKind}
        self.hidden_statements = escape(str(_("statements hidden")))
        self.separator = get_format("DECIMAL_SEPARATOR")

    def _td(self, key: str, content: str, extra: str = "") -> str:
        return f'<td data-title="{self.titles[key]}"{extra}>{content}</td>'

    def decisions(self, decisions: dict[str, int]) -> str:
        parts = [f"{label}: {decisions[kind]}" for kind, label in self.kinds.items() if decisions.get(kind)]
        return "<br>".join(parts) or "–"

    def anchoring(self, anchoring: Anchoring) -> str:
        if anchoring.hidden_reason:
            return f'<span class="samskab-meta">{escape(anchoring.hidden_reason)}</span>'
        text = score(anchoring.average, self.separator)
        if anchoring.average is not None and anchoring.hidden_statements:
            text += f' <span class="samskab-meta">({anchoring.hidden_statements} {self.hidden_statements})</span>'
        return text

    def row(self, row: Row) -> SafeString:
        next_evaluation = self.date(row.next_evaluation) if row.next_evaluation else "–"
        if row.evaluation_overdue:
            next_evaluation += self.overdue
        process_decision = self.process_kinds.get(row.process_decision, "–") if row.process_decision else "–"
        return mark_safe(
            f'<tr><th scope="row" data-title="{self.titles["process"]}">'
            f'<a href="{self.url(row.pk)}">{escape(row.title)}</a></th>'
            + self._td("unit", escape(row.unit_name))
            + self._td("step", str(row.step))
            + self._td("next_evaluation", next_evaluation)
            + self._td("stalled", str(row.stalled))
            + self._td("silent", str(row.silent))
            + self._td("overdue_actions", str(row.overdue_actions))
            + self._td("decisions", self.decisions(row.decisions))
            + self._td("process_decision", process_decision)
            + self._td("anchoring", self.anchoring(row.anchoring))
            + self._td("change", change(row.anchoring.change, self.separator))
            + "</tr>"
        )


def table_rows(portfolio: Portfolio) -> list[SafeString]:
    writer = RowWriter(portfolio)
    return [writer.row(row) for row in portfolio.rows]
