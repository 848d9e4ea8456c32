from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from samskab.organisations.access import get_unit_for_user, visible_units
from samskab.organisations.models import Organisation
from samskab.processes.access import can_create_process, visible_processes


@login_required
def units(request):
    """The units I can see, as a tree (indented by depth)."""
    units = list(visible_units(request.user).order_by("path"))
    return render(request, "organisations/units.html", {"units": units, "nav": "units"})


@login_required
def unit_detail(request, pk: int):
    """A unit's forløb, and those of the units below it, as far as I may see them."""
    unit = get_unit_for_user(request.user, pk)
    processes = (
        visible_processes(request.user)
        .filter(unit__path__startswith=unit.path)
        .select_related("unit")
        .order_by("unit__path", "-start_date")
    )
    return render(
        request,
        "organisations/unit_detail.html",
        {
            "unit": unit,
            "ancestors": list(unit.ancestors_and_self().exclude(pk=unit.pk)),
            "processes": processes,
            "children": visible_units(request.user).filter(parent=unit),
            "can_create": can_create_process(request.user, unit),
            "nav": "units",
        },
    )


@require_GET
def privacy_index(request):
    """Public: the privacy page of the visitor's municipality, or a choice of municipality."""
    if request.user.is_authenticated and request.user.organisation_id:
        return redirect("privacy", slug=request.user.organisation.slug)
    return render(request, "organisations/privacy_index.html", {"organisations": Organisation.objects.all()})


@require_GET
def privacy(request, slug: str):
    """Public: "Sådan behandler vi dine data" for one municipality."""
    org = get_object_or_404(Organisation, slug=slug)
    return render(request, "organisations/privacy.html", {"org": org})


@require_GET
def accessibility(request):
    """Public: links to each municipality's accessibility statement (tilgængelighedserklæring)."""
    return render(request, "organisations/accessibility.html", {"organisations": Organisation.objects.all()})
