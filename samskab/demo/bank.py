"""The erfaringsbank's part of Demo Kommune, loaded after the rest of it (see kommune.py).

An earlier, finished forløb at Børnehuset Solsikken, run by a konsulent of Børn og Unge who is
not a login persona: its round is closed, its workshop held and its referat approved, so the
erfaringsbank has lessons, a decided solution with measurements and transfer ideas to find.
"""

import uuid
from datetime import date, timedelta
from decimal import Decimal

from django.utils import translation

from samskab.accounts.models import User
from samskab.decisions.models import Decision, DecisionKind
from samskab.organisations.models import Membership, Organisation, Role, Unit
from samskab.processes.models import (
    Challenge,
    Indicator,
    Measurement,
    MeasurementPhase,
    Participant,
    Process,
    Solution,
    SolutionStatus,
    Step,
)
from samskab.rounds.models import EvaluationRound, RoundStatus
from samskab.workshops import minutes_content as referat
from samskab.workshops import services
from samskab.workshops.models import Card, HeadingKind, Lesson, SectionKind, Workshop, WorkshopStatus
from samskab.workshops.template import add_template_sections

FACILITATOR = "bo.konsulent"  # not a persona: nobody logs in as this person in the demo
LEADER = "solsikken.leder"

LESSONS = [
    # (text, theme key, can be used elsewhere)
    (
        "Kortere dokumentation: én fælles skabelon til dagens observationer frem for tre skemaer",
        "method",
        True,
        "Pædagogerne skrev det samme i forældreappen, i dagbogen og i udviklingsskemaet. "
        "En fælles skabelon med fem faste felter gav 20 minutter mere pr. dag på stuerne.",
    ),
    (
        "Færre godkendelser: lederen uddelegerer indkøb under 2.000 kr. til stuerne",
        "results",
        True,
        "Tidligere skulle alle indkøb godkendes af lederen. Nu har hver stue et lille budget, "
        "og lederen ser kun et samlet overblik én gang om måneden.",
    ),
    (
        "Tag forældrebestyrelsen med fra starten, når I ændrer dokumentationen",
        "roles",
        True,
        "",
    ),
    ("Vi brugte for lang tid på at finde mødetider i sommerferien", "tasks", False, ""),
]
TRANSFER_CARDS = [
    ("elsewhere", "Den fælles observationsskabelon kan bruges i alle kommunens daginstitutioner", False),
    ("elsewhere", "Stuebudgetter kan bruges overalt, hvor små indkøb venter på en leders underskrift", False),
    ("next", "Madordningens bestillinger går gennem tre led: det kunne være næste udfordring", False),
    ("next", "Kasper fra stue 2 glemmer altid at udfylde skemaet", True),  # hidden: it names a colleague
]


def _user(username: str, first: str, last: str, organisation: Organisation) -> User:
    user = User(
        username=username,
        first_name=first,
        last_name=last,
        email=f"{username}@{organisation.slug}.example",
        organisation=organisation,
    )
    user.set_unusable_password()
    user.save()
    return user


def load(today: date) -> None:
    def ago(days: int) -> date:
        return today - timedelta(days=days)

    solsikken = Unit.objects.select_related("organisation", "parent").get(name="Børnehuset Solsikken")
    organisation = solsikken.organisation
    facilitator = _user(FACILITATOR, "Bo", "Bech", organisation)
    leader = _user(LEADER, "Signe", "Skov", organisation)
    Membership.objects.create(user=facilitator, unit=solsikken.parent, role=Role.CONSULTANT)
    Membership.objects.create(user=leader, unit=solsikken, role=Role.LEADER)

    process = Process.objects.create(
        unit=solsikken,
        title="Mere tid på stuerne",
        purpose="Mindre tid til skemaer og godkendelser, mere tid sammen med børnene.",
        start_date=ago(520),
        end_date=ago(150),
        step=Step.LEARN,
    )
    Participant.objects.create(process=process, user=facilitator, role=Role.CONSULTANT)
    leader_participant = Participant.objects.create(process=process, user=leader, role=Role.LEADER, is_ambassador=True)

    challenge = Challenge.objects.create(
        process=process,
        title="Den samme observation skrives tre steder",
        description="Forældreappen, dagbogen og udviklingsskemaet spørger om det samme.",
        priority=1,
    )
    solution = Solution.objects.create(
        challenge=challenge,
        title="Én fælles skabelon til observationer",
        description="Fem faste felter, som både forældreappen og udviklingsskemaet henter fra.",
        expected_effect="Mere tid sammen med børnene og færre glemte observationer.",
        owner=leader,
        start_date=ago(400),
        status=SolutionStatus.IMPLEMENTED,
    )
    indicator = Indicator.objects.create(solution=solution, name="Tid til skriftligt arbejde pr. dag", unit="minutter")
    Measurement.objects.create(indicator=indicator, phase=MeasurementPhase.BEFORE, value=Decimal("45"), date=ago(410))
    Measurement.objects.create(indicator=indicator, phase=MeasurementPhase.AFTER, value=Decimal("25"), date=ago(220))

    held_on = ago(200)
    evaluation_round = EvaluationRound.objects.create(
        process=process, number=1, opened_on=ago(230), closed_on=ago(160), status=RoundStatus.CLOSED
    )
    workshop = Workshop.objects.create(
        round=evaluation_round,
        title="Evalueringsworkshop: mere tid på stuerne",
        date=held_on,
        place="Personalerummet, Børnehuset Solsikken",
        status=WorkshopStatus.CLOSED,
    )
    workshop.facilitators.add(facilitator)
    with translation.override("da"):
        add_template_sections(workshop)
    learning = workshop.sections.get(kind=SectionKind.BOARD, order=1)
    transfer = workshop.sections.get(kind=SectionKind.BOARD, order=2)
    themes = {heading.key: heading for heading in learning.headings.filter(kind=HeadingKind.THEME)}
    columns = {heading.key: heading for heading in transfer.headings.filter(kind=HeadingKind.COLUMN)}

    for title, key, reusable, more in LESSONS:
        Lesson.objects.create(
            section=learning, text=f"{title}\n{more}" if more else title, theme=themes[key], reusable=reusable
        )
    for key, text, hidden in TRANSFER_CARDS:
        Card.objects.create(
            client_id=uuid.uuid4(), section=transfer, column=columns[key], text=text, hidden=hidden
        )

    Decision.objects.create(
        solution=solution,
        round=evaluation_round,
        kind=DecisionKind.CONTINUE,
        rationale="Skabelonen bruges på alle stuer, og målingen viser 20 minutter mere pr. dag.",
        decided_by=leader_participant,
        decided_on=held_on,
    )
    minutes = referat.ensure_draft(workshop)
    minutes.summary = "Vi har fået mere tid på stuerne. Skabelonen og stuebudgetterne fortsætter."
    minutes.next_evaluation = None  # the forløb has ended: no next evaluation
    minutes.save()
    services.minutes_approve(minutes=minutes, by=facilitator)  # the erfaringsbank collects the referat (collect.py)

