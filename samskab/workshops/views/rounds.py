import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskab.core.once import create_once
from samskab.processes.access import Access, get_process_for_user
from samskab.workshops import services
from samskab.workshops.access import is_facilitator
from samskab.rounds.access import get_round_for_user
from samskab.workshops.forms import WorkshopForm
from samskab.workshops.queries import workshop_of


@login_required
@require_POST
def round_start(request, pk: int):
    process = get_process_for_user(request.user, pk, Access.EDIT)
    try:
        submission_id = uuid.UUID(request.POST.get("submission", ""))
    except ValueError:
        submission_id = None
    warnings = services.round_start_warnings(process)
    confirmed = request.POST.get("confirmed") == "yes"
    choice = request.POST.get("workshop", "")
    unchosen = bool(warnings.get("planned")) and choice not in (services.PLANNED_MOVE, services.PLANNED_CANCEL)
    if warnings and (not confirmed or unchosen):
        # Ask first: the open round still has a workshop that was never held, or solutions without a decision.
        return render(
            request,
            "workshops/round_start_confirm.html",
            {
                "process": process,
                "submission": submission_id or uuid.uuid4(),
                "choice_missing": confirmed and unchosen,
                **warnings,
            },
        )
    evaluation_round = services.round_start(process=process, submission_id=submission_id, planned_workshop=choice, by=request.user)
    messages.success(request, _("%(round)s has started.") % {"round": evaluation_round})
    return redirect(evaluation_round)


@login_required
@require_POST
def round_close(request, pk: int):
    evaluation_round = get_round_for_user(request.user, pk, Access.EDIT)
    if not evaluation_round.is_open:
        return redirect(evaluation_round)
    planned = services.planned_workshop(evaluation_round)
    cancel = request.POST.get("workshop") == services.PLANNED_CANCEL
    if planned is not None and not cancel:
        # Ask first: closing the round means its workshop will not be held.
        asked = request.POST.get("confirmed") == "yes"
        return render(
            request,
            "workshops/round_close_confirm.html",
            {"round": evaluation_round, "process": evaluation_round.process, "planned": planned, "choice_missing": asked},
        )
    services.round_close(evaluation_round=evaluation_round, cancel_planned_workshop=cancel, by=request.user)
    messages.success(request, _("%(round)s has been closed.") % {"round": evaluation_round})
    return redirect(evaluation_round)


@login_required
def workshop_create(request, pk: int):
    """Create the round's evaluation workshop from the step-6 template."""
    evaluation_round = get_round_for_user(request.user, pk, Access.EDIT)
    existing = workshop_of(evaluation_round)
    if existing is not None:
        return redirect(existing if is_facilitator(request.user, existing) else evaluation_round)
    if not evaluation_round.is_open:
        messages.error(request, _("The round is closed. Start a new round to hold a workshop."))
        return redirect(evaluation_round)
    form = WorkshopForm(
        request.POST or None,
        initial={"title": _("Evaluation workshop"), "date": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        workshop = create_once(
            form, lambda w: services.workshop_create(workshop=w, evaluation_round=evaluation_round, by=request.user)
        )
        messages.success(request, _("The workshop has been created from the step 6 template. Adjust it as you like."))
        return redirect(workshop)
    return render(
        request,
        "workshops/workshop_form.html",
        {"form": form, "round": evaluation_round, "process": evaluation_round.process},
    )
