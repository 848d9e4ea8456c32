from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.core.once import create_once
from samskab.processes import services
from samskab.processes.access import Access, get_indicator_for_user, get_measurement_for_user, get_solution_for_user
from samskab.processes.context import about_solution
from samskab.processes.forms import IndicatorForm, MeasurementForm


@login_required
def indicator_create(request, solution_pk: int):
    solution = get_solution_for_user(request.user, solution_pk, Access.EDIT)
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.solution = solution
        create_once(form)
        messages.success(request, _("The indicator has been added."))
        return redirect(solution)
    return render(
        request,
        "processes/indicator_form.html",
        about_solution(solution, form=form),
    )


@login_required
def indicator_edit(request, pk: int):
    indicator = get_indicator_for_user(request.user, pk, Access.EDIT)
    solution = indicator.solution
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The indicator has been saved."))
        return redirect(solution)
    return render(
        request,
        "processes/indicator_form.html",
        about_solution(solution, form=form, indicator=indicator),
    )


@login_required
def indicator_delete(request, pk: int):
    """Deleting an indicator deletes its measurements with it."""
    indicator = get_indicator_for_user(request.user, pk, Access.EDIT)
    solution = indicator.solution
    if request.method == "POST":
        services.indicator_delete(indicator=indicator, by=request.user)
        messages.success(request, _("The indicator has been deleted."))
        return redirect(solution)
    return render(
        request,
        "processes/confirm_delete.html",
        about_solution(solution, object=indicator, cancel_url=solution.get_absolute_url()),
    )


@login_required
def measurement_create(request, indicator_pk: int):
    indicator = get_indicator_for_user(request.user, indicator_pk, Access.CONTRIBUTE)
    solution = indicator.solution
    form = MeasurementForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        form.instance.indicator = indicator
        form.instance.author = request.user
        create_once(form)
        messages.success(request, _("The measurement has been saved."))
        return redirect(solution)
    return render(
        request,
        "processes/measurement_form.html",
        about_solution(solution, form=form, indicator=indicator),
    )


# Editors correct or delete every measurement; participants the ones they entered (like follow-ups).


@login_required
def measurement_edit(request, pk: int):
    measurement = get_measurement_for_user(request.user, pk, Access.CONTRIBUTE)
    indicator = measurement.indicator
    solution = indicator.solution
    form = MeasurementForm(request.POST or None, instance=measurement)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The measurement has been saved."))
        return redirect(solution)
    return render(
        request,
        "processes/measurement_form.html",
        about_solution(solution, form=form, measurement=measurement, indicator=indicator),
    )


@login_required
def measurement_delete(request, pk: int):
    measurement = get_measurement_for_user(request.user, pk, Access.CONTRIBUTE)
    solution = measurement.indicator.solution
    if request.method == "POST":
        services.measurement_delete(measurement=measurement, by=request.user)
        messages.success(request, _("The measurement has been deleted."))
        return redirect(solution)
    return render(
        request,
        "processes/confirm_delete.html",
        about_solution(solution, object=measurement, leaf=True, cancel_url=solution.get_absolute_url()),
    )
