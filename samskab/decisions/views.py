"""Analyse og beslut: the evidence on a solution side by side, and the decisions of the round."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from samskab.core.concurrency import Conflict, seen_version, show_conflict
from samskab.core.once import create_once
from samskab.decisions import services
from samskab.decisions.access import get_decision_for_user
from samskab.decisions.forms import DecisionForm, ProcessDecisionForm
from samskab.decisions.models import Decision
from samskab.decisions.queries import decisions_of, process_decision_of
from samskab.decisions.worklist import worklist
from samskab.processes import charts
from samskab.processes.access import Access, get_solution_for_user, process_access
from samskab.processes.context import about_solution
from samskab.rounds.access import get_round_for_user
from samskab.rounds.queries import open_round
from samskab.workshops.access import sees_content
from samskab.workshops.models import Card, Lesson


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
    evaluation_round = open_round(process)
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


def _decision_form(request, solution, evaluation_round, decision, data=None) -> DecisionForm:
    return DecisionForm(
        data,
        instance=decision,
        process=solution.challenge.process,
        user=request.user,
        auto_id=f"s{solution.pk}_%s",  # unique ids: the worklist shows one form per solution
    )


def _outcome_message(request, outcome: services.Outcome) -> None:
    messages.success(
        request,
        _("The decision on “%(solution)s” has been recorded: %(decision)s.")
        % {"solution": outcome.decision.solution.title, "decision": outcome.decision.get_kind_display()},
    )
    if outcome.actions_kept:
        messages.warning(
            request,
            _("Actions already under way from the earlier decision stay in the action plan: %(actions)s.")
            % {"actions": ", ".join(action.what for action in outcome.actions_kept)},
        )
    if outcome.draft_kept is not None:
        messages.warning(
            request,
            _("The new solution “%(solution)s” has been worked on and stays; it no longer replaces this one.")
            % {"solution": outcome.draft_kept.title},
        )


def _record(request, form: DecisionForm, solution, evaluation_round):
    """Record the valid form's decision; the other person's version (for theirs.html) on a conflict."""
    form.instance.solution = solution
    form.instance.round = evaluation_round
    arguments = {
        "adjustments": form.adjustment_lines(),
        "new_title": form.cleaned_data["new_title"],
        "action_owner": form.cleaned_data["action_owner"],
        "action_deadline": form.cleaned_data["action_deadline"],
        "by": request.user,
    }
    if form.instance.pk is None:
        outcome = None

        def save(decision: Decision) -> Decision:
            nonlocal outcome
            outcome = services.decision_record(decision=decision, **arguments)
            return decision

        try:
            create_once(form, save=save)
        except IntegrityError:  # someone else decided on the solution in this round meanwhile
            return show_conflict(form, Decision.objects.get(solution=solution, round=evaluation_round))
        if outcome is not None:  # None: a repeated submission of a decision already recorded
            _outcome_message(request, outcome)
        return None
    try:
        _outcome_message(request, services.decision_record(decision=form.instance, seen_version=seen_version(form), **arguments))
    except Conflict as conflict:
        return show_conflict(form, conflict.current)
    return None


def _decide(request, solution, decision: Decision | None):
    """The round's decision on `solution`: made or changed here, or from the round's worklist."""
    process = solution.challenge.process
    evaluation_round = open_round(process)
    if evaluation_round is None:
        messages.error(request, _("Decisions are made in an evaluation round. Start a round on the process page first."))
        return redirect("decisions:solution_analysis", pk=solution.pk)
    from_worklist = request.POST.get("from") == "worklist"
    form = _decision_form(request, solution, evaluation_round, decision, request.POST or None)
    theirs = None
    if request.method == "POST" and form.is_valid():
        theirs = _record(request, form, solution, evaluation_round)
        if theirs is None:
            if from_worklist:
                return redirect(reverse("decisions:round_decisions", args=[evaluation_round.pk]) + f"#solution-{solution.pk}")
            return redirect("decisions:solution_analysis", pk=solution.pk)
    if from_worklist:
        return _worklist_page(request, evaluation_round, bound={solution.pk: (form, theirs)})
    return render(
        request,
        "decisions/decision_form.html",
        about_solution(solution, form=form, decision=decision, round=evaluation_round, theirs=theirs),
    )


@login_required
def decision_create(request, solution_pk: int):
    """Decide on a solution in the open round; a solution already decided on gets its decision changed."""
    solution = get_solution_for_user(request.user, solution_pk, Access.EDIT)
    evaluation_round = open_round(solution.challenge.process)
    decision = Decision.objects.filter(solution=solution, round=evaluation_round).first() if evaluation_round else None
    return _decide(request, solution, decision)


@login_required
def decision_edit(request, pk: int):
    decision = get_decision_for_user(request.user, pk, Access.EDIT)
    return _decide(request, decision.solution, decision)


def _worklist_page(request, evaluation_round, bound: dict | None = None):
    process = evaluation_round.process
    can_decide = evaluation_round.is_open and process_access(request.user, process) >= Access.EDIT
    work = worklist(evaluation_round)
    for item in work.items:
        item.form, item.theirs = (bound or {}).get(item.solution.pk, (None, None))
        if can_decide and item.form is None:
            item.form = _decision_form(request, item.solution, evaluation_round, item.decision)
    return render(
        request,
        "decisions/round_decisions.html",
        {"round": evaluation_round, "process": process, "worklist": work, "can_decide": can_decide},
    )


@login_required
def round_decisions(request, pk: int):
    """Rundens beslutninger: every solution waiting for the round's decision, decided in place."""
    return _worklist_page(request, get_round_for_user(request.user, pk))


@login_required
def process_decision(request, pk: int):
    """The forløb's decision in a round: how and whether it goes on with the method."""
    evaluation_round = get_round_for_user(request.user, pk, Access.EDIT if request.method == "POST" else Access.READ)
    process = evaluation_round.process
    if request.method == "POST" and not evaluation_round.is_open:
        messages.error(request, _("The round is closed, so its decisions can no longer be changed."))
        return redirect("decisions:process_decision", pk=evaluation_round.pk)
    decision = process_decision_of(evaluation_round)
    form = theirs = None
    if evaluation_round.is_open and process_access(request.user, process) >= Access.EDIT:
        form = ProcessDecisionForm(request.POST or None, instance=decision, process=process, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.instance.round = evaluation_round
        if decision is None:
            create_once(form, save=lambda made: services.process_decision_record(decision=made, by=request.user))
        else:
            try:
                services.process_decision_record(
                    decision=form.instance, seen_version=seen_version(form), by=request.user
                )
            except Conflict as conflict:
                theirs = show_conflict(form, conflict.current)
        if theirs is None:
            messages.success(request, _("The decision on the process has been saved."))
            return redirect("decisions:process_decision", pk=evaluation_round.pk)
    return render(
        request,
        "decisions/process_decision.html",
        {
            "round": evaluation_round,
            "process": process,
            "decision": decision,
            "form": form,
            "theirs": theirs,
            "decisions": decisions_of(evaluation_round),
        },
    )
