"""A challenge's status is read from the statuses of its solutions."""

import pytest

from samskab.processes.models import Challenge, Solution, SolutionStatus, challenge_status

NOT_STARTED = SolutionStatus.NOT_STARTED
TRIAL = SolutionStatus.TRIAL
IMPLEMENTED = SolutionStatus.IMPLEMENTED
STALLED = SolutionStatus.STALLED
STOPPED = SolutionStatus.STOPPED


def test_a_challenge_without_solutions_has_no_status():
    assert challenge_status([]) is None


@pytest.mark.parametrize("status", list(SolutionStatus))
def test_one_solution_gives_its_status_to_the_challenge(status):
    assert challenge_status([status]) == status


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([IMPLEMENTED, IMPLEMENTED], IMPLEMENTED),
        ([NOT_STARTED, NOT_STARTED], NOT_STARTED),
        ([STOPPED, STOPPED], STOPPED),
        # One stalled solution stalls the challenge, whatever the others do.
        ([IMPLEMENTED, STALLED], STALLED),
        ([TRIAL, STALLED, NOT_STARTED], STALLED),
        ([STOPPED, STALLED], STALLED),
        # Stopped solutions do not count while another remains.
        ([STOPPED, IMPLEMENTED], IMPLEMENTED),
        ([STOPPED, NOT_STARTED], NOT_STARTED),
        ([STOPPED, TRIAL], TRIAL),
        # Work has begun but is not done everywhere: being tried.
        ([IMPLEMENTED, NOT_STARTED], TRIAL),
        ([IMPLEMENTED, TRIAL], TRIAL),
        ([TRIAL, NOT_STARTED], TRIAL),
    ],
)
def test_it_combines_the_statuses_of_several_solutions(statuses, expected):
    assert challenge_status(statuses) == expected


def test_the_order_of_the_solutions_does_not_matter():
    assert challenge_status([STALLED, IMPLEMENTED]) == challenge_status([IMPLEMENTED, STALLED])
    mixed = [NOT_STARTED, STOPPED, IMPLEMENTED]
    assert challenge_status(mixed) == challenge_status(list(reversed(mixed)))


def test_it_accepts_the_stored_values():
    assert challenge_status(["afproeves", "stoppet"]) == TRIAL


def test_the_challenge_reads_its_status_from_its_saved_solutions(demo):
    challenge = Challenge.objects.get(title="Møder tager tid fra borgerne")  # one stopped, one implemented
    assert challenge.status() == IMPLEMENTED
    Solution.objects.create(challenge=challenge, title="Stående møder", status=STALLED)
    assert Challenge.objects.get(pk=challenge.pk).status() == STALLED
