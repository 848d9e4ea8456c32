from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samskab.core.history import HISTORY_LIMIT, Entry, history_entries
from samskab.core.once import create_once
from samskab.processes import charts, services
from samskab.processes.access import (
    Access,
    get_challenge_for_user,
    get_follow_up_for_user,
    get_solution_for_user,
    may_edit_follow_up,
    may_edit_measurement,
    process_access,
)
from samskab.processes.context import about_solution
from samskab.processes.forms import FollowUpEditForm, FollowUpForm, SolutionForm
from samskab.processes.models import FollowUp, Indicator, Measurement, MeasurementPhase, Solution
from samskab.processes.signals import solution_shown


@login_required
def solution_create(request, challenge_pk: int):
    challenge = get_challenge_for_user(request.user, challenge_pk, Access.EDIT)
    process = challenge.process
    form = SolutionForm(request.POST or None, process=process)
    if request.method == "POST" and form.is_valid():
        form.instance.challenge = challenge
        solution = create_once(form)
        messages.success(request, _("The solution has been created."))
        return redirect(solution)
    return render(
        request, "processes/solution_form.html", {"form": form, "process": process, "challenge": challenge}
    )


def _history(solution: Solution) -> list[Entry]:
    """Changes to the solution and to its follow-ups, indicators and measurements, newest first.

    The labels are made from the history rows alone (one query per kind, however long the
    history): deleted indicators keep their name, and no row is looked up one by one.
    """
    indicator_names = dict(
        Indicator.history.filter(solution_id=solution.pk).order_by("history_date").values_list("id", "name")
    )

    def follow_up(record) -> str:
        return _("Follow-up of %(date)s") % {"date": date_format(record.date, "j. F Y")}

    def indicator(record) -> str:
        return _('Indicator "%(name)s"') % {"name": record.name}

    def measurement(record) -> str:
        return _('Measurement of "%(indicator)s" (%(phase)s, %(date)s)') % {
            "indicator": indicator_names.get(record.indicator_id, "–"),
            "phase": MeasurementPhase(record.phase).label,
            "date": date_format(record.date, "j. F Y"),
        }

    def newest(history, **where):
        return history.filter(**where).select_related("history_user").order_by("-history_date", "-history_id")[
            :HISTORY_LIMIT
        ]

    entries = [
        *history_entries(newest(solution.history)),
        *history_entries(newest(FollowUp.history, solution_id=solution.pk), follow_up),
        *history_entries(newest(Indicator.history, solution_id=solution.pk), indicator),
        *history_entries(newest(Measurement.history, indicator_id__in=list(indicator_names)), measurement),
    ]
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries[:HISTORY_LIMIT]


@login_required
def solution_detail(request, pk: int):
    """A solution: its follow-up timeline, measurements and history."""
    solution = get_solution_for_user(request.user, pk)
    challenge = solution.challenge
    process = challenge.process
    access = process_access(request.user, process)
    follow_ups = list(solution.follow_ups.select_related("author"))
    for follow_up in follow_ups:
        follow_up.may_edit = may_edit_follow_up(request.user, follow_up, access)
    indicators = list(solution.indicators.prefetch_related("measurements"))
    for indicator in indicators:
        for measurement in indicator.measurements.all():  # the prefetched rows the page shows
            measurement.may_edit = may_edit_measurement(request.user, measurement, access)
    today = timezone.localdate()
    last = follow_ups[0].date if follow_ups else None
    entries = _history(solution)
    follow_up_form = None
    if access >= Access.CONTRIBUTE:
        follow_up_form = FollowUpForm(initial={"date": today, "status": solution.status})
    context = {
        "solution": solution,
        "challenge": challenge,
        "process": process,
        "follow_ups": follow_ups,
        "indicators": [(indicator, charts.before_after(indicator)) for indicator in indicators],
        "silent": solution.is_silent(last, today, process.unit.organisation.silent_after_days),
        "entries": entries,
        "follow_up_form": follow_up_form,
        "can_edit": access >= Access.EDIT,
        "can_contribute": access >= Access.CONTRIBUTE,
    }
    for _receiver, more in solution_shown.send(sender=Solution, solution=solution, user=request.user):
        context.update(more or {})
    return render(request, "processes/solution_detail.html", context)


@login_required
def solution_edit(request, pk: int):
    solution = get_solution_for_user(request.user, pk, Access.EDIT)
    process = solution.challenge.process
    form = SolutionForm(request.POST or None, instance=solution, process=process)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The solution has been saved."))
        return redirect(solution)
    return render(
        request,
        "processes/solution_form.html",
        {"form": form, "process": process, "challenge": solution.challenge, "solution": solution},
    )


@login_required
def solution_delete(request, pk: int):
    solution = get_solution_for_user(request.user, pk, Access.EDIT)
    challenge = solution.challenge
    if request.method == "POST":
        services.solution_delete(solution=solution, by=request.user)
        messages.success(request, _("The solution has been deleted."))
        return redirect(challenge)
    return render(
        request,
        "processes/confirm_delete.html",
        {"object": solution, "process": challenge.process, "cancel_url": solution.get_absolute_url()},
    )


@login_required
def follow_up_create(request, solution_pk: int):
    """Participants, facilitators and leaders add follow-ups. HTMX swaps the timeline in place."""
    solution = get_solution_for_user(request.user, solution_pk, Access.CONTRIBUTE)
    form = FollowUpForm(request.POST or None, initial={"date": timezone.localdate(), "status": solution.status})
    if request.method == "POST" and form.is_valid():
        create_once(form, lambda f: services.follow_up_add(follow_up=f, solution=solution, by=request.user))
        messages.success(request, _("The follow-up has been saved."))
        return redirect(solution)
    return render(
        request,
        "processes/follow_up_form.html",
        about_solution(solution, form=form),
    )


@login_required
def follow_up_edit(request, pk: int):
    """Its author, while taking part, or an editor corrects a follow-up. There is no delete: follow-ups
    are the record of what happened, and the history shows every correction."""
    follow_up = get_follow_up_for_user(request.user, pk, Access.CONTRIBUTE)
    solution = follow_up.solution
    form = FollowUpEditForm(request.POST or None, instance=follow_up)
    if request.method == "POST" and form.is_valid():
        services.follow_up_edit(follow_up=form.instance, by=request.user)
        messages.success(request, _("The follow-up has been saved."))
        return redirect(solution)
    return render(
        request,
        "processes/follow_up_edit.html",
        about_solution(solution, form=form, follow_up=follow_up),
    )
