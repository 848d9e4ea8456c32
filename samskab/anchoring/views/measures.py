"""Forankring of a forløb: its measures, each with status, responsible person, date and note."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samskab.anchoring import services
from samskab.anchoring.access import get_anchoring_measure_for_user
from samskab.anchoring.forms import AnchoringMeasureForm
from samskab.anchoring.named_measures import seen_in_network
from samskab.anchoring.models import AnchoringStatus
from samskab.core.once import create_once
from samskab.processes.access import Access, get_process_for_user, process_access


@login_required
def anchoring(request, pk: int):
    process = get_process_for_user(request.user, pk)
    services.named_measures_add(process=process, by=request.user)
    measures = list(process.anchoring_measures.select_related("responsible__user"))
    network = seen_in_network(process)
    for measure in measures:
        measure.in_network = network.get(measure.key, "")
    return render(
        request,
        "anchoring/measures.html",
        {
            "process": process,
            "measures": measures,
            # A measure is in place when the forløb says so, or when the network pages show it.
            "in_place": sum(1 for measure in measures if measure.status == AnchoringStatus.IN_PLACE or measure.in_network),
            "can_edit": process_access(request.user, process) >= Access.EDIT,
        },
    )


@login_required
def measure_create(request, pk: int):
    process = get_process_for_user(request.user, pk, Access.EDIT)
    form = AnchoringMeasureForm(request.POST or None, process=process)
    if request.method == "POST" and form.is_valid():
        form.instance.process = process
        form.instance.order = process.anchoring_measures.count()
        create_once(form)
        messages.success(request, _("The anchoring measure has been added."))
        return redirect("anchoring:anchoring", pk=process.pk)
    return render(request, "anchoring/measure_form.html", {"process": process, "form": form})


@login_required
def measure_edit(request, pk: int):
    measure = get_anchoring_measure_for_user(request.user, pk, Access.EDIT)
    form = AnchoringMeasureForm(request.POST or None, instance=measure, process=measure.process)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The anchoring measure has been saved."))
        return redirect(measure)
    return render(request, "anchoring/measure_form.html", {"process": measure.process, "form": form, "measure": measure})


@login_required
def measure_delete(request, pk: int):
    """The forløb's own measures can be deleted; the ones the method names stay, with their status."""
    measure = get_anchoring_measure_for_user(request.user, pk, Access.EDIT)
    if measure.key:
        raise Http404
    if request.method == "POST":
        services.anchoring_measure_delete(measure=measure, by=request.user)
        messages.success(request, _("The anchoring measure has been deleted."))
        return redirect("anchoring:anchoring", pk=measure.process_id)
    return render(
        request,
        "processes/confirm_delete.html",
        {"process": measure.process, "object": measure, "leaf": True, "cancel_url": measure.get_absolute_url()},
    )
