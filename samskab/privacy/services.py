"""Writes of the privacy app: a municipality's retention periods."""

from samskab.privacy.models import RetentionPeriods


def retention_periods_save(*, periods: RetentionPeriods, by) -> RetentionPeriods:
    periods.save()
    return periods
