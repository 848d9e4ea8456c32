"""The page of an evaluation round: its workshop, and how far each part of step 6 has come."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from samskab.processes.access import Access, process_access
from samskab.reports.progress import round_progress
from samskab.rounds.access import get_round_for_user
from samskab.workshops.access import is_facilitator


@login_required
def round_detail(request, pk: int):
    evaluation_round = get_round_for_user(request.user, pk)
    progress = round_progress(evaluation_round, seen_by=request.user)
    workshop = progress.workshop
    return render(
        request,
        "reports/round_detail.html",
        {
            "round": evaluation_round,
            "process": evaluation_round.process,
            "workshop": workshop,
            "progress": progress,
            "facilitating": workshop is not None and is_facilitator(request.user, workshop),
            "can_edit": process_access(request.user, evaluation_round.process) >= Access.EDIT,
        },
    )
