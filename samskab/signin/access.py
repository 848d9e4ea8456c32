from django.shortcuts import get_object_or_404

from samskab.administration.access import administered_organisation
from samskab.signin.models import RoleMapping


def get_role_mapping_for_admin(user, pk: int) -> RoleMapping:
    """A role mapping of the municipality `user` administers, or 404."""
    return get_object_or_404(RoleMapping, pk=pk, organisation=administered_organisation(user))
