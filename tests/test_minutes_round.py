"""The approved referat gains what its round decided and planned: decisions, anchoring check, communication and action plan."""

from datetime import timedelta
from decimal import Decimal
from io import BytesIO

from docx import Document
from pypdf import PdfReader

from samskab.anchoring.check import save_scores
from samskab.communication.models import CommunicationRow
from samskab.decisions.models import Decision, DecisionKind, ProcessDecision, ProcessDecisionKind
from samskab.processes.models import Participant
from samskab.workshops.minutes import ensure_draft
from samskab.workshops.models import Action
from tests.helpers import html, today
from tests.minutes_helpers import ACTION, hold_workshop

RATIONALE = "Målingerne viser halv så lang ventetid"
MESSAGE = "Vi har halveret ventetiden på godkendelser"
PLAN_ACTION = "Skriv skabelonen ind i introduktionen"


def round_work(process, evaluation_round) -> None:
    leader = Participant.objects.get(process=process, user__username="leder")
    solution = process.challenges.first().solutions.first()
    Decision.objects.create(
        solution=solution, round=evaluation_round, kind=DecisionKind.CONTINUE, rationale=RATIONALE,
        decided_by=leader, decided_on=today(),
    )  # fmt: skip
    ProcessDecision.objects.create(
        round=evaluation_round, kind=ProcessDecisionKind.SPREAD, rationale="Syd vil gerne", decided_by=leader, decided_on=today()
    )
    save_scores(evaluation_round, {"competences": (Decimal("1.5"), None)}, from_workshop=False)
    CommunicationRow.objects.create(round=evaluation_round, audience="MED-udvalget", message=MESSAGE, channel="MED-møde")
    Action.objects.create(round=evaluation_round, what=PLAN_ACTION, owner=leader, deadline=today() + timedelta(days=30))


def test_the_approved_referat_holds_the_rounds_work_in_every_form(demo, client_as):
    held = hold_workshop(demo)
    workshop = held.workshop
    round_work(demo, workshop.round)
    facilitator = client_as("konsulent")
    assert facilitator.post(f"/workshops/{workshop.pk}/referat/godkend/").status_code == 302
    reader = client_as("med")
    page = html(reader.get(f"/workshops/{workshop.pk}/referat/"))
    word = Document(BytesIO(reader.get(f"/workshops/{workshop.pk}/referat/word/").content))
    word_text = "\n".join(
        [p.text for p in word.paragraphs] + [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    )
    pdf = PdfReader(BytesIO(reader.get(f"/workshops/{workshop.pk}/referat/pdf/").content))
    pdf_text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    for text in (page, word_text, pdf_text):
        for expected in (RATIONALE, "udbred til andre enheder", MESSAGE, PLAN_ACTION, "Vi har kompetencerne til at fortsætte selv"):
            assert expected in text, expected
    assert word_text.count(ACTION) == 1  # the workshop's aftale stands under Aftaler, not again in the plan
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 2"]
    assert {"Beslutninger", "Forankringstjek", "Kommunikationsplan", "Handlingsplan"} <= set(headings)


def test_a_referat_without_the_rounds_work_says_nothing_of_it(demo, client_as):
    held = hold_workshop(demo)
    client_as("konsulent").post(f"/workshops/{held.workshop.pk}/referat/godkend/")
    page = html(client_as("med").get(f"/workshops/{held.workshop.pk}/referat/"))
    assert "Forankringstjek" not in page and "Kommunikationsplan" not in page


def test_approving_the_referat_sets_the_forloebs_next_evaluation(demo, client_as):
    held = hold_workshop(demo)
    minutes = ensure_draft(held.workshop)
    assert minutes.next_evaluation and minutes.next_evaluation != demo.next_evaluation
    client_as("konsulent").post(f"/workshops/{held.workshop.pk}/referat/godkend/")
    demo.refresh_from_db()
    assert demo.next_evaluation == minutes.next_evaluation
