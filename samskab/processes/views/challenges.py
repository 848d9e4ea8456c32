from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samskab.core.history import HISTORY_LIMIT, history_entries
from samskab.core.once import create_once
from samskab.processes import services
from samskab.processes.access import Access, get_challenge_for_user, get_process_for_user, process_access
from samskab.processes.forms import ChallengeForm
from samskab.processes.models import challenge_status
from samskab.processes.overview import solutions_for_overview


@login_required
def challenge_create(request, process_pk: int):
    process = get_process_for_user(request.user, process_pk, Access.EDIT)
    next_priority = process.challenges.count() + 1
    form = ChallengeForm(request.POST or None, initial={"priority": next_priority})
    if request.method == "POST" and form.is_valid():
        form.instance.process = process

        challenge = create_once(form)
        messages.success(request, _("The challenge has been created."))
        return redirect(challenge)
    return render(request, "processes/challenge_form.html", {"form": form, "process": process})


@login_required
def challenge_detail(request, pk: int):
    challenge = get_challenge_for_user(request.user, pk)
    process = challenge.process
    solutions = list(solutions_for_overview().filter(challenge=challenge))
    entries = history_entries(challenge.history.select_related("history_user")[:HISTORY_LIMIT])
    return render(
        request,
        "processes/challenge_detail.html",
        {
            "challenge": challenge,
            "process": process,
            "solutions": solutions,
            "status": challenge_status([solution.status for solution in solutions]),
            "entries": entries,
            "can_edit": process_access(request.user, process) >= Access.EDIT,
        },
    )


@login_required
def challenge_edit(request, pk: int):
    challenge = get_challenge_for_user(request.user, pk, Access.EDIT)
    form = ChallengeForm(request.POST or None, instance=challenge)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The challenge has been saved."))
        return redirect(challenge)
    return render(
        request, "processes/challenge_form.html", {"form": form, "process": challenge.process, "challenge": challenge}
    )


@login_required
def challenge_delete(request, pk: int):
    challenge = get_challenge_for_user(request.user, pk, Access.EDIT)
    process = challenge.process
    if request.method == "POST":
        services.challenge_delete(challenge=challenge, by=request.user)
        messages.success(request, _("The challenge has been deleted."))
        return redirect(process)
    return render(
        request, "processes/confirm_delete.html", {"object": challenge, "process": process, "cancel_url": challenge.get_absolute_url()}
    )
