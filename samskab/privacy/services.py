"""Writes of the privacy app: a municipality's retention periods, erasing a person."""

from samskab.privacy import erasure
from samskab.privacy.models import RetentionPeriods


def retention_periods_save(*, periods: RetentionPeriods, by) -> RetentionPeriods:
    periods.save()
    return periods


def person_erase(*, person, new_owners: dict, by):
    """Erase `person` after giving their open actions to `new_owners` (see privacy.erasure)."""
    return erasure.erase(person=person, new_owners=new_owners, by=by)
