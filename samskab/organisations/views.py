from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from samskab.organisations.access import visible_units
from samskab.organisations.models import Organisation


@login_required
def units(request):
    """The units I can see, as a tree (indented by depth)."""
    units = list(visible_units(request.user).order_by("path"))
    return render(request, "organisations/units.html", {"units": units, "nav": "units"})


@require_GET
def accessibility(request):
    """Public: links to each municipality's accessibility statement (tilgængelighedserklæring)."""
    return render(request, "organisations/accessibility.html", {"organisations": Organisation.objects.all()})
