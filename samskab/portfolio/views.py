"""The portfolio page and its Excel download, for central konsulenter and the MED-hovedudvalg."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskab.core.forms import LongSelect, StyledForm
from samskab.decisions.models import DecisionKind, ProcessDecisionKind
from samskab.organisations.models import tree_label
from samskab.portfolio import portfolio as portfolios
from samskab.portfolio.access import get_unit_for_portfolio, portfolio_units_for_user
from samskab.portfolio.chart import Series, bar_chart
from samskab.portfolio.rows import columns, table_rows
from samskab.portfolio.xlsx import portfolio_workbook
from samskab.processes.models import Step

UNIT, PERIOD = "enhed", "periode"


class FilterForm(StyledForm, forms.Form):
    enhed = forms.ChoiceField(label=gettext_lazy("Unit"), required=False, widget=LongSelect)
    periode = forms.ChoiceField(
        label=gettext_lazy("Counts over time"),
        required=False,
        choices=[(portfolios.YEAR, gettext_lazy("per year")), (portfolios.QUARTER, gettext_lazy("per quarter"))],
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", gettext_lazy("The whole municipality"))]
        choices += [(str(pk), tree_label(name, path)) for pk, name, path in units]
        self.fields[UNIT].choices = choices
        self.fields[PERIOD].error_messages["invalid_choice"] = gettext_lazy("Choose per year or per quarter.")


def _filters(request):
    """The unit and period asked for: a unit the person's municipality does not have does not exist (404)."""
    units = portfolio_units_for_user(request.user)
    form = FilterForm(request.GET or None, units=units)
    wanted = request.GET.get(UNIT, "").strip()
    unit = get_unit_for_portfolio(request.user, wanted, units) if wanted else None
    by = portfolios.YEAR
    if form.is_bound and form.is_valid():
        by = form.cleaned_data[PERIOD] or portfolios.YEAR
    return form, unit, by


def _steps_chart(portfolio):
    steps = [step for step in Step]
    table = [(step.value, step.label, portfolio.totals.steps.get(step.value, 0)) for step in steps]
    chart = bar_chart(
        [_("Step %(number)s") % {"number": step.value} for step in steps],
        [Series(_("Processes"), [count for _value, _label, count in table])],
    )
    return chart, table


def _periods_chart(portfolio):
    periods = portfolio.periods
    names = [_("Processes started"), _("Evaluation rounds begun"), _("Decisions made"), _("Actions done")]
    series = [
        Series(names[0], [p.started for p in periods]),
        Series(names[1], [p.rounds for p in periods]),
        Series(names[2], [p.decisions for p in periods]),
        Series(names[3], [p.actions_done for p in periods]),
    ]
    return bar_chart([p.label for p in periods], series), names


@login_required
def portfolio(request):
    form, unit, by = _filters(request)
    result = portfolios.build(request.user, unit, by=by)
    steps_chart, steps_table = _steps_chart(result)
    periods_chart, period_names = _periods_chart(result)
    totals = result.totals
    return render(
        request,
        "portfolio/portfolio.html",
        {
            "nav": "portfolio",
            "form": form,
            "portfolio": result,
            "columns": columns(),
            "rows": table_rows(result),
            "totals": totals,
            "decision_totals": [(kind.label, totals.decisions.get(kind.value, 0)) for kind in DecisionKind],
            "process_decision_totals": [
                (kind.label, totals.process_decisions.get(kind.value, 0)) for kind in ProcessDecisionKind
            ],
            "steps_chart": steps_chart,
            "steps_table": steps_table,
            "periods_chart": periods_chart,
            "period_names": period_names,
            "query": request.GET.urlencode(),
        },
    )


@login_required
def portfolio_xlsx(request):
    _form, unit, by = _filters(request)
    with translation.override("da"):
        result = portfolios.build(request.user, unit, by=by)
        where = unit.name if unit else result.organisation.name
        title = _("Portfolio of %(where)s, %(day)s") % {"where": where, "day": result.today.strftime("%d-%m-%Y")}
        content = portfolio_workbook(result, title=title)
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="portefoelje.xlsx"'
    return response
