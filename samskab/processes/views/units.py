from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from samskab.organisations.access import get_unit_for_user, visible_units
from samskab.processes.access import can_create_process, visible_processes


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
        "processes/unit_detail.html",
        {
            "unit": unit,
            "ancestors": list(unit.ancestors_and_self().exclude(pk=unit.pk)),
            "processes": processes,
            "children": visible_units(request.user).filter(parent=unit),
            "can_create": can_create_process(request.user, unit),
            "nav": "units",
        },
    )
