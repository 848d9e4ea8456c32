from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskab.processes import services
from samskab.processes.access import Access, get_participant_for_user, get_process_for_user, process_access
from samskab.processes.forms import ParticipantForm, TellsAboutForm


@login_required
def participants(request, pk: int):
    """The forløb's participants; facilitators and leaders add and remove them."""
    process = get_process_for_user(request.user, pk)
    can_edit = process_access(request.user, process) >= Access.EDIT
    form = None
    if can_edit:
        form = ParticipantForm(request.POST or None, process=process)
        if request.method == "POST" and form.is_valid():
            participant = form.save()
            messages.success(request, _("%(person)s has been added.") % {"person": participant.user})
            return redirect("processes:participants", pk=process.pk)
    elif request.method == "POST":
        get_process_for_user(request.user, pk, Access.EDIT)  # raises 403
    return render(
        request,
        "processes/participants.html",
        {
            "process": process,
            "participants": process.participants.select_related("user"),
            "form": form,
            "can_edit": can_edit,
        },
    )


@login_required
@require_POST
def participant_remove(request, pk: int, participant_pk: int):
    participant = get_participant_for_user(request.user, pk, participant_pk, Access.EDIT)
    process = participant.process
    services.participant_remove(participant=participant, by=request.user)
    messages.success(request, _("%(person)s no longer takes part.") % {"person": participant.user})
    return redirect("processes:participants", pk=process.pk)


@login_required
@require_POST
def participant_ambassador(request, pk: int, participant_pk: int):
    """Make a participant an ambassador, or no longer one."""
    participant = get_participant_for_user(request.user, pk, participant_pk, Access.EDIT)
    process = participant.process
    services.participant_set_ambassador(
        participant=participant, ambassador=not participant.is_ambassador, by=request.user
    )
    if participant.is_ambassador:
        message = _("%(person)s is now an ambassador.")
    else:
        message = _("%(person)s is no longer an ambassador.")
    messages.success(request, message % {"person": participant.user})
    return redirect("processes:participants", pk=process.pk)


@login_required
def participant_tells_about(request, pk: int, participant_pk: int):
    """Whether a participant is an ambassador, and what they can tell others about."""
    participant = get_participant_for_user(request.user, pk, participant_pk, Access.EDIT)
    process = participant.process
    form = TellsAboutForm(request.POST or None, instance=participant)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("What %(person)s can tell about as an ambassador has been saved.") % {"person": participant.user})
        return redirect("processes:participants", pk=process.pk)
    return render(
        request, "processes/participant_tells_about.html", {"process": process, "participant": participant, "form": form}
    )
