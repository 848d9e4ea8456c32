"""Whom a municipality administrator may erase or export: a person of their own municipality."""

from django.shortcuts import get_object_or_404

from samskab.accounts.models import User
from samskab.administration.access import administered_organisation


def people_for_admin(user):
    return User.objects.filter(organisation=administered_organisation(user)).order_by("first_name", "last_name", "username")


def get_person_for_admin(user, pk: int) -> User:
    """Someone of the administrator's municipality, not the administrator themself (404 otherwise)."""
    return get_object_or_404(people_for_admin(user).exclude(pk=user.pk), pk=pk)
