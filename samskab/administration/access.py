"""Who administers a municipality in Samskab, and what they reach: only their own municipality.

A municipality administrator (`User.is_municipality_admin`) manages its units, roles, MED
committees and settings here. The Django admin is for the installation's administrators
(superusers) only. Anything outside the administrator's municipality does not exist (404).
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404

from samskab.organisations.models import MedCommittee, Membership, Organisation, Unit


def is_municipality_admin(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_municipality_admin and user.organisation_id)


def administered_organisation(user) -> Organisation:
    """The municipality `user` administers, or 404."""
    if not is_municipality_admin(user):
        raise Http404
    return user.organisation


def municipality_admin_required(view):
    """Anonymous visitors are sent to the login; others who administer no municipality get 404.
    The view finds the municipality as `request.organisation`."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        request.organisation = administered_organisation(request.user)
        return view(request, *args, **kwargs)

    return wrapped


def get_unit_for_admin(user, pk: int) -> Unit:
    return get_object_or_404(Unit, pk=pk, organisation=administered_organisation(user))


def get_membership_for_admin(user, pk: int) -> Membership:
    return get_object_or_404(
        Membership.objects.select_related("unit", "user"), pk=pk, unit__organisation=administered_organisation(user)
    )


def get_med_committee_for_admin(user, pk: int) -> MedCommittee:
    return get_object_or_404(MedCommittee, pk=pk, unit__organisation=administered_organisation(user))
