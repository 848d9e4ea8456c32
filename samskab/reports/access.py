"""Views reach the round report only through these functions.

The forløb's editors work on the report; its other readers see the last approved version, and
before the first approval the report exists for them only as a page that says so (`NotApprovedYet`).
"""

from django.http import Http404

from samskab.processes.access import Access, process_access
from samskab.reports import services
from samskab.reports.models import RoundReport, RoundReportVersion
from samskab.rounds.access import get_round_for_user
from samskab.rounds.models import EvaluationRound


class NotApprovedYet(Exception):
    """The round report exists for this reader only once a version of it is approved."""


def get_round_report_for_user(user, pk: int, need: Access = Access.READ) -> tuple[EvaluationRound, RoundReport, bool]:
    """The round `pk`, its report and whether `user` edits the forløb (for an editor the draft is made
    when missing); 404 outside the forløb, NotApprovedYet for a reader before the first approval."""
    evaluation_round = get_round_for_user(user, pk, need)
    if process_access(user, evaluation_round.process) >= Access.EDIT:
        return evaluation_round, services.report_for(evaluation_round), True
    report = RoundReport.objects.filter(round=evaluation_round).first()
    if report is None or not report.versions.exists():
        raise NotApprovedYet
    return evaluation_round, report, False


def get_round_report_version_for_user(user, pk: int, number: int) -> tuple[EvaluationRound, RoundReportVersion, bool]:
    """An approved version of the round's report, through the round and its report."""
    evaluation_round, report, editor = get_round_report_for_user(user, pk)
    version = report.versions.filter(number=number).first()
    if version is None:
        raise Http404
    version.report = report
    return evaluation_round, version, editor
