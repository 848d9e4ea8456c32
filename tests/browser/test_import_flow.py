"""The facilitator brings steps 1–5 in from Excel, then follows up on an imported solution.

Selectors are ids, names, hrefs and status classes: never interface text, whose Danish is
still being written. The workbook's sheet names and column headers are the file format's
own Danish words, so the test may use them.
"""

from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from playwright.sync_api import Page as Tab
from playwright.sync_api import expect

from tests.pages.registry import World
from samskab.processes.models import Challenge, Solution, SolutionStatus
from tests.browser.conftest import violations_at_both_widths

CHALLENGE = "Vagtbytte skal godkendes af tre personer"
SOLUTION = "Teamet godkender selv vagtbytte"
NO_SUCH_CHALLENGE = 99


def _fill(sheet: Worksheet, rows: list[dict[str, object]]) -> None:
    """Write rows over the example, by column header (a trailing " *" marks a required column)."""
    columns = {str(cell.value).removesuffix(" *"): cell.column for cell in sheet[1] if cell.value}
    sheet.delete_rows(2, sheet.max_row)
    for number, row in enumerate(rows, start=2):
        for header, value in row.items():
            sheet.cell(row=number, column=columns[header], value=value)


def _workbook(template: Path, target: Path, *, challenge_of_second_solution: int) -> Path:
    workbook = load_workbook(template)
    _fill(workbook["Udfordringer"], [{"Nr": 1, "Titel": CHALLENGE, "Hvorfor er det et problem?": "Det tager dage."}])
    _fill(workbook["Løsninger"], [
        {"Nr": 1, "Udfordring nr": 1, "Titel": SOLUTION, "Status": "afprøves"},
        {"Nr": 2, "Udfordring nr": challenge_of_second_solution, "Titel": "Fælles vagtbyttetavle"},
    ])
    _fill(workbook["Opfølgninger"], [
        {"Løsning nr": 1, "Dato": date.today() - timedelta(days=30), "Status": "afprøves",
         "Hvad er der sket?": "Afprøvet i team 2."},
    ])
    _fill(workbook["Målinger"], [])
    workbook.save(target)
    return target


def _upload(tab: Tab, workbook: Path) -> None:
    form = tab.locator('main form[enctype="multipart/form-data"]')
    form.locator('[name="file"]').set_input_files(workbook)
    with tab.expect_navigation():
        form.locator('[type="submit"]').click()


@pytest.mark.browser
def test_the_facilitator_imports_a_workbook_and_follows_up_on_a_solution(page_as, live_world: World, tmp_path):
    process = live_world.process
    challenges_before = process.challenges.count()
    tab = page_as("konsulent")

    # From the forløb page to the import page, and the template.
    tab.goto(process.get_absolute_url())
    import_url = reverse("processes:process_import", args=[process.pk])
    tab.locator(f'a[href="{import_url}"]').click()
    tab.wait_for_url(f"**{import_url}")
    with tab.expect_download() as download:
        tab.locator("#import-template-link").click()
    template = tmp_path / "template.xlsx"
    download.value.save_as(template)
    assert {"Udfordringer", "Løsninger", "Opfølgninger", "Målinger"} <= set(load_workbook(template).sheetnames)

    # A solution names a challenge the workbook does not have: every problem is listed, nothing is imported.
    bad = _workbook(template, tmp_path / "bad.xlsx", challenge_of_second_solution=NO_SUCH_CHALLENGE)
    _upload(tab, bad)
    expect(tab.locator("#import-problems")).to_be_visible()
    problem = tab.locator("#import-problem-1")
    expect(problem).to_contain_text("Løsninger")
    expect(problem).to_contain_text(str(NO_SUCH_CHALLENGE))
    assert process.challenges.count() == challenges_before
    found = violations_at_both_widths(tab)  # at 1280 px and resized to 375 px
    assert not found, found
    assert process.challenges.count() == challenges_before

    # Fixed, it is imported, and the forløb page lists what came in.
    good = _workbook(template, tmp_path / "good.xlsx", challenge_of_second_solution=1)
    _upload(tab, good)
    expect(tab.locator("#import-problems")).to_have_count(0)
    assert urlsplit(tab.url).path == process.get_absolute_url()
    assert Challenge.objects.filter(process=process, title=CHALLENGE).count() == 1
    solution = Solution.objects.get(challenge__process=process, title=SOLUTION)
    assert solution.follow_ups.count() == 1

    # The facilitator opens the imported solution and records that it has stalled.
    tab.locator(f'a[href="{solution.get_absolute_url()}"]').first.click()
    expect(tab.locator("#solution-status .status-afproeves")).to_be_visible()
    form = tab.locator(f'form[action="{reverse("processes:follow_up_create", args=[solution.pk])}"]')
    if not form.is_visible():
        tab.locator("#follow-up-area details > summary").click()
    form.locator('[name="status"]').select_option(SolutionStatus.STALLED.value)
    form.locator('[name="happened"]').fill("Vagtplanlæggeren vil ikke give slip.")
    form.locator('[name="blockers"]').fill("Ingen aftale med planlægningen.")
    form.locator('[type="submit"]').click()
    expect(tab.locator("#solution-status .status-haenger")).to_be_visible()
    solution.refresh_from_db()
    assert solution.status == SolutionStatus.STALLED

    # Stalled on the solution page when it is opened again, and on the forløb page.
    tab.goto(solution.get_absolute_url())
    expect(tab.locator("#solution-status .status-haenger")).to_be_visible()
    tab.goto(process.get_absolute_url())
    expect(tab.locator(f'tr.is-stalled:has(a[href="{solution.get_absolute_url()}"]) .status-haenger')).to_be_visible()

    # A participant sees the solution but no way to edit it, and the edit page refuses.
    edit_url = reverse("processes:solution_edit", args=[solution.pk])
    participant = page_as("medarbejder")
    participant.goto(solution.get_absolute_url())
    expect(participant.locator("#solution-status .status-haenger")).to_be_visible()
    expect(participant.locator(f'a[href="{edit_url}"]')).to_have_count(0)
    participant.goto(process.get_absolute_url())
    expect(participant.locator(f'a[href="{import_url}"]')).to_have_count(0)
    expect(participant.locator(f'a[href="{reverse("processes:process_edit", args=[process.pk])}"]')).to_have_count(0)
    response = participant.goto(edit_url)
    assert response is not None and response.status == 403
