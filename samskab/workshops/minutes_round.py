"""What the round decided and planned after its workshop, for the approved referat (step 6, points 4–6).

The referat of a round's workshop gains the round's decisions, anchoring check, communication plan
and action plan once they exist, as plain data like the rest of the referat (see minutes.py).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from samskab.actionplan.plan import round_plan
from samskab.anchoring import check as anchoring
from samskab.anchoring.models import AnchoringCheck
from samskab.communication.models import CommunicationRow
from samskab.decisions.models import Decision, ProcessDecision
from samskab.workshops.models import EvaluationRound


@dataclass
class DecisionLine:
    subject: str  # the solution, or the forløb
    decision: str
    rationale: str
    decided_by: str
    decided_on: date
    discussed_in_med_on: date | None


@dataclass
class AnchoringLine:
    statement: str
    score: Decimal | None
    previous: Decimal | None
    weak: bool


@dataclass
class MessageLine:
    audience: str
    message: str
    channel: str
    when: date | None
    sender: str
    status: str


@dataclass
class PlanLine:
    what: str
    who: str
    deadline: date | None
    status: str


@dataclass
class RoundWork:
    process_decision: DecisionLine | None = None
    decisions: list[DecisionLine] = field(default_factory=list)
    anchoring: list[AnchoringLine] = field(default_factory=list)
    communication: list[MessageLine] = field(default_factory=list)
    action_plan: list[PlanLine] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.process_decision or self.decisions or self.anchoring or self.communication or self.action_plan)


def _name(participant) -> str:
    return participant.user.get_full_name() if participant else ""


def _decision(subject: str, decision) -> DecisionLine:
    return DecisionLine(
        subject=subject,
        decision=decision.get_kind_display(),
        rationale=decision.rationale,
        decided_by=_name(decision.decided_by),
        decided_on=decision.decided_on,
        discussed_in_med_on=decision.discussed_in_med_on,
    )


def round_work(evaluation_round: EvaluationRound) -> RoundWork:
    process_decision = ProcessDecision.objects.filter(round=evaluation_round).select_related("decided_by__user").first()
    check = AnchoringCheck.objects.filter(round=evaluation_round).first()
    return RoundWork(
        process_decision=_decision(evaluation_round.process.title, process_decision) if process_decision else None,
        decisions=[
            _decision(decision.solution.title, decision)
            for decision in Decision.objects.filter(round=evaluation_round).select_related("solution", "decided_by__user")
        ],
        anchoring=[
            AnchoringLine(row.statement, row.score, row.previous, row.weak)
            for row in anchoring.rows(check, anchoring.previous_check(evaluation_round))
        ]
        if check
        else [],
        communication=[
            MessageLine(row.audience, row.message, row.channel, row.when, _name(row.sender), row.get_status_display())
            for row in CommunicationRow.objects.filter(round=evaluation_round).select_related("sender__user")
        ],
        action_plan=[
            PlanLine(action.what, _name(action.owner), action.deadline, action.get_status_display())
            for action in round_plan(evaluation_round)
            if not (action.section_id and action.round_id == evaluation_round.pk)  # listed as Aftaler already
        ],
    )
