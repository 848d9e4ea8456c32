"""The portfolio (/portefoelje/): who may see it, what its rows count, its .xlsx, and its query count."""

import re
from datetime import timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils import translation
from django.utils.html import escape
from openpyxl import load_workbook

from samskab.anchoring.models import AnchoringCheck, AnchoringScore
from samskab.demo.kommune import DEMO_SLUG
from samskab.decisions.models import Decision, DecisionKind, ProcessDecision, ProcessDecisionKind
from samskab.organisations.models import MedCommittee, Role, Unit
from samskab.portfolio import portfolio as portfolios
from samskab.portfolio.xlsx import PROCESS_COLUMNS, process_headers
from samskab.processes.models import Challenge, FollowUp, Participant, Process, Solution, SolutionStatus, Step
from samskab.rounds.models import Action, ActionStatus, EvaluationRound, RoundStatus
from samskab.workshops.template import ANCHORING_STATEMENTS
from tests.helpers import html, row, today

URL = reverse("portfolio:portfolio")
XLSX = reverse("portfolio:portfolio_xlsx")


def _unit(name: str) -> Unit:
    return Unit.objects.get(organisation__slug=DEMO_SLUG, name=name)


def _titles(response) -> list[str]:
    """The forløb titles in the portfolio table, in order."""
    return re.findall(r'<th scope="row" data-title="[^"]*"><a href="/forloeb/\d+/">([^<]*)</a></th>', html(response))


def _demo_titles() -> set[str]:
    return {escape(t) for t in Process.objects.filter(unit__organisation__slug=DEMO_SLUG).values_list("title", flat=True)}


# --- who may see it ---------------------------------------------------------------------------


def test_the_central_konsulent_sees_every_process_of_the_municipality_and_none_of_another(client_as):
    response = client_as("central").get(URL)
    assert response.status_code == 200
    titles = set(_titles(response))
    assert titles == _demo_titles()
    assert {"Mindre bøvl, mere tid hos borgerne", "Færre faste skemaer"} <= titles
    assert "Enklere indkøb" not in html(response)


def test_a_member_of_the_med_hovedudvalg_sees_it(client_as, personas):
    assert client_as("med").get(URL).status_code == 404  # Lokal-MED only, so far
    MedCommittee.objects.get(name="Hovedudvalget").members.add(personas["med"])
    response = client_as("med").get(URL)
    assert response.status_code == 200
    assert set(_titles(response)) == _demo_titles()
    assert client_as("med").get(XLSX).status_code == 200


@pytest.mark.parametrize("who", ["leder", "konsulent", "med", "medarbejder", "tr", "amr", "leder-syd", "admin"])
def test_everybody_else_is_told_it_does_not_exist(who, client_as):
    assert client_as(who).get(URL).status_code == 404
    assert client_as(who).get(XLSX).status_code == 404


def test_the_menu_shows_the_link_only_to_those_who_may_see_it(client_as):
    link = f'href="{URL}"'
    assert link in html(client_as("central").get(reverse("processes:dashboard")))
    assert link not in html(client_as("leder").get(reverse("processes:dashboard")))
    assert link not in html(client_as("med").get(reverse("processes:dashboard")))


def test_another_municipality_sees_its_own_portfolio_and_not_our_units(client_as):
    """nabo is central konsulent of Nabo Kommune: their own forløb, and our units do not exist."""
    response = client_as("nabo").get(URL)
    assert response.status_code == 200
    assert _titles(response) == ["Enklere indkøb"]
    assert "Demo Kommune" not in html(response)
    top = _unit("Demo Kommune")
    assert client_as("nabo").get(URL, {"enhed": top.pk}).status_code == 404
    assert client_as("nabo").get(XLSX, {"enhed": top.pk}).status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


# --- the unit filter ---------------------------------------------------------------------------


def test_the_unit_filter_narrows_to_the_unit_and_the_units_below(client_as):
    client = client_as("central")
    assert _titles(client.get(URL, {"enhed": _unit("Hjemmeplejen Syd").pk})) == ["Færre faste skemaer"]
    both = set(_titles(client.get(URL, {"enhed": _unit("Hjemmeplejen").pk})))
    assert both == {"Mindre bøvl, mere tid hos borgerne", "Færre faste skemaer"}
    page = html(client.get(URL, {"enhed": _unit("Børn og Unge").pk}))
    assert "Mindre bøvl" not in page and "Færre faste skemaer" not in page


@pytest.mark.parametrize("value", ["abc", "999999", "1; DROP TABLE x", "-1"])
def test_a_unit_that_is_not_ours_does_not_exist(value, client_as):
    assert client_as("central").get(URL, {"enhed": value}).status_code == 404


def test_an_unknown_period_is_explained_and_the_page_still_shows(client_as):
    response = client_as("central").get(URL, {"periode": "maaned"})
    assert response.status_code == 200
    assert "periode" in response.context["form"].errors
    assert "form-error-message" in html(response)
    assert set(_titles(response)) == _demo_titles()


def test_counts_over_time_per_quarter(client_as, demo):
    response = client_as("central").get(URL, {"periode": portfolios.QUARTER})
    periods = response.context["portfolio"].periods
    start = demo.start_date
    label = f"{(start.month - 1) // 3 + 1}"
    assert any(p.year == start.year and str(p.quarter) == label and p.started >= 1 for p in periods)
    quarters = [(p.year, p.quarter) for p in periods]
    assert quarters == sorted(quarters) and len(set(quarters)) == len(quarters)


# --- what a row counts -------------------------------------------------------------------------


@pytest.fixture
def constructed(demo, personas):
    """A forløb at Børnehuset Solsikken with known stalled, silent and overdue things."""
    day = today()
    process = Process.objects.create(
        unit=_unit("Børnehuset Solsikken"), title="Færre blanketter i børnehaven", start_date=day - timedelta(days=400),
        step=Step.LEARN, next_evaluation=day - timedelta(days=3),
    )  # fmt: skip
    leader = Participant.objects.create(process=process, user=personas["leder"], role=Role.LEADER)
    challenge = Challenge.objects.create(process=process, title="Blanketter")
    long_ago = timezone.now() - timedelta(days=200)

    def solution(title, status, follow_up_days_ago=None, created=long_ago):
        made = Solution.objects.create(challenge=challenge, title=title, status=status)
        Solution.objects.filter(pk=made.pk).update(created_at=created)
        if follow_up_days_ago is not None:
            FollowUp.objects.create(
                solution=made, date=day - timedelta(days=follow_up_days_ago), status=status, happened="Status"
            )
        return made

    stalled = solution("Hænger", SolutionStatus.STALLED, follow_up_days_ago=5)  # stalled, not silent
    solution("Stille med opfølgning", SolutionStatus.TRIAL, follow_up_days_ago=100)  # silent
    solution("Stille uden opfølgning", SolutionStatus.NOT_STARTED)  # silent: made long ago, never followed up
    solution("Ny", SolutionStatus.NOT_STARTED, created=timezone.now())  # not silent: new
    solution("Fulgt op", SolutionStatus.TRIAL, follow_up_days_ago=10)  # not silent
    solution("Stille, men implementeret", SolutionStatus.IMPLEMENTED, follow_up_days_ago=300)  # not under way
    solution("Hænger og stille", SolutionStatus.STALLED, follow_up_days_ago=90)  # stalled and silent

    first = EvaluationRound.objects.create(
        process=process, number=1, opened_on=day - timedelta(days=200), status=RoundStatus.CLOSED
    )
    second = EvaluationRound.objects.create(process=process, number=2, opened_on=day - timedelta(days=20))
    for what, deadline, status in [
        ("Over tid", -1, ActionStatus.NOT_STARTED),
        ("Over tid, i gang", -30, ActionStatus.IN_PROGRESS),
        ("Udført for sent", -30, ActionStatus.DONE),
        ("Droppet", -30, ActionStatus.DROPPED),
        ("I dag", 0, ActionStatus.NOT_STARTED),
        ("Senere", 10, ActionStatus.NOT_STARTED),
    ]:
        Action.objects.create(
            round=first if deadline < -10 else second, what=what, deadline=day + timedelta(days=deadline), status=status,
            done_on=day - timedelta(days=2) if status == ActionStatus.DONE else None,
        )  # fmt: skip

    def decide(solution, kind, days_ago, evaluation_round):
        Decision.objects.create(
            solution=solution, round=evaluation_round, kind=kind, rationale="Fordi", decided_by=leader,
            decided_on=day - timedelta(days=days_ago),
        )  # fmt: skip

    decide(stalled, DecisionKind.CONTINUE, 190, first)
    decide(stalled, DecisionKind.STOP, 10, second)  # the latest decision on it counts
    other = Solution.objects.get(title="Fulgt op")
    decide(other, DecisionKind.ADJUST, 10, second)
    for number, evaluation_round in [(1, first), (2, second)]:
        ProcessDecision.objects.create(
            round=evaluation_round, kind=ProcessDecisionKind.SPREAD if number == 1 else ProcessDecisionKind.NEW_ROUND,
            rationale="Fordi", decided_by=leader, decided_on=day - timedelta(days=190 if number == 1 else 5),
        )  # fmt: skip
    return {"process": process, "first": first, "second": second}


def _scores(evaluation_round, scores: dict[str, tuple[Decimal | None, int | None]]) -> AnchoringCheck:
    check = AnchoringCheck.objects.create(round=evaluation_round, from_workshop=True)
    statements = dict(ANCHORING_STATEMENTS)
    for key, (average, respondents) in scores.items():
        AnchoringScore.objects.create(
            anchoring_check=check, key=key, statement=str(statements[key]), average=average, respondents=respondents
        )
    return check


def _row(portfolio, title: str):
    return next(r for r in portfolio.rows if r.title == title)


def test_stalled_silent_overdue_and_decisions_are_counted_as_the_forløb_page_counts_them(constructed, personas, client_as):
    result = portfolios.build(personas["central"])
    row = _row(result, "Færre blanketter i børnehaven")
    assert (row.solutions, row.stalled, row.silent, row.overdue_actions) == (7, 2, 3, 2)
    assert row.evaluation_overdue and row.rounds == 2
    assert row.decisions == {DecisionKind.STOP: 1, DecisionKind.ADJUST: 1}
    assert row.process_decision == ProcessDecisionKind.NEW_ROUND
    # The forløb's own page counts the same stalled and silent solutions.
    process_page = client_as("central").get(reverse("processes:process", args=[constructed["process"].pk]))
    assert process_page.context["counts"]["stalled"] == 2
    assert process_page.context["counts"]["silent"] == 3
    # And the portfolio page shows them in the forløb's row.
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row_html := _page_row(client_as, "Færre blanketter i børnehaven"))
    assert cells[3:6] == ["2", "3", "2"]
    assert "status-haenger" in cells[2]  # the next evaluation is overdue
    assert "stoppes: 1" in row_html.lower() or "stop: 1" in row_html.lower()


def _page_row(client_as, title: str) -> str:
    return row(client_as("central").get(URL), escape(title))


def test_the_totals_add_up_the_rows(constructed, personas):
    result = portfolios.build(personas["central"])
    totals = result.totals
    assert totals.processes == len(result.rows)
    assert totals.stalled == sum(r.stalled for r in result.rows)
    assert totals.silent == sum(r.silent for r in result.rows)
    assert totals.overdue_actions == sum(r.overdue_actions for r in result.rows) >= 2
    assert totals.decisions[DecisionKind.STOP] >= 1
    assert totals.process_decisions[ProcessDecisionKind.NEW_ROUND] >= 1


def test_counts_over_time_count_what_happened_in_each_year(constructed, personas):
    result = portfolios.build(personas["central"])
    this_year = next(p for p in result.periods if p.year == today().year)
    done = Action.objects.filter(status=ActionStatus.DONE, done_on__year=today().year, round__process__unit__organisation__slug=DEMO_SLUG)
    assert this_year.actions_done == done.count() >= 1
    assert sum(p.started for p in result.periods) == len(result.rows)
    assert sum(p.rounds for p in result.periods) == EvaluationRound.objects.filter(process__unit__organisation__slug=DEMO_SLUG).count()


def test_anchoring_average_and_its_change_since_the_previous_round(constructed, personas, client_as):
    keys = [key for key, _text in ANCHORING_STATEMENTS]
    _scores(constructed["first"], {keys[0]: (Decimal("3.0"), 6), keys[1]: (Decimal("4.0"), 6)})
    _scores(constructed["second"], {keys[0]: (Decimal("4.0"), 6), keys[1]: (Decimal("4.5"), 6), keys[2]: (None, 2)})
    row = _row(portfolios.build(personas["central"]), "Færre blanketter i børnehaven")
    assert row.anchoring.average == Decimal("4.3")  # (4.0 + 4.5) / 2, the hidden statement left out
    assert row.anchoring.previous == Decimal("3.5")
    assert row.anchoring.change == Decimal("0.8")
    assert row.anchoring.hidden_statements == 1 and not row.anchoring.hidden_reason
    cells = re.findall(r"<td[^>]*>(.*?)</td>", _page_row(client_as, "Færre blanketter i børnehaven"))
    assert cells[-2].startswith("4,3") and cells[-1] == "+0,8"


def test_an_anchoring_average_hidden_in_the_check_is_hidden_here_with_the_reason(constructed, personas, client_as):
    keys = [key for key, _text in ANCHORING_STATEMENTS]
    _scores(constructed["first"], {keys[0]: (Decimal("2.0"), 5)})
    _scores(constructed["second"], {key: (None, 3) for key in keys})  # 3 answers, fewer than the smallest group
    row = _row(portfolios.build(personas["central"]), "Færre blanketter i børnehaven")
    assert row.anchoring.average is None and row.anchoring.change is None
    assert row.anchoring.hidden_reason
    client = client_as("central")
    check_page = html(client.get(reverse("anchoring:anchoring_check", args=[constructed["second"].pk])))
    assert escape(row.anchoring.hidden_reason) in check_page  # the same words as the check itself
    cells = re.findall(r"<td[^>]*>(.*?)</td>", _page_row(client_as, "Færre blanketter i børnehaven"))
    assert escape(row.anchoring.hidden_reason) in cells[-2] and cells[-1] == "–"
    assert "3" in row.anchoring.hidden_reason


# --- the .xlsx ---------------------------------------------------------------------------------


def test_the_xlsx_holds_the_same_rows_and_numbers_as_the_page(constructed, client_as):
    keys = [key for key, _text in ANCHORING_STATEMENTS]
    _scores(constructed["second"], {keys[0]: (Decimal("4.0"), 6)})
    client = client_as("central")
    page = client.get(URL)
    response = client.get(XLSX)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    workbook = load_workbook(BytesIO(response.content))
    sheet = workbook.worksheets[0]
    headers = [cell.value for cell in sheet[2]]
    assert headers[:4] == ["Enhed", "Forløb", "Trin", "Næste evaluering"]  # Danish headers
    with translation.override("da"):
        assert headers == process_headers()
    rows = [dict(zip(PROCESS_COLUMNS, (c.value for c in cells))) for cells in sheet.iter_rows(min_row=3)]
    total, rows = rows[-1], rows[:-1]
    assert [escape(r["process"]) for r in rows] == _titles(page)
    built = {r.title: r for r in page.context["portfolio"].rows}
    for values in rows:
        expected = built[values["process"]]
        assert values["unit"] == expected.unit_name
        assert values["step"] == expected.step
        assert values["next_evaluation"] == (
            None if expected.next_evaluation is None else _midnight(expected.next_evaluation)
        )  # a date, not text
        numbers = [values["stalled"], values["silent"], values["overdue_actions"]]
        assert numbers == [expected.stalled, expected.silent, expected.overdue_actions]
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row(page, escape(expected.title)))
        assert cells[3:6] == [str(number) for number in numbers]
    mine = next(r for r in rows if r["process"] == "Færre blanketter i børnehaven")
    assert (mine["stalled"], mine["silent"], mine["overdue_actions"]) == (2, 3, 2)
    assert mine["anchoring"] == 4.0
    assert mine[f"decision:{DecisionKind.STOP.value}"] == 1
    assert total["stalled"] == sum(r["stalled"] for r in rows)
    over_time = workbook.worksheets[1]
    years = [cells[0].value for cells in over_time.iter_rows(min_row=3)]
    assert years == [p.year for p in page.context["portfolio"].periods]
    assert all(isinstance(year, int) for year in years)


def _midnight(day):
    from datetime import datetime

    return datetime(day.year, day.month, day.day)


def test_the_xlsx_honours_the_unit_filter(client_as):
    response = client_as("central").get(XLSX, {"enhed": _unit("Hjemmeplejen Syd").pk})
    sheet = load_workbook(BytesIO(response.content)).worksheets[0]
    titles = [cells[1].value for cells in sheet.iter_rows(min_row=3)][:-1]  # the last row is the total
    assert titles == ["Færre faste skemaer"]


def test_the_download_link_carries_the_filter(client_as):
    unit = _unit("Hjemmeplejen Syd")
    page = html(client_as("central").get(URL, {"enhed": unit.pk}))
    assert f'href="{XLSX}?enhed={unit.pk}"' in page


# --- the query count does not grow with the number of forløb -----------------------------------


def _many(count: int, personas, offset: int = 0) -> None:
    """`count` forløb with solutions, follow-ups, rounds, actions, decisions and anchoring checks."""
    day = today()
    unit = _unit("Børnehuset Solsikken")
    keys = [key for key, _text in ANCHORING_STATEMENTS]
    for number in range(offset, offset + count):
        process = Process.objects.create(unit=unit, title=f"Forløb {number}", start_date=day - timedelta(days=number))
        leader = Participant.objects.create(process=process, user=personas["leder"], role=Role.LEADER)
        challenge = Challenge.objects.create(process=process, title="Bøvl")
        solution = Solution.objects.create(challenge=challenge, title="Løsning", status=SolutionStatus.STALLED)
        FollowUp.objects.create(solution=solution, date=day - timedelta(days=90), status=SolutionStatus.STALLED, happened="x")
        for round_number in (1, 2):
            evaluation_round = EvaluationRound.objects.create(process=process, number=round_number, opened_on=day)
            Action.objects.create(round=evaluation_round, what="Gør det", deadline=day - timedelta(days=1))
            Decision.objects.create(
                solution=solution, round=evaluation_round, kind=DecisionKind.ADJUST, rationale="x", decided_by=leader,
                decided_on=day,
            )  # fmt: skip
            ProcessDecision.objects.create(
                round=evaluation_round, kind=ProcessDecisionKind.NEW_ROUND, rationale="x", decided_by=leader, decided_on=day
            )
            _scores(evaluation_round, {keys[0]: (Decimal("3.0"), 5), keys[1]: (None, 2)})


def _queries(callable_) -> int:
    with CaptureQueriesContext(connection) as queries:
        callable_()
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_number_of_processes(personas, client_as):
    client = client_as("central")
    _many(4, personas)
    central = personas["central"]
    client.get(URL)  # sessions settle
    portfolios.build(central)  # the person's scope is read once and kept on the user object
    few_build = _queries(lambda: portfolios.build(central))
    few_page, few_xlsx = _queries(lambda: client.get(URL)), _queries(lambda: client.get(XLSX))
    _many(8, personas, offset=4)
    assert len(portfolios.build(central).rows) >= 12
    assert _queries(lambda: portfolios.build(central)) == few_build
    assert _queries(lambda: client.get(URL)) == few_page
    assert _queries(lambda: client.get(XLSX)) == few_xlsx


def test_the_portfolio_speaks_of_overdue_actions_as_overdue(demo, client_as):
    page = html(client_as("central").get(reverse("portfolio:portfolio")))
    assert "overskredne handlinger" in page.lower() and "handlinger over tid" not in page.lower()
