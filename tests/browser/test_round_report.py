"""Rundens afrapportering in the browser: the leder finds it on the round page and approves it; a MED
member reads version 1 and downloads its PDF; the leder makes it a draft again, and the MED member
keeps reading version 1. Every state passes axe."""

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from samskab.reports.models import RoundReport
from tests.browser.conftest import axe_violations, describe
from tests.minutes_helpers import hold_workshop
from tests.test_round_report import MESSAGE, RATIONALE, round_work

pytestmark = pytest.mark.browser


def _assert_accessible(tab, where: str) -> None:
    violations = axe_violations(tab)
    assert not violations, f"{where}\n{describe(violations)}"


def test_the_leder_approves_the_round_report_and_the_med_committee_reads_it(page_as, live_world):
    evaluation_round = hold_workshop(live_world.process).workshop.round
    round_work(live_world.process, evaluation_round)

    reader = page_as("med")
    reader.goto(f"/runder/{evaluation_round.pk}/")
    expect(reader.locator("main")).to_contain_text("Afrapporteringen er ikke godkendt endnu.")

    leader = page_as("leder")
    leader.goto(f"/runder/{evaluation_round.pk}/")
    leader.get_by_role("link", name="Rundens afrapportering").click()
    leader.wait_for_url("**/afrapportering/")
    expect(leader.locator(".alert-warning")).to_contain_text("Kladde")
    _assert_accessible(leader, "the draft, as the leder")
    leader.get_by_role("button", name="Godkend afrapporteringen").click()
    expect(leader.locator("#versioner")).to_be_visible()
    assert RoundReport.objects.get(round=evaluation_round).is_approved
    _assert_accessible(leader, "approved, as the leder")

    reader.goto(f"/runder/{evaluation_round.pk}/")
    reader.get_by_role("link", name="Rundens afrapportering").click()
    reader.wait_for_url("**/afrapportering/")
    expect(reader.locator("main")).to_contain_text(RATIONALE)
    _assert_accessible(reader, "approved, as a MED member")
    with reader.expect_download() as downloading:
        reader.get_by_role("link", name="Hent som PDF (version 1)").click()
    pdf = downloading.value
    assert pdf.suggested_filename == f"afrapportering-runde-{evaluation_round.number}-v1.pdf"
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf.path()).pages)
    assert RATIONALE in text and MESSAGE in text

    leader.locator("label[for=id_confirm]").click()  # the design system draws the box on the label
    leader.get_by_role("button", name="Gør til kladde igen").click()
    expect(leader.get_by_role("button", name="Godkend afrapporteringen")).to_be_visible()
    reader.reload()
    expect(reader.locator(".alert-info")).to_contain_text("version 1")
    expect(reader.locator("main")).to_contain_text(RATIONALE)
    _assert_accessible(reader, "a new version prepared, as a MED member")
