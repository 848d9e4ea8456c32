"""Kommunikationsplan of a round: a guided flow, one question at a time, that makes the plan's rows."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskab.communication import services
from samskab.communication.access import get_communication_row_for_user
from samskab.communication.forms import AUDIENCES, CHANNELS, QUESTIONS, CommunicationRowEditForm, CommunicationRowForm
from samskab.core.concurrency import save_or_show_conflict
from samskab.core.once import create_once
from samskab.processes.access import Access, process_access
from samskab.rounds.access import get_round_for_user
from samskab.rounds.services import action_add_once


@login_required
def plan(request, pk: int):
    evaluation_round = get_round_for_user(request.user, pk)
    process = evaluation_round.process
    rows = list(evaluation_round.communication.select_related("sender__user"))
    ambassadors = [
        (participant, [row for row in rows if row.sender_id == participant.pk])
        for participant in process.participants.filter(is_ambassador=True).select_related("user")
    ]
    return render(
        request,
        "communication/plan.html",
        {
            "round": evaluation_round,
            "process": process,
            "rows": rows,
            "ambassadors": ambassadors,
            "can_edit": process_access(request.user, process) >= Access.EDIT,
        },
    )


def _step(request) -> int:
    try:
        return min(max(int(request.POST.get("step", 0)), 0), len(QUESTIONS) - 1)
    except ValueError:
        return 0


@login_required
def row_create(request, pk: int):
    """The guided flow: each answer travels along in the form until the last question saves the row."""
    evaluation_round = get_round_for_user(request.user, pk, Access.EDIT)
    process = evaluation_round.process
    step = 0
    form = CommunicationRowForm(request.POST or None, process=process)
    if request.method == "POST":
        step = _step(request)
        if "back" in request.POST:
            step = max(step - 1, 0)
            form = CommunicationRowForm(request.POST, process=process)
            form.errors.clear()  # nothing is judged when going back
        elif not form.is_valid() and form.step_errors(step):
            form.keep_errors_up_to(step)  # ask the same question again, with its error
        elif step < len(QUESTIONS) - 1:
            step += 1
            form.errors.clear()  # the next question is asked before it is judged
        else:
            form.instance.round = evaluation_round
            create_once(form)
            messages.success(request, _("The row has been added to the communication plan."))
            return redirect("communication:communication", pk=evaluation_round.pk)
    return render(
        request,
        "communication/guide.html",
        {
            "round": evaluation_round,
            "process": process,
            "form": form,
            "step": step,
            "question": form[QUESTIONS[step]],
            "answered": [form[name] for name in QUESTIONS if name != QUESTIONS[step]],
            "last": step == len(QUESTIONS) - 1,
            "audiences": AUDIENCES,
            "channels": CHANNELS,
        },
    )


@login_required
def row_edit(request, pk: int):
    row = get_communication_row_for_user(request.user, pk, Access.EDIT)
    process = row.round.process
    form = CommunicationRowEditForm(request.POST or None, instance=row, process=process)
    theirs = None
    if request.method == "POST" and form.is_valid():
        theirs = save_or_show_conflict(form)
        if theirs is None:
            messages.success(request, _("The row has been saved."))
            return redirect(row)
    return render(
        request,
        "communication/row_form.html",
        {
            "round": row.round,
            "process": process,
            "form": form,
            "row": row,
            "theirs": theirs,
            "audiences": AUDIENCES,
            "channels": CHANNELS,
        },
    )


@login_required
def row_delete(request, pk: int):
    row = get_communication_row_for_user(request.user, pk, Access.EDIT)
    if request.method == "POST":
        services.communication_row_delete(row=row, by=request.user)
        messages.success(request, _("The row has been deleted."))
        return redirect(row)
    return render(
        request,
        "processes/confirm_delete.html",
        {"process": row.round.process, "object": row, "leaf": True, "cancel_url": row.get_absolute_url()},
    )


@login_required
@require_POST
def row_action(request, pk: int):
    """A row of the plan becomes an action of the round, owned by its sender; once per row."""
    row = get_communication_row_for_user(request.user, pk, Access.EDIT)
    _action, made = action_add_once(
        evaluation_round=row.round,
        source=row,
        key="row",
        what=_("Tell %(audience)s: %(message)s") % {"audience": row.audience, "message": row.message},
        why=_("Communication plan, by %(channel)s") % {"channel": row.channel},
        owner=row.sender,
        deadline=row.when,
        by=request.user,
    )
    if made:
        messages.success(request, _("The action has been added to the round's action plan."))
    else:
        messages.info(request, _("The row is already in the action plan."))
    return redirect(row)
