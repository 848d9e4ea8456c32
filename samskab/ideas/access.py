"""Who reaches the list of ideas. Not visible is a 404; visible but not allowed is a 403.

The list is for central konsulenter and the members of the MED-hovedudvalg; triage and starting
a forløb from an idea are the central konsulent's.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from samskab.ideas.models import Idea
from samskab.organisations.access import scope_for


def may_read(user) -> bool:
    return scope_for(user).sees_portfolio()


def may_triage(user) -> bool:
    return scope_for(user).is_central_consultant()


def require_reader(user) -> None:
    if not may_read(user):
        raise Http404


def listed_ideas(user) -> QuerySet[Idea]:
    """The listed ideas of the user's own municipality (after `require_reader`)."""
    return Idea.objects.filter(organisation_id=scope_for(user).organisation_id, listed=True)


def get_idea_to_triage(user, pk: int) -> Idea:
    """A listed idea of the user's municipality, for a central konsulent (403 for the MED-hovedudvalg)."""
    require_reader(user)
    idea = listed_ideas(user).select_related("unit", "process", "round", "started_process").filter(pk=pk).first()
    if idea is None:
        raise Http404
    if not may_triage(user):
        raise PermissionDenied
    return idea
