"""Handlingsplan: actions per round (carrying over the unfinished), per forløb and per person; Excel and calendar."""

import re
from datetime import timedelta
from io import BytesIO

from django.urls import reverse
from django.utils import formats, translation
from django.utils.html import escape
from icalendar import Calendar
from openpyxl import load_workbook

from samskab.processes.models import Participant, Process
from samskab.rounds.models import Action, ActionStatus, EvaluationRound
from samskab.rounds import services as round_services
from samskab.workshops import services
from tests.helpers import assert_form_error, html, row, submission, today


def open_round(process: Process) -> EvaluationRound:
    return process.rounds.get(status="aaben")


def participant(process: Process, username: str) -> Participant:
    return Participant.objects.get(process=process, user__username=username)


def action(process: Process, evaluation_round: EvaluationRound, what: str, *, owner="medarbejder", days=14, **fields) -> Action:
    return Action.objects.create(
        round=evaluation_round, what=what, owner=participant(process, owner), deadline=today() + timedelta(days=days), **fields
    )


def test_an_editor_adds_an_action_and_everyone_downloads_the_plan(demo, client_as):
    evaluation_round = open_round(demo)
    url = reverse("actionplan:plan_action_create", args=[evaluation_round.pk])
    client = client_as("leder")
    data = {
        "submission": submission(client.get(url)),
        "what": "Prøv den korte skabelon i team 2",
        "owner": participant(demo, "tr").pk,
        "deadline": (today() + timedelta(days=30)).isoformat(),
    }
    for _attempt in range(2):
        assert client.post(url, data).status_code == 302
    assert Action.objects.filter(round=evaluation_round).count() == 1
    assert "Prøv den korte skabelon i team 2" in html(client_as("med").get(reverse("actionplan:round_plan", args=[evaluation_round.pk])))
    response = client_as("med").get(reverse("actionplan:round_plan_xlsx", args=[evaluation_round.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content)).active
    rows = [[cell for cell in line] for line in sheet.iter_rows(values_only=True)]
    assert rows[1] == ["Runde", "Hvad", "Hvorfor", "Hvem", "Senest", "Status", "Udført den", "Overskredet"]
    assert len(rows) == 3  # the title, the headers and exactly the one action
    found = rows[2]
    assert found[:4] == [evaluation_round.number, "Prøv den korte skabelon i team 2", None, participant(demo, "tr").user.get_full_name()]
    assert found[4].date() == today() + timedelta(days=30)
    assert found[5:] == ["ikke startet", None, None]


def test_overdue_actions_are_marked(demo, client_as):
    evaluation_round = open_round(demo)
    action(demo, evaluation_round, "Glemt opgave", days=-3)
    action(demo, evaluation_round, "Færdig opgave", days=-3, status=ActionStatus.DONE, done_on=today())
    page = client_as("konsulent").get(reverse("actionplan:round_plan", args=[evaluation_round.pk]))
    assert "overskredet" in row(page, "Glemt opgave")
    assert "overskredet" not in row(page, "Færdig opgave")


def test_unfinished_actions_carry_over_into_the_next_round(demo, client_as):
    first = open_round(demo)
    action(demo, first, "Stadig i gang", status=ActionStatus.IN_PROGRESS)
    action(demo, first, "Afsluttet", status=ActionStatus.DONE, done_on=today())
    second = services.round_start(process=demo, by=None)
    page = client_as("konsulent").get(reverse("actionplan:round_plan", args=[second.pk]))
    assert "overført fra runde 1" in row(page, "Stadig i gang")
    assert "Afsluttet" not in html(page)
    everything = html(client_as("konsulent").get(reverse("actionplan:process_plan", args=[demo.pk])))
    assert "Stadig i gang" in everything and "Afsluttet" in everything


def edit_data(page, **fields) -> dict:
    version = re.search(r'name="version" value="(\d+)"', html(page)).group(1)
    return {"version": version, **fields}


def test_the_owner_updates_their_own_action_from_my_actions(demo, client_as):
    mine = action(demo, open_round(demo), "Min opgave")
    other = action(demo, open_round(demo), "Andens opgave", owner="tr")
    client = client_as("medarbejder")
    page = client.get(reverse("actionplan:my_actions"))
    assert "Min opgave" in html(page) and "Andens opgave" not in html(page)
    url = reverse("actionplan:plan_action_edit", args=[mine.pk])
    form = client.get(url + "?next=mine")
    data = edit_data(form, what=mine.what, owner=mine.owner_id, deadline=mine.deadline.isoformat(), status=ActionStatus.DONE, next="mine")
    response = client.post(url, data)
    assert response.status_code == 302 and response.url == reverse("actionplan:my_actions")
    mine.refresh_from_db()
    assert (mine.status, mine.done_on) == (ActionStatus.DONE, today())
    assert client.get(reverse("actionplan:plan_action_edit", args=[other.pk])).status_code == 403


def test_a_deadline_cannot_be_moved_into_the_past_but_an_old_one_may_stay(demo, client_as):
    late = action(demo, open_round(demo), "Sent", days=-10)
    url = reverse("actionplan:plan_action_edit", args=[late.pk])
    client = client_as("konsulent")
    form = client.get(url)
    base = {"what": "Sent", "owner": late.owner_id, "status": ActionStatus.IN_PROGRESS}
    assert client.post(url, edit_data(form, deadline=late.deadline.isoformat(), **base)).status_code == 302
    form = client.get(url)
    response = client.post(url, edit_data(form, deadline=(today() - timedelta(days=1)).isoformat(), **base))
    assert_form_error(response, "deadline")


def test_two_edits_at_once_do_not_overwrite_each_other(demo, client_as):
    shared = action(demo, open_round(demo), "Fælles opgave")
    url = reverse("actionplan:plan_action_edit", args=[shared.pk])
    lene, karin = client_as("leder"), client_as("konsulent")
    lene_form, karin_form = lene.get(url), karin.get(url)
    base = {"owner": shared.owner_id, "deadline": shared.deadline.isoformat(), "status": ActionStatus.IN_PROGRESS}
    assert lene.post(url, edit_data(lene_form, what="Lenes tekst", **base)).status_code == 302
    response = karin.post(url, edit_data(karin_form, what="Karins tekst", **base))
    assert response.status_code == 200
    assert "Karins tekst" in html(response) and "Lenes tekst" in html(response)
    shared.refresh_from_db()
    assert shared.what == "Lenes tekst"


def test_a_closed_round_takes_no_new_actions_but_its_actions_can_be_updated(demo, client_as):
    evaluation_round = open_round(demo)
    existing = action(demo, evaluation_round, "Før lukning")
    round_services.round_close(evaluation_round=evaluation_round, by=None)
    client = client_as("konsulent")
    response = client.post(reverse("actionplan:plan_action_create", args=[evaluation_round.pk]), {"what": "Efter lukning"})
    assert response.status_code == 302
    assert not Action.objects.filter(what="Efter lukning").exists()
    url = reverse("actionplan:plan_action_edit", args=[existing.pk])
    data = edit_data(client.get(url), what="Før lukning", owner=existing.owner_id, deadline=existing.deadline.isoformat(), status=ActionStatus.DONE)
    assert client.post(url, data).status_code == 302


def test_actions_and_the_next_evaluation_download_as_calendar_invitations(demo, client_as):
    due = action(demo, open_round(demo), "Evaluer skabelonen", days=20)
    response = client_as("medarbejder").get(reverse("actionplan:action_ics", args=[due.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Evaluer skabelonen"
    assert event.decoded("DTSTART") == due.deadline
    response = client_as("med").get(reverse("actionplan:evaluation_ics", args=[demo.pk]))
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == demo.next_evaluation
    assert demo.title in str(event["SUMMARY"])


def queries_for(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # fill per-process caches first
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_plans_query_count_does_not_grow_with_the_number_of_actions(demo, client_as):
    from samskab.anchoring.services import anchoring_check_save

    evaluation_round = open_round(demo)
    check = anchoring_check_save(evaluation_round=evaluation_round, scores={}, from_workshop=False, by=None)
    client = client_as("medarbejder")
    urls = [reverse("actionplan:round_plan", args=[evaluation_round.pk]), reverse("actionplan:my_actions"), reverse("actionplan:process_plan", args=[demo.pk])]

    def add(count: int) -> None:
        for index in range(count):
            action(demo, evaluation_round, f"Handling {index}", days=index - 3, source=check if index % 2 else None)

    add(2)
    few = [queries_for(client, url) for url in urls]
    add(20)
    many = [queries_for(client, url) for url in urls]
    assert few == many


def test_an_action_that_is_no_longer_done_loses_its_done_date_everywhere(demo, client_as):
    evaluation_round = open_round(demo)
    done_day = today() - timedelta(days=2)
    done = action(demo, evaluation_round, "Ny skabelon i brug", status=ActionStatus.DONE, done_on=done_day)
    client = client_as("medarbejder")
    url = reverse("actionplan:plan_action_edit", args=[done.pk])
    form = client.get(url + "?next=mine")
    client.post(url, edit_data(form, status=ActionStatus.IN_PROGRESS, done_on=done_day.isoformat(), next="mine"))
    done.refresh_from_db()
    assert (done.status, done.done_on) == (ActionStatus.IN_PROGRESS, None)
    with translation.override("da"):
        shown = formats.date_format(done_day, "j. F Y")
    assert shown not in row(client.get(reverse("actionplan:my_actions")), "Ny skabelon i brug")
    sheet = load_workbook(BytesIO(client.get(reverse("actionplan:round_plan_xlsx", args=[evaluation_round.pk])).content)).active
    cells = next(line for line in sheet.iter_rows(values_only=True) if "Ny skabelon i brug" in line)
    assert not any(hasattr(value, "date") and value.date() == done_day for value in cells)


def test_downloads_write_danish_letters_in_file_names_as_danes_do(demo, client_as):
    evaluation_round = open_round(demo)
    response = client_as("med").get(reverse("actionplan:round_plan_xlsx", args=[evaluation_round.pk]))
    # The demo forløb is "Mindre bøvl, mere tid hos borgerne".
    assert "handlingsplan-mindre-boevl-mere-tid-hos-borgerne-runde-1.xlsx" in response["Content-Disposition"]


def test_the_round_plan_is_filtered_by_owner_status_source_and_overdue_and_sorted(demo, client_as, personas):
    from samskab.actionplan import plan
    from samskab.anchoring.services import anchoring_check_save

    evaluation_round = open_round(demo)
    check = anchoring_check_save(evaluation_round=evaluation_round, scores={}, from_workshop=False, by=None)
    action(demo, evaluation_round, "Medarbejderens sene", owner="medarbejder", days=-3)
    action(demo, evaluation_round, "Medarbejderens næste", owner="medarbejder", days=10, status=ActionStatus.IN_PROGRESS)
    action(demo, evaluation_round, "TR's fra forankringen", owner="tr", days=5, source=check)
    client = client_as("med")
    url = reverse("actionplan:round_plan", args=[evaluation_round.pk])
    tr = participant(demo, "tr")

    def shown(**choices) -> list[str]:
        page = html(client.get(url, choices))
        return [what for what in ("Medarbejderens sene", "Medarbejderens næste", "TR's fra forankringen") if escape(what) in page]

    assert shown(owner=tr.pk) == ["TR's fra forankringen"]
    assert shown(status=ActionStatus.IN_PROGRESS) == ["Medarbejderens næste"]
    assert shown(source="anchoringcheck") == ["TR's fra forankringen"]
    assert shown(overdue="on") == ["Medarbejderens sene"]
    total = len(plan.round_plan(evaluation_round, seen_by=personas["med"]))
    assert f"1 af {total} handlinger vises" in html(client.get(url, {"overdue": "on"}))
    page = html(client.get(url, {"sort": "owner"}))
    assert page.index("Medarbejderens") < page.index(escape("TR's fra forankringen"))  # Mette before Tina
    page = html(client.get(url, {"sort": "deadline"}))
    assert page.index("Medarbejderens sene") < page.index(escape("TR's fra forankringen")) < page.index("Medarbejderens næste")


def test_the_plans_excel_file_can_be_filtered_in_excel(demo, client_as):
    evaluation_round = open_round(demo)
    action(demo, evaluation_round, "En handling")
    action(demo, evaluation_round, "En anden")
    sheet = load_workbook(BytesIO(client_as("med").get(reverse("actionplan:round_plan_xlsx", args=[evaluation_round.pk])).content)).active
    assert sheet.auto_filter.ref == f"A2:H{sheet.max_row}"
