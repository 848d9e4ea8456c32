"""Solution.is_silent: under way, and no follow-up for more than the municipality's number of days."""

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from samskab.processes.models import Solution, SolutionStatus

TODAY = date(2026, 6, 15)


def solution(status: SolutionStatus, created: date = date(2026, 1, 2)) -> Solution:
    created_at = datetime.combine(created, datetime.min.time(), timezone.utc)
    return Solution(title="Løsning", status=status, created_at=created_at)


@pytest.mark.parametrize("status", [SolutionStatus.NOT_STARTED, SolutionStatus.TRIAL, SolutionStatus.STALLED])
def test_a_solution_under_way_is_silent_after_the_limit(status):
    assert solution(status).is_silent(TODAY - timedelta(days=61), TODAY, 60)


@pytest.mark.parametrize("status", [SolutionStatus.NOT_STARTED, SolutionStatus.TRIAL, SolutionStatus.STALLED])
def test_a_solution_under_way_is_not_silent_on_the_last_day(status):
    assert not solution(status).is_silent(TODAY - timedelta(days=60), TODAY, 60)
    assert not solution(status).is_silent(TODAY, TODAY, 60)


@pytest.mark.parametrize("status", [SolutionStatus.IMPLEMENTED, SolutionStatus.STOPPED])
def test_an_implemented_or_stopped_solution_is_never_silent(status):
    assert not solution(status).is_silent(TODAY - timedelta(days=1000), TODAY, 60)
    assert not solution(status).is_silent(None, TODAY, 0)


def test_the_limit_is_a_setting():
    last = TODAY - timedelta(days=20)
    assert solution(SolutionStatus.TRIAL).is_silent(last, TODAY, 14)
    assert not solution(SolutionStatus.TRIAL).is_silent(last, TODAY, 30)


def test_without_follow_ups_it_counts_from_the_creation():
    assert solution(SolutionStatus.TRIAL, created=TODAY - timedelta(days=61)).is_silent(None, TODAY, 60)
    assert not solution(SolutionStatus.TRIAL, created=TODAY - timedelta(days=59)).is_silent(None, TODAY, 60)


def test_the_newest_follow_up_counts_even_for_an_old_solution():
    old = solution(SolutionStatus.TRIAL, created=TODAY - timedelta(days=400))
    assert not old.is_silent(TODAY - timedelta(days=5), TODAY, 60)


def test_the_day_of_creation_is_the_local_day():
    # Created 00:30 in Copenhagen, which is the day before in UTC: 60 days ago, not 61.
    created = datetime(2026, 4, 16, 0, 30, tzinfo=ZoneInfo("Europe/Copenhagen"))
    assert (TODAY - created.date()).days == 60
    assert not Solution(status=SolutionStatus.TRIAL, created_at=created.astimezone(timezone.utc)).is_silent(
        None, TODAY, 60
    )
