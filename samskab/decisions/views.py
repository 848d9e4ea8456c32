"""Analyse og beslut: the evidence on a solution side by side, and the decisions of the round."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samskab.core.concurrency import save_or_show_conflict
from samskab.core.once import create_once
from samskab.decisions import services
from samskab.decisions.forms import DecisionEditForm, DecisionForm, ProcessDecisionForm
from samskab.decisions.models import Decision, ProcessDecision
from samskab.processes import charts
from samskab.processes.access import Access, get_object_for_user, get_solution_for_user, process_access
from samskab.processes.views.context import about_solution
from samskab.workshops.access import get_round_for_user, sees_content
from samskab.workshops.models import Card, EvaluationRound, Lesson, RoundStatus


def _open_round(process) -> EvaluationRound | None:
    return process.rounds.filter(status=RoundStatus.OPEN).first()


@login_required
def solution_analysis(request, pk: int):
    """Follow-ups, measurements before and after, and earlier decisions, with the way to decide."""
    solution = get_solution_for_user(request.user, pk)
    process = solution.challenge.process
    indicators = []
    for indicator in solution.indicators.prefetch_related("measurements"):
        chart = charts.before_after(indicator)
        values = {bar.phase: bar.value for bar in chart["bars"]} if chart else {}
        indicators.append({"indicator": indicator, "before": values.get("foer"), "after": values.get("efter")})
    evaluation_round = _open_round(process)
    cards = list(
        Card.objects.filter(sees_content(request.user, "section__workshop"), solutions=solution, hidden=False)
        .distinct()
        .select_related("section__workshop__round")
        .annotate(vote_count=Count("votes"))
        .order_by("-section__workshop__date", "-vote_count", "pk")
    )
    lessons = Lesson.objects.filter(cards__in=cards).distinct().select_related("section__workshop")
    return render(
        request,
        "decisions/solution_analysis.html",
        about_solution(
            solution,
            follow_ups=list(solution.follow_ups.select_related("author")[:5]),
            indicators=indicators,
            decisions=list(solution.decisions.select_related("decided_by__user", "round", "new_solution")),
            replaces=Decision.objects.filter(new_solution=solution).select_related("solution").first(),
            cards=cards,
            lessons=list(lessons),
            round=evaluation_round,
            can_decide=evaluation_round is not None and process_access(request.user, process) >= Access.EDIT,
        ),
    )


@login_required
def decision_create(request, solution_pk: int):
    solution = get_solution_for_user(request.user, solution_pk, Access.EDIT)
    process = solution.challenge.process
    evaluation_round = _open_round(process)
    if evaluation_round is None:
        messages.error(request, _("Decisions are made in an evaluation round. Start a round on the process page first."))
        return redirect("solution_analysis", pk=solution.pk)
    form = DecisionForm(request.POST or None, process=process)
    if request.method == "POST" and form.is_valid():
        form.instance.solution = solution
        form.instance.round = evaluation_round
        create_once(
            form,
            save=lambda decision: services.decide(
                decision, adjustments=form.adjustment_lines(), new_title=form.cleaned_data["new_title"], by=request.user
            ),
        )
        messages.success(request, _("The decision has been recorded."))
        return redirect("solution_analysis", pk=solution.pk)
    return render(
        request, "decisions/decision_form.html", about_solution(solution, form=form, round=evaluation_round)
    )


@login_required
def decision_edit(request, pk: int):
    decision = get_object_for_user(
        request.user, Decision, pk, process_path="solution__challenge__process", need=Access.EDIT, related=("round",)
    )
    if not decision.round.is_open:
        raise Http404  # a closed round's decisions are its record
    solution = decision.solution
    form = DecisionEditForm(request.POST or None, instance=decision, process=solution.challenge.process)
    theirs = None
    if request.method == "POST" and form.is_valid():
        theirs = save_or_show_conflict(form)
        if theirs is None:
            messages.success(request, _("The decision has been saved."))
            return redirect("solution_analysis", pk=solution.pk)
    return render(
        request, "decisions/decision_form.html", about_solution(solution, form=form, decision=decision, theirs=theirs)
    )


@login_required
def process_decision(request, pk: int):
    """The forløb's decision in a round: how and whether it goes on with the method."""
    evaluation_round = get_round_for_user(request.user, pk, Access.EDIT if request.method == "POST" else Access.READ)
    process = evaluation_round.process
    if request.method == "POST" and not evaluation_round.is_open:
        messages.error(request, _("The round is closed, so its decisions can no longer be changed."))
        return redirect("process_decision", pk=evaluation_round.pk)
    decision = ProcessDecision.objects.filter(round=evaluation_round).select_related("decided_by__user").first()
    form = theirs = None
    if evaluation_round.is_open and process_access(request.user, process) >= Access.EDIT:
        form = ProcessDecisionForm(request.POST or None, instance=decision, process=process)
    if request.method == "POST" and form.is_valid():
        form.instance.round = evaluation_round
        if decision is None:
            create_once(form, save=services.decide_process)
        else:
            theirs = save_or_show_conflict(form)
        if theirs is None:
            messages.success(request, _("The decision on the process has been saved."))
            return redirect("process_decision", pk=evaluation_round.pk)
    return render(
        request,
        "decisions/process_decision.html",
        {
            "round": evaluation_round,
            "process": process,
            "decision": decision,
            "form": form,
            "theirs": theirs,
            "decisions": Decision.objects.filter(round=evaluation_round).select_related("solution", "decided_by__user"),
        },
    )
