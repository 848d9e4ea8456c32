"""The round report's pages of the page registry."""

from collections.abc import Callable

from tests.pages.naming import reverse
from tests.pages.page import EDITORS, READERS, Page, World, world_url

from samskab.accounts.models import User


def _approved_report(name: str) -> Callable[[World], str]:
    """A URL of version 1 of the demo round's report, approved by the facilitator the first time it is asked for."""

    def url(world: World) -> str:
        from samskab.reports import services as reports

        report = reports.report_for(world.evaluation_round)
        if not report.versions.exists():
            reports.report_approve(report=report, by=User.objects.get(username="konsulent"))
        return reverse(name, args=[world.evaluation_round.pk, 1])

    return url


PAGES: list[Page] = [
    # Rundens afrapportering: the editors' draft; readers are told it is not approved yet (403)
    # until a version is, and then read the versions (tests/test_round_report.py).
    Page("round_report", world_url("round_report", "evaluation_round"), audience=EDITORS),
    Page("round_report_docx", world_url("round_report_docx", "evaluation_round"), audience=EDITORS, html=False),
    Page("round_report_pdf", world_url("round_report_pdf", "evaluation_round"), audience=EDITORS, html=False),
    Page("round_report_approve", world_url("round_report_approve", "evaluation_round"), audience=EDITORS, method="POST", ok=302),
    Page("round_report_reopen", world_url("round_report_reopen", "evaluation_round"), audience=EDITORS, method="POST", ok=302),
    Page("round_report_version", _approved_report("round_report_version"), audience=READERS),
    Page("round_report_version_docx", _approved_report("round_report_version_docx"), audience=READERS, html=False),
    Page("round_report_version_pdf", _approved_report("round_report_version_pdf"), audience=READERS, html=False),
]
