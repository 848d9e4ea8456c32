"""Demo Kommune: a municipality to try Samskab with, and the world the tests walk through.

Dates are relative to the day it is loaded, so that "stalled" and "without follow-up" show.
Demo passwords exist only here.
"""

import functools
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import translation

from samskab.accounts.models import User
from samskab.demo import bank as bank_demo
from samskab.demo import network as network_demo
from samskab.organisations.models import MedCommittee, Membership, Organisation, Role, Unit, UnitKind
from samskab.processes.models import (
    Challenge,
    FollowUp,
    Indicator,
    Measurement,
    MeasurementPhase,
    Participant,
    Process,
    Solution,
    SolutionStatus,
    Step,
)
from samskab.rounds.models import EvaluationRound
from samskab.workshops.models import Attendance, AttendanceStatus, Workshop
from samskab.workshops.template import add_template_sections

DEMO_PASSWORD = "samskab-demo"
DEMO_SLUG = "demo-kommune"

S = SolutionStatus


@dataclass(frozen=True)
class Persona:
    username: str
    first_name: str
    last_name: str
    description: str


PERSONAS = [
    Persona("konsulent", "Karin", "Kofoed", "Konsulent, facilitator of the forløb at Hjemmeplejen Nord"),
    Persona("leder", "Lene", "Lauridsen", "Leder of Hjemmeplejen Nord, takes part"),
    Persona("medarbejder", "Mads", "Møller", "Medarbejder at Hjemmeplejen Nord, takes part"),
    Persona("tr", "Tina", "Thomsen", "TR, takes part"),
    Persona("amr", "Anders", "Andersen", "AMR, takes part"),
    Persona("med", "Mette", "Madsen", "Member of Lokal-MED Hjemmeplejen, does not take part"),
    Persona("central", "Carsten", "Christensen", "Central konsulent (konsulent at the root of Demo Kommune) and the municipality's administrator"),
    Persona("leder-syd", "Sofie", "Svendsen", "Leder of Hjemmeplejen Syd (the second unit)"),
    Persona("nabo", "Niels", "Nielsen", "Konsulent in Nabo Kommune (another municipality)"),
    Persona("admin", "Ada", "Admin", "Administrator (Django admin at /admin/)"),
]


def load(today: date | None = None) -> bool:
    """Load the demo municipality once. Returns False when it is already there."""
    if Organisation.objects.filter(slug=DEMO_SLUG).exists():
        return False
    with transaction.atomic():
        _load(today or date.today())
    return True


def _user(username: str, organisation: Organisation | None) -> User:
    persona = next(p for p in PERSONAS if p.username == username)
    user = User(
        username=username,
        first_name=persona.first_name,
        last_name=persona.last_name,
        email=f"{username}@{(organisation.slug if organisation else 'samskab')}.example",
        organisation=organisation,
        is_staff=username == "admin",
        is_superuser=username == "admin",
        is_municipality_admin=username == "central",
    )
    user.password = _demo_password_hash()
    user.save()
    return user


@functools.cache
def _demo_password_hash() -> str:
    """Hashed once: every persona has the published demo password, and hashing it for each of
    them (PBKDF2) cost about 4 s of CPU on every load (make run, the benchmarks, the suite's servers)."""
    return make_password(DEMO_PASSWORD)


def _load(today: date) -> None:
    def ago(days: int) -> date:
        return today - timedelta(days=days)

    demo = Organisation.objects.create(
        name="Demo Kommune",
        slug=DEMO_SLUG,
        data_controller="Demo Kommune",
        controller_address="Rådhuspladsen 1, 9999 Demoby",
        dpo_name="Dorte Databeskyttelse",
        dpo_email="dpo@demo-kommune.example",
        accessibility_statement_url="https://www.was.digst.dk/demo-kommune-samskab",
        logo="logos/demo-kommune.png",  # assets/logos/: shown on the referat, its Word file and PDF
    )
    root = Unit.objects.create(organisation=demo, name="Demo Kommune", kind=UnitKind.MUNICIPALITY)
    elder = Unit.objects.create(organisation=demo, parent=root, name="Ældre og Sundhed", kind=UnitKind.ADMINISTRATION)
    homecare = Unit.objects.create(organisation=demo, parent=elder, name="Hjemmeplejen", kind=UnitKind.AREA)
    north = Unit.objects.create(organisation=demo, parent=homecare, name="Hjemmeplejen Nord", kind=UnitKind.WORKPLACE)
    south = Unit.objects.create(organisation=demo, parent=homecare, name="Hjemmeplejen Syd", kind=UnitKind.WORKPLACE)
    children = Unit.objects.create(organisation=demo, parent=root, name="Børn og Unge", kind=UnitKind.ADMINISTRATION)
    Unit.objects.create(organisation=demo, parent=children, name="Børnehuset Solsikken", kind=UnitKind.WORKPLACE)

    users = {p.username: _user(p.username, None if p.username in ("nabo", "admin") else demo) for p in PERSONAS}
    for username, unit, role in [
        ("konsulent", elder, Role.CONSULTANT),
        ("leder", north, Role.LEADER),
        ("medarbejder", north, Role.EMPLOYEE),
        ("tr", north, Role.TR),
        ("amr", north, Role.AMR),
        ("central", root, Role.CONSULTANT),
        ("leder-syd", south, Role.LEADER),
    ]:
        Membership.objects.create(user=users[username], unit=unit, role=role)

    med = MedCommittee.objects.create(unit=homecare, name="Lokal-MED Hjemmeplejen")
    med.members.add(users["med"], users["leder"], users["tr"])
    MedCommittee.objects.create(unit=root, name="Hovedudvalget")

    process = Process.objects.create(
        unit=north,
        title="Mindre bøvl, mere tid hos borgerne",
        purpose="Fjerne den styring, der tager tid fra borgerne, uden at gå på kompromis med kvalitet og sikkerhed.",
        frame="Lovkrav til dokumentation og hygiejne kan ikke laves om. Budgettet er det samme.",
        start_date=ago(300),
        step=Step.LEARN,
        next_evaluation=today + timedelta(days=21),
    )
    for username, role, ambassador in [
        ("konsulent", Role.CONSULTANT, False),
        ("leder", Role.LEADER, False),
        ("medarbejder", Role.EMPLOYEE, True),
        ("tr", Role.TR, False),
        ("amr", Role.AMR, False),
    ]:
        Participant.objects.create(process=process, user=users[username], role=role, is_ambassador=ambassador)

    plan = [
        (
            "Dobbeltdokumentation i omsorgssystemet",
            "Det samme besøg skrives både i besøgsnotatet og i døgnrytmeplanen.",
            "Det tager 10–15 minutter pr. vagt, som ikke bruges hos borgerne.",
            "Social- og sundhedshjælpere og -assistenter",
            [
                ("Fælles skabelon for besøgsnotater", S.IMPLEMENTED, "leder", [
                    (200, S.TRIAL, "Skabelonen er afprøvet i team 1.", ""),
                    (150, S.TRIAL, "Team 2 er med. Få spørgsmål om feltet 'observationer'.", ""),
                    (90, S.IMPLEMENTED, "Skabelonen bruges af alle teams.", ""),
                    (20, S.IMPLEMENTED, "Stadig i brug; kvalitetstjek uden anmærkninger.", ""),
                ], ("Minutter til dokumentation pr. vagt", "minutter", Decimal("55"), Decimal("38.5"))),
                ("Dokumentation på tablet i borgerens hjem", S.STALLED, "medarbejder", [
                    (180, S.NOT_STARTED, "Tablets er bestilt.", ""),
                    (120, S.TRIAL, "Pilot med fem tablets i team 3.", "Dårlig dækning i yderområderne."),
                    (30, S.STALLED, "Piloten står stille.", "IT har ikke leveret de sidste tablets, og der er ingen mobildata."),
                ], None),
            ],
        ),
        (
            "Godkendelse af kørsel tager for lang tid",
            "Al kørselsgodtgørelse skal godkendes af områdelederen.",
            "Medarbejderne venter op til seks uger på deres penge.",
            "Alle medarbejdere, der kører i egen bil",
            [
                ("Teamlederen godkender kørsel", S.TRIAL, "leder", [
                    (100, S.TRIAL, "Aftalt med økonomi; teamlederne har fået adgang.", ""),
                    (40, S.TRIAL, "Ventetiden er nede på under to uger.", ""),
                    (10, S.TRIAL, "Økonomi vil se tal for et helt kvartal før beslutning.", ""),
                ], ("Dage fra indberetning til godkendelse", "dage", Decimal("38"), Decimal("11"))),
            ],
        ),
        (
            "Faste tidsrammer passer ikke til borgerne",
            "Hver ydelse har en fast tid, uanset borgerens dagsform.",
            "Medarbejderne skynder sig hos nogle borgere og venter hos andre.",
            "Borgere og medarbejdere",
            [
                ("Fleksible tidsrammer i et pilotteam", S.TRIAL, "tr", [
                    (240, S.NOT_STARTED, "Visitationen er med på ideen.", ""),
                    (180, S.TRIAL, "Pilotteamet fordeler selv tiden inden for ugen.", ""),
                    (95, S.TRIAL, "Gode erfaringer; borgerne oplever mere ro.", ""),
                ], None),
                ("Ugentlig ydelsesgennemgang med visitationen", S.NOT_STARTED, "amr", [
                    (25, S.NOT_STARTED, "Første møde er aftalt til næste måned.", ""),
                ], None),
            ],
        ),
        (
            "Møder tager tid fra borgerne",
            "Alle morgener starter med et møde på 30 minutter.",
            "Besøgene starter for sent, og det skubber hele dagen.",
            "Hele medarbejdergruppen",
            [
                ("Morgenmødet kortes ned til 15 minutter", S.STOPPED, "leder", [
                    (260, S.TRIAL, "Morgenmødet er kortet ned.", ""),
                    (200, S.TRIAL, "Vigtig information går tabt.", "Der er ikke tid til beskeder om nye borgere."),
                    (170, S.STOPPED, "Stoppet og erstattet af tavlemøder.", ""),
                ], None),
                ("Tavlemøde to gange om ugen", S.IMPLEMENTED, "medarbejder", [
                    (165, S.TRIAL, "Første tavlemøde holdt.", ""),
                    (120, S.TRIAL, "Tavlen er flyttet ud i køkkenet.", ""),
                    (60, S.IMPLEMENTED, "Fast rutine mandag og torsdag.", ""),
                    (5, S.IMPLEMENTED, "Kører fint; nye kolleger lærer det hurtigt.", ""),
                ], ("Minutter i møder pr. uge pr. medarbejder", "minutter", Decimal("150"), Decimal("40"))),
            ],
        ),
    ]
    for priority, (title, description, why, affected, solutions) in enumerate(plan, start=1):
        challenge = Challenge.objects.create(
            process=process, title=title, description=description, why_problem=why, affected=affected, priority=priority
        )
        for solution_title, status, owner, follow_ups, measured in solutions:
            first_date = ago(follow_ups[0][0] + 10)
            solution = Solution.objects.create(
                challenge=challenge,
                title=solution_title,
                owner=users[owner],
                start_date=first_date,
                status=status,
                expected_effect="Mere tid hos borgerne og mindre frustration i hverdagen.",
            )
            for days, fu_status, happened, blockers in follow_ups:
                FollowUp.objects.create(
                    solution=solution,
                    date=ago(days),
                    status=fu_status,
                    happened=happened,
                    blockers=blockers,
                    author=users["konsulent"],
                )
            if measured:
                name, unit, before, after = measured
                indicator = Indicator.objects.create(solution=solution, name=name, unit=unit)
                for phase, value, measured_on in ((MeasurementPhase.BEFORE, before, first_date), (MeasurementPhase.AFTER, after, ago(15))):
                    Measurement.objects.create(indicator=indicator, phase=phase, value=value, date=measured_on, author=users[owner])

    south_process = Process.objects.create(
        unit=south, title="Færre faste skemaer", start_date=ago(60), step=Step.CHALLENGES
    )
    Participant.objects.create(process=south_process, user=users["leder-syd"], role=Role.LEADER)
    Challenge.objects.create(process=south_process, title="Ugeskemaer udfyldes tre steder", priority=1)

    # Step 6 has begun: round 1 is open and its workshop is being prepared by the facilitator.
    evaluation_round = EvaluationRound.objects.create(process=process, number=1, opened_on=ago(14))
    workshop = Workshop.objects.create(
        round=evaluation_round,
        title="Evalueringsworkshop: et år med mindre bøvl",
        date=today + timedelta(days=7),
        place="Mødelokale 2, Hjemmeplejen Nord",
    )
    workshop.facilitators.add(users["konsulent"])
    with translation.override("da"):
        add_template_sections(workshop)
    Attendance.objects.create(
        workshop=workshop, participant=process.participants.get(user=users["amr"]), status=AttendanceStatus.APOLOGIES
    )

    # The demo's history reads as the facilitator's work, not "unknown".
    for model in (Process, Participant, Challenge, Solution, FollowUp, Indicator, Measurement, EvaluationRound, Workshop):
        model.history.filter(history_user=None).update(history_user=users["konsulent"])

    neighbour = Organisation.objects.create(name="Nabo Kommune", slug="nabo-kommune", data_controller="Nabo Kommune")
    neighbour_root = Unit.objects.create(organisation=neighbour, name="Nabo Kommune", kind=UnitKind.MUNICIPALITY)
    nabo = users["nabo"]
    nabo.organisation = neighbour
    nabo.email = "nabo@nabo-kommune.example"
    nabo.save()
    Membership.objects.create(user=nabo, unit=neighbour_root, role=Role.CONSULTANT)
    neighbour_process = Process.objects.create(
        unit=neighbour_root, title="Enklere indkøb", start_date=ago(90), step=Step.SOLUTIONS
    )
    Participant.objects.create(process=neighbour_process, user=nabo, role=Role.CONSULTANT)
    Challenge.objects.create(process=neighbour_process, title="Tre godkendelser for hvert indkøb", priority=1)

    # Step 6 across the municipality: the erfaringsbank, ambassadors and erfa-groups. The list of
    # ideas fills itself from the erfaringsbank's approved referat (its card in the column "new
    # workflows or challenges we could take on"); the forløb at Hjemmeplejen Nord gets no decision,
    # so that the tests that read its round find it as the demo leaves it.
    for app_demo in (bank_demo, network_demo):
        app_demo.load(today)
