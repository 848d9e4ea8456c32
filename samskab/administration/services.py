"""Writes of a municipality's administration: units, roles, MED committees and its settings.

Changes to memberships and MED committees are kept in their history (who, when) by simple_history.
"""

from django.db import transaction

from samskab.organisations.models import MedCommittee, Membership, Organisation, Unit


@transaction.atomic
def unit_save(*, unit: Unit, by) -> Unit:
    """Save a new or changed unit; a move takes everything below it along (Unit.save)."""
    unit.save()
    return unit


def membership_add(*, membership: Membership, by) -> Membership:
    membership.save()
    return membership


def membership_remove(*, membership: Membership, by) -> None:
    membership.delete()


@transaction.atomic
def med_committee_save(*, committee: MedCommittee, members, by) -> MedCommittee:
    committee.save()
    committee.members.set(members)
    return committee


def organisation_settings_save(*, organisation: Organisation, by) -> Organisation:
    organisation.save()
    return organisation
