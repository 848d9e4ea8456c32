"""The Excel import of steps 1–5 through HTTP: template, upload, all-or-nothing, access, double submit."""

import re
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from tests.pages.naming import reverse  # names given bare, in parameters
from django.utils.html import escape
from openpyxl import load_workbook

from samskab.processes.models import Challenge, FollowUp, Indicator, Measurement, Solution
from tests.test_excel_import import good_sheets, xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MODELS = (Challenge, Solution, FollowUp, Indicator, Measurement)


def counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in MODELS)


def upload(content: bytes, name: str = "forloeb.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=XLSX)


def submission(response) -> str:
    match = re.search(r'name="submission" value="([0-9a-f-]+)"', response.content.decode())
    assert match, "the import form has no submission id"
    return match.group(1)


def post_file(client, process, content: bytes, name: str = "forloeb.xlsx", submission_id: str | None = None):
    url = reverse("processes:process_import", args=[process.pk])
    submission_id = submission_id or submission(client.get(url))
    return client.post(url, {"file": upload(content, name), "submission": submission_id})


def problem_rows(response) -> list[tuple[str, str, str]]:
    """(sheet, row, column) of each row of the problem table on the page."""
    found = []
    for row in re.findall(r'<tr id="import-problem-\d+".*?</tr>', response.content.decode(), re.DOTALL):
        cells = [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.DOTALL)]
        found.append((cells[0], cells[1], cells[2]))
    return found


def test_the_page_explains_links_the_template_and_has_the_upload_form(demo, client_as):
    response = client_as("konsulent").get(reverse("processes:process_import", args=[demo.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert reverse("processes:import_template", args=[demo.pk]) in page
    assert 'id="id_file"' in page and 'name="file"' in page and 'type="file"' in page
    form = re.search(r"<form[^>]*enctype=\"multipart/form-data\"[^>]*>", page)
    assert form and "novalidate" in form.group(0)
    assert 'type="submit"' in page


def test_the_facilitator_downloads_the_template_and_it_reads_back(demo, client_as):
    response = client_as("konsulent").get(reverse("processes:import_template", args=[demo.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert "attachment" in response["Content-Disposition"]
    workbook = load_workbook(BytesIO(b"".join(response.streaming_content)))
    assert workbook.sheetnames == ["Vejledning", "Udfordringer", "Løsninger", "Opfølgninger", "Målinger"]
    headers = {name: [cell.value for cell in workbook[name][1]] for name in workbook.sheetnames[1:]}
    assert headers["Udfordringer"][:2] == ["Nr *", "Titel *"]
    assert "Udfordring nr *" in headers["Løsninger"] and "Status" in headers["Løsninger"]
    assert "Løsning nr *" in headers["Opfølgninger"] and "Før/efter *" in headers["Målinger"]
    assert workbook["Udfordringer"].max_row == 2  # the header and one example row
    lists = [v.formula1 for v in workbook["Løsninger"].data_validations.dataValidation if v.type == "list"]
    assert lists == ['"ikke startet,afprøves,implementeret,hænger i bremsen,stoppet"']
    phases = [v.formula1 for v in workbook["Målinger"].data_validations.dataValidation if v.type == "list"]
    assert phases == ['"før,efter"']
    guide = " ".join(str(cell.value) for row in workbook["Vejledning"].iter_rows() for cell in row if cell.value)
    assert demo.title in guide
    for username in ("konsulent", "leder", "medarbejder", "tr", "amr"):
        assert username in guide
    assert "nabo" not in guide


def test_the_template_filled_in_imports(demo, client_as):
    client = client_as("konsulent")
    template = b"".join(client.get(reverse("processes:import_template", args=[demo.pk])).streaming_content)
    workbook = load_workbook(BytesIO(template))
    workbook["Udfordringer"]["B2"] = "Vagtplanen skal godkendes tre gange"
    workbook["Løsninger"]["C2"] = "Én godkendelse"
    workbook["Løsninger"]["F2"] = "leder@demo-kommune.example"
    workbook["Opfølgninger"]["D2"] = "Aftalt på personalemødet"
    workbook["Målinger"]["B2"] = "Dage til godkendelse"
    filled = BytesIO()
    workbook.save(filled)
    before = counts()
    response = post_file(client, demo, filled.getvalue())
    assert response.status_code == 302
    assert response["Location"] == demo.get_absolute_url()
    assert counts() == tuple(n + 1 for n in before)
    solution = Solution.objects.get(title="Én godkendelse")
    assert solution.challenge.title == "Vagtplanen skal godkendes tre gange"
    assert solution.owner.username == "leder"
    assert solution.status == "afproeves"


def test_a_filled_workbook_imports_everything_and_says_what_was_created(demo, client_as, personas):
    client = client_as("konsulent")
    before = counts()
    response = post_file(client, demo, xlsx(good_sheets()).getvalue())
    assert response.status_code == 302 and response["Location"] == demo.get_absolute_url()
    assert counts() == (before[0] + 2, before[1] + 3, before[2] + 2, before[3] + 2, before[4] + 3)

    highest_before = 4  # the demo forløb has four challenges
    first = Challenge.objects.get(process=demo, title="Dobbelt dokumentation")
    assert (first.description, first.why_problem, first.affected, first.priority) == (
        "Skrives to steder", "Tager tid", "SOSU'er", 1
    )
    assert Challenge.objects.get(process=demo, title="Kørselsgodkendelse").priority == highest_before + 1
    template = Solution.objects.get(challenge=first, title="Fælles skabelon")
    assert (template.owner, template.start_date, template.status) == (
        personas["leder"], date(2026, 1, 15), "implementeret"
    )
    tablets = Solution.objects.get(challenge=first, title="Tablets")
    assert (tablets.owner, tablets.status) == (personas["tr"], "haenger")
    follow_up = tablets.follow_ups.get()
    assert (follow_up.date, follow_up.status, follow_up.author) == (date(2026, 3, 1), "haenger", personas["konsulent"])
    assert template.follow_ups.get().status == "afproeves"  # kept as history; the solution keeps its own status
    indicator = template.indicators.get()
    assert (indicator.name, indicator.unit) == ("Minutter pr. vagt", "minutter")
    assert [(m.phase, m.value) for m in indicator.measurements.order_by("date")] == [
        ("foer", Decimal("55.00")), ("efter", Decimal("38.50"))
    ]
    assert first.history.get().history_user == personas["konsulent"]

    page = client.get(response["Location"])
    assert "Fælles skabelon" in page.content.decode()
    [message] = [str(m) for m in page.context["messages"]]
    assert re.findall(r"\d+", message) == ["2", "3", "2", "2", "3"]  # challenges … measurements


def test_a_workbook_with_bad_rows_imports_nothing_and_lists_each_problem(demo, client_as):
    sheets = good_sheets()
    sheets["Udfordringer"].append([3, "", None, None, None, "høj"])
    sheets["Løsninger"].append([13, 9, "Løsning", None, None, "nabo", "31-02-2026", "igang"])
    sheets["Målinger"].append([10, "Minutter pr. vagt", "minutter", "før", "mange", "01-01-2026", ""])
    before = counts()
    response = post_file(client_as("konsulent"), demo, xlsx(sheets).getvalue())
    assert response.status_code == 200
    assert counts() == before
    assert problem_rows(response) == [
        ("Udfordringer", "4", "B: Titel"),
        ("Udfordringer", "4", "F: Prioritet"),
        ("Løsninger", "5", "B: Udfordring nr"),
        ("Løsninger", "5", "F: Ejer"),
        ("Løsninger", "5", "G: Startdato"),
        ("Løsninger", "5", "H: Status"),
        ("Målinger", "5", "E: Værdi"),
    ]
    page = response.content.decode()
    assert 'class="alert alert-error"' in page and escape("'igang'") in page and "31-02-2026" in page
    assert 'id="id_file"' in page  # the user can upload the fixed file at once


def test_nothing_is_imported_when_only_the_last_sheet_has_a_problem(demo, client_as):
    sheets = good_sheets()
    sheets["Målinger"][0][3] = "under"
    before = counts()
    response = post_file(client_as("konsulent"), demo, xlsx(sheets).getvalue())
    assert response.status_code == 200
    assert counts() == before
    assert problem_rows(response) == [("Målinger", "2", "D: Før/efter")]


def test_danish_decimal_commas_and_dates_are_read_as_meant(demo, client_as):
    sheets = {
        "Udfordringer": [[1, "Bøvl", None, None, None, None]],
        "Løsninger": [[1, 1, "Løsning", None, None, None, "02.01.2026", "Afprøves"]],
        "Målinger": [[1, "Tid", "timer", "før", "1.234,5", "15-03-2026", ""],
                     [1, "Tid", "", "EFTER", "38,5", "2026-04-01", ""]],
    }
    response = post_file(client_as("konsulent"), demo, xlsx(sheets).getvalue())
    assert response.status_code == 302
    solution = Solution.objects.get(title="Løsning", challenge__process=demo)
    assert (solution.start_date, solution.status) == (date(2026, 1, 2), "afproeves")
    measurements = Measurement.objects.filter(indicator__solution=solution).order_by("date")
    assert [(m.phase, m.value, m.date) for m in measurements] == [
        ("foer", Decimal("1234.50"), date(2026, 3, 15)),
        ("efter", Decimal("38.50"), date(2026, 4, 1)),
    ]


def one_sheet_zip() -> bytes:
    import zipfile

    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "ikke et regneark")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "content, name",
    [
        (bytes(range(256)) * 20, "forloeb.xlsx"),
        ("Nr;Titel\n1;Bøvl\n".encode(), "forloeb.xlsx"),
        ("Nr,Titel\n1,Bøvl\n".encode(), "forloeb.csv"),
        (one_sheet_zip(), "forloeb.xlsx"),
        (xlsx({"Udfordringer": [], "Løsninger": []}).getvalue(), "forloeb.xlsx"),
        (xlsx(good_sheets()).getvalue()[:4000], "forloeb.xlsx"),
        (b"PK" + b"\x00" * (5 * 1024 * 1024), "forloeb.xlsx"),
    ],
    ids=["random-bytes", "renamed-text", "csv", "zip-not-workbook", "empty-workbook", "truncated", "too-large"],
)
def test_hostile_files_get_a_clear_message_and_nothing_is_imported(demo, client_as, content, name):
    before = counts()
    response = post_file(client_as("konsulent"), demo, content, name)
    assert response.status_code == 200
    assert counts() == before
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1
    assert escape(errors[0]) in response.content.decode()
    assert 'class="form-error-message"' in response.content.decode()


def test_too_many_rows_get_a_clear_message_and_nothing_is_imported(demo, client_as):
    before = counts()
    rows = [[number, f"Bøvl {number}"] for number in range(1, 2002)]
    response = post_file(client_as("konsulent"), demo, xlsx({"Udfordringer": rows}).getvalue())
    assert response.status_code == 200
    assert counts() == before
    assert problem_rows(response) == [("Udfordringer", "–", "–")]


def test_no_file_is_a_form_error(demo, client_as):
    client = client_as("konsulent")
    url = reverse("processes:process_import", args=[demo.pk])
    response = client.post(url, {"submission": submission(client.get(url))})
    assert response.status_code == 200
    assert "file" in response.context["form"].errors


@pytest.mark.parametrize("username", ["medarbejder", "med"])
@pytest.mark.parametrize("name", ["process_import", "import_template"])
def test_those_who_see_the_process_but_cannot_edit_it_get_403(demo, client_as, name, username):
    client = client_as(username)
    url = reverse(name, args=[demo.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"file": upload(xlsx(good_sheets()).getvalue())}).status_code == 403


@pytest.mark.parametrize("username", ["nabo", "leder-syd"])
@pytest.mark.parametrize("name", ["process_import", "import_template"])
def test_outsiders_get_404(demo, client_as, name, username):
    client = client_as(username)
    url = reverse(name, args=[demo.pk])
    before = counts()
    assert client.get(url).status_code == 404
    assert client.post(url, {"file": upload(xlsx(good_sheets()).getvalue())}).status_code == 404
    assert counts() == before


def test_the_central_consultant_and_the_leader_may_import(demo, client_as):
    for username in ("central", "leder"):
        assert client_as(username).get(reverse("processes:process_import", args=[demo.pk])).status_code == 200


def test_anonymous_visitors_are_sent_to_log_in(demo, client):
    response = client.get(reverse("processes:process_import", args=[demo.pk]))
    assert response.status_code == 302 and "next=" in response["Location"]


def test_sending_the_same_upload_twice_creates_nothing_new(demo, client_as):
    client = client_as("konsulent")
    url = reverse("processes:process_import", args=[demo.pk])
    submission_id = submission(client.get(url))
    content = xlsx(good_sheets()).getvalue()
    before = counts()
    first = post_file(client, demo, content, submission_id=submission_id)
    after_first = counts()
    second = post_file(client, demo, content, submission_id=submission_id)
    assert first.status_code == second.status_code == 302
    assert after_first != before
    assert counts() == after_first
    levels = [message.level_tag for message in client.get(second["Location"]).context["messages"]]
    assert levels == ["success", "info"]  # the first import's message, then "imported already"


def test_a_second_import_of_another_upload_adds_and_warns_about_same_titles(demo, client_as):
    client = client_as("konsulent")
    content = xlsx(good_sheets()).getvalue()
    post_file(client, demo, content)
    once = counts()
    response = post_file(client, demo, content)
    assert response.status_code == 302
    assert counts()[0] == once[0] + 2
    levels = [message.level_tag for message in client.get(response["Location"]).context["messages"]]
    assert "success" in levels and "warning" in levels
