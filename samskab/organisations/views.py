from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from samskab.organisations.access import visible_units
from samskab.organisations.models import Organisation


@login_required
def units(request):
    """The units I can see, as a tree (indented by depth)."""
    units = list(visible_units(request.user).order_by("path"))
    return render(request, "organisations/units.html", {"units": units, "nav": "units"})


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
