"""The municipal list of ideas: where the method could be used next."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from samskab.core.concurrency import save_or_show_conflict
from samskab.ideas import services
from samskab.ideas.access import get_idea_to_triage, listed_ideas, may_triage, require_reader
from samskab.ideas.forms import FilterForm, StartForm, TriageForm
from samskab.ideas.models import Idea, IdeaOrigin
from samskab.processes.access import visible_processes


def _seen(user, process_ids: set) -> set[int]:
    """Of these forløb, the ones the reader may see: only those are linked; the others show their unit's name."""
    return set(visible_processes(user).filter(pk__in=process_ids - {None}).values_list("pk", flat=True))


@login_required
def idea_list(request):
    require_reader(request.user)
    filters = FilterForm(request.GET or None)
    ideas = list(
        listed_ideas(request.user)
        .filter(**filters.filters())
        .select_related("unit", "process", "round", "started_process__unit")
    )
    seen = _seen(request.user, {idea.process_id for idea in ideas} | {idea.started_process_id for idea in ideas})
    return render(
        request,
        "ideas/idea_list.html",
        {
            "ideas": ideas,
            "filters": filters,
            "filtered": bool(filters.filters()),
            "seen": seen,
            "may_triage": may_triage(request.user),
            "nav": "ideas",
        },
    )


@login_required
def idea_triage(request, pk: int):
    idea = get_idea_to_triage(request.user, pk)
    form = TriageForm(request.POST or None, instance=idea)
    theirs = None
    if request.method == "POST" and form.is_valid():
        form.instance.triaged_by = request.user
        form.instance.triaged_at = timezone.now()
        theirs = save_or_show_conflict(form)
        if theirs is None:
            messages.success(request, _("The idea has been assessed."))
            return redirect(f"{reverse('ideas:idea_list')}#idea-{idea.pk}")
    return render(
        request,
        "ideas/idea_triage.html",
        {"idea": idea, "form": form, "theirs": theirs, "seen": _seen(request.user, {idea.process_id}), "nav": "ideas"},
    )


def _start_title(idea: Idea) -> str:
    """A title for the forløb an idea starts: a transfer card's idea is its own title; a decision to spread
    the method carries the leader's reasons, which belong in the purpose, so the title names where it comes from."""
    if idea.origin == IdeaOrigin.SPREAD_DECISION:
        return Truncator(_("Co-created governance, as in “%(process)s”") % {"process": idea.process.title}).chars(200)
    return Truncator(" ".join(idea.text.split())).chars(200)


@login_required
def idea_start(request, pk: int):
    idea = get_idea_to_triage(request.user, pk)
    if idea.started_process is not None:
        messages.info(request, _("A process has already been started from this idea."))
        return redirect(idea.started_process)
    initial = {"title": _start_title(idea), "purpose": _("From the idea: %(text)s") % {"text": idea.text}, "start_date": timezone.localdate()}
    form = StartForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        process = form.instance  # the form's fields, not saved yet
        process.unit = form.cleaned_data["unit"]
        process.submission_id = form.submission_id()
        process, created = services.idea_start(idea=idea, process=process, by=request.user)
        if created:
            messages.success(request, _("The process has been started from the idea."))
        else:
            messages.info(request, _("A process has already been started from this idea."))
        return redirect(process)
    return render(
        request,
        "ideas/idea_start.html",
        {"idea": idea, "form": form, "seen": _seen(request.user, {idea.process_id}), "nav": "ideas"},
    )
