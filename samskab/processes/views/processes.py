import uuid
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.core.history import HISTORY_LIMIT, history_entries
from samskab.core.once import create_once
from samskab.organisations.access import scope_for
from samskab.processes import services
from samskab.processes.access import (
    Access,
    get_process_for_user,
    get_unit_to_create_process,
    process_access,
    visible_processes,
)
from samskab.processes.forms import ProcessForm
from samskab.processes.models import Participant
from samskab.processes.overview import overview, sections


EVALUATION_SOON = timedelta(days=14)


@login_required
def dashboard(request):
    """"Mine forløb": the forløb I take part in, then the others I can see."""
    processes = visible_processes(request.user).select_related("unit").order_by("-start_date", "title")
    taking_part = scope_for(request.user).participations
    mine = [p for p in processes if p.pk in taking_part]
    others = [p for p in processes if p.pk not in taking_part]
    # Due for evaluation: the next evaluation is within two weeks, or has passed.
    soon = timezone.localdate() + EVALUATION_SOON
    due = [p for p in processes if p.next_evaluation and p.next_evaluation <= soon]
    due.sort(key=lambda p: p.next_evaluation)
    return render(
        request, "processes/dashboard.html", {"mine": mine, "others": others, "due": due, "nav": "dashboard"}
    )


@login_required
def process_create(request, unit_pk: int):
    unit = get_unit_to_create_process(request.user, unit_pk)
    form = ProcessForm(request.POST or None, initial={"start_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        form.instance.unit = unit
        process = create_once(form, lambda p: services.process_create(process=p, by=request.user))
        messages.success(request, _("The process has been created."))
        return redirect(process)
    return render(request, "processes/process_form.html", {"form": form, "unit": unit})


@login_required
def process_detail(request, pk: int):
    """The forløb overview: challenges with their solutions; stalled and silent ones marked."""
    process = get_process_for_user(request.user, pk)
    access = process_access(request.user, process)
    days = process.unit.organisation.silent_after_days
    challenges, counts = overview(process, days)
    return render(
        request,
        "processes/process_detail.html",
        {
            "process": process,
            "challenges": challenges,
            "sections": sections(challenges),
            "participant_count": process.participants.count(),
            "rounds": process.rounds.all(),
            "round_submission": uuid.uuid4(),  # a double click on "start a round" starts one
            "counts": counts,
            "silent_after_days": days,
            "can_edit": access >= Access.EDIT,
        },
    )


@login_required
def process_edit(request, pk: int):
    process = get_process_for_user(request.user, pk, Access.EDIT)
    form = ProcessForm(request.POST or None, instance=process)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The process has been saved."))
        return redirect(process)
    return render(request, "processes/process_form.html", {"form": form, "process": process, "unit": process.unit})


@login_required
def process_history(request, pk: int):
    process = get_process_for_user(request.user, pk)
    entries = history_entries(process.history.select_related("history_user")[:HISTORY_LIMIT])
    participant_entries = history_entries(
        Participant.history.filter(process_id=process.pk).select_related("history_user", "user")[:HISTORY_LIMIT]
    )
    return render(
        request,
        "processes/process_history.html",
        {"process": process, "entries": entries, "participant_entries": participant_entries},
    )
