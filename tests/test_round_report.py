"""Rundens afrapportering: the round's decisions, anchoring check, communication plan and action plan
reach the MED committee in their own document, approved and frozen like the referat."""

from datetime import timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from docx import Document
from pypdf import PdfReader

from samskab.anchoring.services import anchoring_check_save
from samskab.communication.models import CommunicationRow
from samskab.core import frozen
from samskab.decisions.models import Decision, DecisionKind, ProcessDecision, ProcessDecisionKind
from samskab.processes.models import Participant
from samskab.reports.models import RoundReport
from samskab.rounds.models import Action
from samskab.workshops.minutes_content import ensure_draft
from tests.helpers import html, today
from tests.minutes_helpers import ACTION, hold_workshop

RATIONALE = "Målingerne viser halv så lang ventetid"
MESSAGE = "Vi har halveret ventetiden på godkendelser"
PLAN_ACTION = "Skriv skabelonen ind i introduktionen"


def round_work(process, evaluation_round) -> Decision:
    leader = Participant.objects.get(process=process, user__username="leder")
    solution = process.challenges.first().solutions.first()
    decision = Decision.objects.create(
        solution=solution, round=evaluation_round, kind=DecisionKind.CONTINUE, rationale=RATIONALE,
        decided_by=leader, decided_on=today(),
    )  # fmt: skip
    ProcessDecision.objects.create(
        round=evaluation_round, kind=ProcessDecisionKind.SPREAD, rationale="Syd vil gerne", decided_by=leader, decided_on=today()
    )
    anchoring_check_save(evaluation_round=evaluation_round, scores={"competences": (Decimal("1.5"), None)}, from_workshop=False, by=None)
    CommunicationRow.objects.create(round=evaluation_round, audience="MED-udvalget", message=MESSAGE, channel="MED-møde")
    Action.objects.create(round=evaluation_round, what=PLAN_ACTION, owner=leader, deadline=today() + timedelta(days=30))
    return decision


@pytest.fixture
def held(demo):
    held = hold_workshop(demo)
    held.decision = round_work(demo, held.workshop.round)
    return held


def _url(held, action: str = "") -> str:
    return f"/runder/{held.workshop.round.pk}/afrapportering/{action}"


def _texts(client, held, prefix: str = "") -> tuple[str, str, str]:
    """The page, the Word file's text and the PDF's text, as `client` gets them."""
    page = html(client.get(_url(held, prefix)))
    word = Document(BytesIO(client.get(_url(held, prefix + "word/")).content))
    word_text = "\n".join(
        [p.text for p in word.paragraphs] + [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    )
    pdf = PdfReader(BytesIO(client.get(_url(held, prefix + "pdf/")).content))
    return page, word_text, " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)


def test_the_approved_round_report_holds_the_rounds_work_in_every_form(held, client_as):
    assert client_as("leder").post(_url(held, "godkend/")).status_code == 302
    for text in _texts(client_as("med"), held):
        for expected in (RATIONALE, "udbred til andre enheder", MESSAGE, PLAN_ACTION, "Vi har kompetencerne til at fortsætte selv"):
            assert expected in text, expected


def test_the_referat_covers_the_workshop_and_not_the_rounds_later_work(held, client_as):
    client_as("konsulent").post(f"/workshops/{held.workshop.pk}/referat/godkend/")
    page = html(client_as("med").get(f"/workshops/{held.workshop.pk}/referat/"))
    assert ACTION in page
    for later in (RATIONALE, MESSAGE, PLAN_ACTION):
        assert later not in page


def test_readers_are_told_why_before_the_first_approval(held, client_as):
    for who in ("med", "medarbejder", "tr"):  # readers and participants, not editors of the forløb
        response = client_as(who).get(_url(held))
        assert response.status_code == 403
        assert "ikke godkendt endnu" in html(response)
        assert client_as(who).get(_url(held, "pdf/")).status_code == 403
    assert client_as("nabo").get(_url(held)).status_code == 404


def test_only_editors_approve_and_reopen(held, client_as):
    assert client_as("med").post(_url(held, "godkend/")).status_code == 403
    assert client_as("nabo").post(_url(held, "godkend/")).status_code == 404
    assert not RoundReport.objects.filter(round=held.workshop.round, status="godkendt").exists()
    client_as("leder").post(_url(held, "godkend/"))
    assert client_as("med").post(_url(held, "kladde/"), {"confirm": "on"}).status_code == 403
    assert RoundReport.objects.get(round=held.workshop.round).is_approved


def test_an_approved_round_report_does_not_change_when_the_round_moves_on(held, client_as):
    leader = client_as("leder")
    leader.post(_url(held, "godkend/"))
    reader = client_as("med")
    before = _texts(reader, held)
    word, pdf = reader.get(_url(held, "word/")).content, reader.get(_url(held, "pdf/")).content
    version = RoundReport.objects.get(round=held.workshop.round).versions.get()
    assert version.checksum == frozen.checksum(version.content) and version.checksum in before[0]
    assert version.checksum in before[1] and version.checksum in before[2].replace(" ", "")

    held.decision.rationale = "Ændret efter godkendelsen"
    held.decision.save()
    CommunicationRow.objects.update(message="Et andet budskab")
    Action.objects.filter(what=PLAN_ACTION).update(what="En anden handling")

    assert reader.get(_url(held, "word/")).content == word and reader.get(_url(held, "pdf/")).content == pdf
    after = _texts(reader, held)
    assert RATIONALE in after[0] and "Ændret efter godkendelsen" not in after[0] and "Et andet budskab" not in after[0]
    # The editor's draft follows the round only after reopening; then the new version holds the change.
    leader.post(_url(held, "kladde/"), {"confirm": "on"})
    assert "Ændret efter godkendelsen" in html(leader.get(_url(held)))
    assert "Ændret efter godkendelsen" not in html(reader.get(_url(held)))  # readers keep version 1 meanwhile
    leader.post(_url(held, "godkend/"))
    report = RoundReport.objects.get(round=held.workshop.round)
    assert [v.number for v in report.versions.all()] == [2, 1]
    assert "Ændret efter godkendelsen" in html(reader.get(_url(held)))
    assert RATIONALE in html(reader.get(_url(held, "version/1/")))
    assert reader.get(_url(held, "version/1/pdf/")).content == pdf


def test_the_action_plan_in_the_report_waits_for_the_referat(held, client_as):
    """A workshop's aftaler are the facilitators' until its referat is approved: not in the round report either."""
    leader = client_as("leder")
    assert ACTION not in html(leader.get(_url(held)))
    client_as("konsulent").post(f"/workshops/{held.workshop.pk}/referat/godkend/")
    assert ACTION in html(leader.get(_url(held)))


def test_approving_the_referat_sets_the_forloebs_next_evaluation(held, client_as, demo):
    minutes = ensure_draft(held.workshop)
    assert minutes.next_evaluation and minutes.next_evaluation != demo.next_evaluation
    client_as("konsulent").post(f"/workshops/{held.workshop.pk}/referat/godkend/")
    demo.refresh_from_db()
    assert demo.next_evaluation == minutes.next_evaluation
