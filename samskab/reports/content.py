"""The round report's content built once as plain data, then shown as the page, Word and PDF.

Like the referat (workshops/minutes_content.py), `build` reads the rows into a tree of dataclasses that
the page, `docx.py` and `pdf.py` only lay out, and that approval freezes (core/frozen.py). What it
holds is what every reader of the forløb may see: a workshop's aftaler stand in the action plan
only once its referat is approved.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from samskab.actionplan.plan import round_plan
from samskab.anchoring import scores as anchoring
from samskab.anchoring.queries import check_of
from samskab.communication.models import CommunicationRow
from samskab.core import frozen
from samskab.core.frozen import Seal
from samskab.decisions.queries import decisions_of, process_decision_of
from samskab.rounds.models import EvaluationRound
from samskab.workshops.models import Workshop


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
    agreed: bool  # an aftale from the workshop


@dataclass
class ReportContent(frozen.SealedContent):
    """Everything the round report says, in the order it says it."""

    municipality: str
    logo: str  # a path under the static files, or ""
    process: str
    unit: str
    round: str
    title: str
    workshop: str  # the round's workshop and its referat, in a sentence
    process_decision: DecisionLine | None = None
    decisions: list[DecisionLine] = field(default_factory=list)
    anchoring: list[AnchoringLine] = field(default_factory=list)
    communication: list[MessageLine] = field(default_factory=list)
    action_plan: list[PlanLine] = field(default_factory=list)
    seal: Seal | None = None  # None: a draft (kladde); kept beside the content, not in its checksum


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


def _workshop(evaluation_round: EvaluationRound) -> str:
    workshop = Workshop.objects.filter(round=evaluation_round).select_related("minutes").first()
    if workshop is None:
        return _("The round held no evaluation workshop.")
    minutes = getattr(workshop, "minutes", None)
    version = minutes.versions.order_by("-number").first() if minutes else None
    if version is None:
        return _("The minutes of the workshop “%(title)s” are not approved yet.") % {"title": workshop.title}
    return _("The workshop “%(title)s” is reported in its minutes, version %(number)s.") % {
        "title": workshop.title,
        "number": version.number,
    }


def build(evaluation_round: EvaluationRound) -> ReportContent:
    """Read the round's decisions, anchoring check, communication plan and action plan into plain data."""
    process = evaluation_round.process
    organisation = process.unit.organisation
    process_decision = process_decision_of(evaluation_round)
    check = check_of(evaluation_round)
    decisions = decisions_of(evaluation_round)
    rows = CommunicationRow.objects.filter(round=evaluation_round).select_related("sender__user")
    return ReportContent(
        municipality=organisation.name,
        logo=getattr(organisation, "logo", "") or "",
        process=process.title,
        unit=process.unit.name,
        round=str(evaluation_round),
        title=_("Round report: %(process)s, %(round)s") % {"process": process.title, "round": str(evaluation_round).lower()},
        workshop=_workshop(evaluation_round),
        process_decision=_decision(process.title, process_decision) if process_decision else None,
        decisions=[_decision(decision.solution.title, decision) for decision in decisions],
        anchoring=[
            AnchoringLine(row.statement, row.score, row.previous, row.weak)
            for row in anchoring.rows(check, anchoring.previous_check(evaluation_round))
        ]
        if check
        else [],
        communication=[
            MessageLine(row.audience, row.message, row.channel, row.when, _name(row.sender), row.get_status_display())
            for row in rows
        ],
        action_plan=[
            PlanLine(action.what, _name(action.owner), action.deadline, action.get_status_display(), action.section_id is not None)
            for action in round_plan(evaluation_round, seen_by=None)
        ],
    )
