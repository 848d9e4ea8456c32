"""Who reads the portfolio: central konsulenter and the members of the MED-hovedudvalg; for anyone
else it does not exist (404), nor does a unit of another municipality."""

from django.http import Http404

from samskab.organisations.access import scope_for
from samskab.organisations.models import Unit


def portfolio_units_for_user(user) -> list[tuple[int, str, str]]:
    """(pk, name, path) of every unit of the reader's municipality, in tree order."""
    scope = scope_for(user)
    if not scope.sees_portfolio():
        raise Http404
    return list(
        Unit.objects.filter(organisation_id=scope.organisation_id).order_by("path").values_list("pk", "name", "path")
    )


def get_unit_for_portfolio(user, wanted: str, units: list[tuple[int, str, str]]) -> Unit:
    """The unit `wanted` (its pk as text) among the reader's `units`: 404 for any other."""
    known = {str(pk): (pk, name, path) for pk, name, path in units}
    if wanted not in known:
        raise Http404
    pk, name, path = known[wanted]
    return Unit(pk=pk, name=name, path=path, organisation_id=scope_for(user).organisation_id)
