"""Handlingsplan: per round (with the actions it carries over), per forløb, and "Mine handlinger"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from samskab.actionplan import ics, plan
from samskab.actionplan.filters import PlanFilterForm
from samskab.actionplan.forms import ActionEditForm, ActionStatusForm
from samskab.actionplan.rows import RowWriter
from samskab.actionplan.xlsx import plan_workbook
from samskab.core.filenames import file_slug
from samskab.core.once import create_once
from samskab.core.redirects import safe_next
from samskab.processes.access import Access, get_process_for_user, process_access
from samskab.rounds import services
from samskab.rounds.access import Change, get_action_for_user, get_action_to_change, get_round_for_user
from samskab.rounds.forms import ActionForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def round_plan(request, pk: int):
    evaluation_round = get_round_for_user(request.user, pk)
    process = evaluation_round.process
    can_edit = process_access(request.user, process) >= Access.EDIT
    writer = RowWriter(user_pk=request.user.pk, can_edit=can_edit, round_pk=evaluation_round.pk)
    actions = plan.round_plan(evaluation_round, seen_by=request.user)
    chosen = PlanFilterForm(request.GET or None, actions=actions)
    shown = chosen.apply(actions)
    return render(
        request,
        "actionplan/round_plan.html",
        {
            "round": evaluation_round,
            "process": process,
            "rows": [writer.row(action) for action in shown],
            "filter_form": chosen,
            "filtered": len(shown) != len(actions) or bool(request.GET),
            "total": len(actions),
            "can_edit": can_edit,
        },
    )


@login_required
def round_plan_xlsx(request, pk: int):
    evaluation_round = get_round_for_user(request.user, pk)
    title = f"{evaluation_round.process.title} – {evaluation_round}"
    filename = f"handlingsplan-{file_slug(evaluation_round.process.title)}-runde-{evaluation_round.number}.xlsx"
    actions = plan.round_plan(evaluation_round, seen_by=request.user)
    return _download(plan_workbook(actions, title=title), XLSX, filename)


@login_required
def process_plan(request, pk: int):
    process = get_process_for_user(request.user, pk)
    writer = RowWriter(user_pk=request.user.pk, can_edit=process_access(request.user, process) >= Access.EDIT)
    rounds: dict = {}
    for action in plan.process_plan(process, seen_by=request.user):
        rounds.setdefault(action.round, []).append(writer.row(action))
    return render(request, "actionplan/process_plan.html", {"process": process, "rounds": rounds.items()})


@login_required
def process_plan_xlsx(request, pk: int):
    process = get_process_for_user(request.user, pk)
    filename = f"handlingsplan-{file_slug(process.title)}.xlsx"
    actions = plan.process_plan(process, seen_by=request.user)
    return _download(plan_workbook(actions, title=process.title), XLSX, filename)


@login_required
def my_actions(request):
    writer = RowWriter(user_pk=request.user.pk, can_edit=False, show_process=True, mine=True)
    rows = [writer.row(action) for action in plan.my_actions(request.user)]
    return render(request, "actionplan/my_actions.html", {"rows": rows, "nav": "my_actions"})


@login_required
def action_create(request, pk: int):
    evaluation_round = get_round_for_user(request.user, pk, Access.EDIT)
    if not evaluation_round.is_open:
        messages.error(request, _("New actions are made in an open round. The actions of this round can still be updated."))
        return redirect("actionplan:round_plan", pk=evaluation_round.pk)
    form = ActionForm(request.POST or None, process=evaluation_round.process)
    if request.method == "POST" and form.is_valid():
        create_once(
            form, lambda action: services.action_add(action=action, evaluation_round=evaluation_round, by=request.user)
        )
        messages.success(request, _("The action has been added to the round's action plan."))
        return redirect("actionplan:round_plan", pk=evaluation_round.pk)
    return render(
        request,
        "actionplan/action_form.html",
        {"round": evaluation_round, "process": evaluation_round.process, "form": form},
    )


def _came_from(request, action) -> str:
    """Where the person came from, to go back to after saving or cancelling: a page of this site
    (`next`, e.g. the workshop's run page), "mine" for Mine handlinger, else the round's plan."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target == "mine":
        return reverse("actionplan:my_actions")
    return safe_next(request, target, reverse("actionplan:round_plan", args=[action.round_id]))


# Who changes what (rounds/access.py): an aftale while its workshop agrees it, the whole
# handling in the plan, or its owner's status and done date.
FORMS = {Change.AGREEMENT: ActionForm, Change.ALL: ActionEditForm, Change.STATUS: ActionStatusForm}


@login_required
def action_edit(request, pk: int):
    """An action's one edit page: the aftale of a workshop (reached from its run page) and the handling in the plan."""
    action, change = get_action_to_change(request.user, pk)
    process = action.round.process
    form = FORMS[change](request.POST or None, instance=action, process=process)
    back = _came_from(request, action)
    theirs = None
    if request.method == "POST" and form.is_valid():
        theirs = services.action_change(form=form, by=request.user)
        if theirs is None:
            messages.success(request, _("The agreement has been saved.") if change == Change.AGREEMENT else _("The action has been saved."))
            return redirect(back)
    return render(
        request,
        "actionplan/action_form.html",
        {
            "round": action.round,
            "process": process,
            "form": form,
            "action": action,
            "agreement": change == Change.AGREEMENT,
            "theirs": theirs,
            "next": request.POST.get("next", request.GET.get("next", "")),
            "cancel_url": back,
        },
    )


@login_required
def action_delete(request, pk: int):
    action = get_action_for_user(request.user, pk, Access.EDIT)
    if request.method == "POST":
        services.action_delete(action=action, by=request.user)
        messages.success(request, _("The action has been deleted."))
        return redirect("actionplan:round_plan", pk=action.round_id)
    return render(
        request,
        "processes/confirm_delete.html",
        {"process": action.round.process, "object": action, "leaf": True, "cancel_url": reverse("actionplan:round_plan", args=[action.round_id])},
    )


@login_required
def action_ics(request, pk: int):
    action = get_action_for_user(request.user, pk)
    if action.deadline is None:
        raise Http404
    return _download(ics.action_invitation(action), "text/calendar; charset=utf-8", f"handling-{action.pk}.ics")


@login_required
def evaluation_ics(request, pk: int):
    process = get_process_for_user(request.user, pk)
    if process.next_evaluation is None:
        raise Http404
    content = ics.evaluation_invitation(process, summary=_("Evaluation: %(process)s") % {"process": process.title})
    return _download(content, "text/calendar; charset=utf-8", f"evaluering-{file_slug(process.title)}.ics")
