"""Which units a person reaches, and how. Views reach units only through these functions."""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.http import Http404

from samskab.organisations.models import EDITING_ROLES, Role, Unit


@dataclass
class Scope:
    """What one person's memberships and MED seats give them, read once per request."""

    organisation_id: int | None
    role_paths: dict[str, list[str]] = field(default_factory=dict)  # role -> unit paths
    med_paths: list[str] = field(default_factory=list)
    participations: dict[int, str] = field(default_factory=dict)  # process id -> role

    def paths(self) -> list[str]:
        return [path for paths in self.role_paths.values() for path in paths]

    def editing_paths(self) -> list[str]:
        return [path for role in EDITING_ROLES for path in self.role_paths.get(role, [])]

    def reads_unit(self, unit: Unit) -> bool:
        return any(unit.is_within(path) for path in self.paths() + self.med_paths)

    def edits_unit(self, unit: Unit) -> bool:
        return any(unit.is_within(path) for path in self.editing_paths())

    def is_central_consultant(self) -> bool:
        """A konsulent at the municipality's top unit: sees every forløb and spreads the method."""
        return any(is_top(path) for path in self.role_paths.get(Role.CONSULTANT, []))

    def in_main_committee(self) -> bool:
        """A member of the MED-hovedudvalg (the MED committee of the top unit)."""
        return any(is_top(path) for path in self.med_paths)

    def sees_portfolio(self) -> bool:
        """The municipality's portfolio is for central konsulenter and the MED-hovedudvalg."""
        return self.is_central_consultant() or self.in_main_committee()


def is_top(path: str) -> bool:
    """True for the path of a unit with no parent ("4/")."""
    return path.count("/") == 1


def scope_for(user) -> Scope:
    """The person's scope, cached on the user object for the rest of the request."""
    if not user.is_authenticated or user.organisation_id is None:
        return Scope(organisation_id=None)
    cached = getattr(user, "_samskab_scope", None)
    if cached is not None:
        return cached
    scope = Scope(organisation_id=user.organisation_id)
    for role, path in user.memberships.values_list("role", "unit__path"):
        scope.role_paths.setdefault(role, []).append(path)
    scope.med_paths = list(user.med_committees.values_list("unit__path", flat=True))
    scope.participations = dict(user.participations.values_list("process_id", "role"))
    user._samskab_scope = scope
    return scope


def under_any(paths: list[str], lookup: str = "path") -> Q:
    """A filter matching units at or below any of `paths` (matches nothing when empty)."""
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(**{f"{lookup}__startswith": path})
    return query


def visible_units(user) -> QuerySet[Unit]:
    scope = scope_for(user)
    if scope.organisation_id is None:
        return Unit.objects.none()
    reach = under_any(scope.paths() + scope.med_paths) | Q(processes__in=list(scope.participations))
    return Unit.objects.filter(reach, organisation_id=scope.organisation_id).distinct()


def get_unit_for_user(user, pk: int) -> Unit:
    try:
        return visible_units(user).get(pk=pk)
    except Unit.DoesNotExist:
        raise Http404 from None
