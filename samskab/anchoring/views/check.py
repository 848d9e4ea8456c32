"""The round's forankringstjek: scores and trend for everyone who follows the forløb; its editors keep it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskab.anchoring import scores as anchoring
from samskab.anchoring import services
from samskab.anchoring.chart import bar_chart
from samskab.anchoring.forms import AnchoringCheckForm
from samskab.anchoring.models import AnchoringCheck
from samskab.anchoring.queries import check_of
from samskab.processes.access import Access, process_access
from samskab.rounds.access import get_round_for_user
from samskab.rounds.queries import actions_from
from samskab.rounds.services import action_add_once
from samskab.rounds.forms import ActionForm


def _page(request, evaluation_round, *, form=None, action_forms=None, status=200):
    process = evaluation_round.process
    check = check_of(evaluation_round)
    previous = anchoring.previous_check(evaluation_round)
    rows = anchoring.rows(check, previous)
    can_edit = process_access(request.user, process) >= Access.EDIT and evaluation_round.is_open
    action_forms = action_forms or {}
    planned = set(actions_from(check).filter(round=evaluation_round).values_list("source_key", flat=True)) if check else set()
    for row in rows:
        row.in_plan = row.key in planned
    if can_edit:
        for row in rows:
            if row.weak and not row.in_plan and row.key not in action_forms:
                action_forms[row.key] = ActionForm(
                    process=process, initial={"what": row.suggestion}, prefix=row.key
                )
    for row in rows:
        row.action_form = action_forms.get(row.key)
    return render(
        request,
        "anchoring/check.html",
        {
            "round": evaluation_round,
            "process": process,
            "check": check,
            "previous": previous,
            "rows": rows,
            "chart": bar_chart(rows),
            "can_edit": can_edit,
            "form": form,
            "workshop": anchoring.rating_workshop(evaluation_round) if can_edit else None,
        },
        status=status,
    )


@login_required
def check(request, pk: int):
    return _page(request, get_round_for_user(request.user, pk))


def _editable_round(request, pk: int):
    evaluation_round = get_round_for_user(request.user, pk, Access.EDIT)
    if not evaluation_round.is_open:
        messages.error(request, _("The round is closed, so its anchoring check can no longer be changed."))
        return None, redirect("anchoring:anchoring_check", pk=pk)
    return evaluation_round, None


@login_required
def check_edit(request, pk: int):
    evaluation_round, refused = _editable_round(request, pk)
    if refused:
        return refused
    existing = check_of(evaluation_round)
    initial = {"threshold": existing.threshold if existing else AnchoringCheck._meta.get_field("threshold").default}
    if existing:
        initial.update({score.key: score.average for score in existing.scores.all()})
    form = AnchoringCheckForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.anchoring_check_save(
            evaluation_round=evaluation_round,
            scores=form.scores(),
            from_workshop=False,
            threshold=form.cleaned_data["threshold"],
            by=request.user,
        )
        messages.success(request, _("The anchoring check has been saved."))
        return redirect("anchoring:anchoring_check", pk=pk)
    return render(
        request,
        "anchoring/check_form.html",
        {"round": evaluation_round, "process": evaluation_round.process, "form": form},
    )


@login_required
@require_POST
def check_from_workshop(request, pk: int):
    """Take the scores from the workshop's rating section, under its smallest-group rule."""
    evaluation_round, refused = _editable_round(request, pk)
    if refused:
        return refused
    workshop = anchoring.rating_workshop(evaluation_round)
    if workshop is None:
        messages.error(request, _("The round's workshop has no rating of the anchoring statements."))
        return redirect("anchoring:anchoring_check", pk=pk)
    scores = anchoring.scores_from_workshop(workshop)
    if not scores:
        messages.error(request, _("The workshop's rating has no answers yet, so there are no scores to take. Nothing has been changed."))
        return redirect("anchoring:anchoring_check", pk=pk)
    replaced = anchoring.typed_scores_replaced(evaluation_round, scores)
    if replaced and request.POST.get("replace") != "yes":
        return render(
            request,
            "anchoring/check_replace.html",
            {"round": evaluation_round, "process": evaluation_round.process, "replaced": replaced},
        )
    services.anchoring_check_save(evaluation_round=evaluation_round, scores=scores, from_workshop=True, by=request.user)
    messages.success(request, _("The scores have been taken from the workshop's rating."))
    return redirect("anchoring:anchoring_check", pk=pk)


@login_required
@require_POST
def suggestion_accept(request, pk: int, key: str):
    """A weak statement's suggestion, as edited, becomes an action in the round's action plan."""
    evaluation_round, refused = _editable_round(request, pk)
    if refused:
        return refused
    rows = {row.key: row for row in anchoring.rows(check_of(evaluation_round), None)}
    row = rows.get(key)
    if row is None or not row.weak:
        messages.error(request, _("That statement is not below the warning threshold any more."))
        return redirect("anchoring:anchoring_check", pk=pk)
    form = ActionForm(request.POST, process=evaluation_round.process, prefix=key)
    if form.is_valid():
        why = form.cleaned_data.get("why") or _("Anchoring check: “%(statement)s” scored %(score)s.") % {
            "statement": row.statement,
            "score": str(row.score).replace(".", ","),
        }
        _action, made = action_add_once(
            evaluation_round=evaluation_round,
            source=AnchoringCheck.objects.get(round=evaluation_round),
            key=key,
            what=form.cleaned_data["what"],
            why=why,
            owner=form.cleaned_data["owner"],
            deadline=form.cleaned_data["deadline"],
            by=request.user,
        )
        if made:
            messages.success(request, _("The action has been added to the round's action plan."))
        else:
            messages.info(request, _("The statement's action is already in the action plan."))
        return redirect("anchoring:anchoring_check", pk=pk)
    return _page(request, evaluation_round, action_forms={key: form})
