"""A synthetic municipality of a chosen size, for benchmarks and demos (`manage.py generate_municipality`).

It makes a unit tree (kommune → forvaltninger → områder → arbejdspladser), people with their roles
(a central konsulent at the root, a MED-hovedudvalg, ledere and konsulenter per unit, staff at each
workplace), forløb with challenges, solutions (stalled and silent ones too), follow-ups and
measurements, evaluation rounds with their workshop (the step-6 sections, cards, lessons, an
approved referat), decisions, actions (some overdue), anchoring measures and checks, and the
erfaringsbank's items with their full-text index. Everything is written with bulk_create, in one
transaction. The same seed gives the same municipality (names, texts, counts, dates relative to
`today`). Demo Kommune is never touched.
"""

import random
import time
import uuid
from bisect import bisect
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time as clock, timedelta
from decimal import Decimal
from itertools import accumulate

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samskab.accounts.models import User
from samskab.anchoring.named_measures import NAMED_MEASURES
from samskab.anchoring.models import AnchoringCheck, AnchoringMeasure, AnchoringScore, AnchoringStatus
from samskab.bank import index
from samskab.bank.models import BankItem, ItemKind
from samskab.demo import synthetic_words as vocabulary
from samskab.decisions.models import Decision, DecisionKind, ProcessDecision, ProcessDecisionKind
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
from samskab.rounds.models import Action, ActionStatus, EvaluationRound, RoundStatus
from samskab.workshops.models import (
    Attendance,
    AttendanceStatus,
    Attendee,
    AttendeeRole,
    Card,
    Heading,
    HeadingKind,
    Lesson,
    Minutes,
    MinutesStatus,
    Section,
    SectionKind,
    Statement,
    Workshop,
    WorkshopStatus,
)
from samskab.workshops.template import (
    ANCHORING_STATEMENTS,
    LEARNING_COLUMNS,
    LEARNING_THEMES,
    REFLECTION,
    TRANSFER_COLUMNS,
)

DEFAULT_NAME = "Syntetisk Kommune"
PASSWORD = "samskab-demo"
BATCH = 2000
SOLUTION_SHARE = 0.2  # at most this share of the bank's items are solutions; the rest lessons and transfer ideas
STAFF_PER_WORKPLACE = 4  # medarbejdere, besides the leder, a TR and an AMR
S = SolutionStatus


class TooSmall(ValueError):
    """The size asked for cannot make a municipality (the message says why)."""


@dataclass
class Generated:
    organisation: Organisation
    central_username: str
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


class Writer:
    """Danish sentences from the word lists, common words drawn more often than rare ones."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.nouns = vocabulary.noun_forms()
        self.noun_weights = list(accumulate(1 / (rank + 4) ** 1.1 for rank in range(len(self.nouns))))
        self.verbs = vocabulary.verb_forms()
        self.verb_weights = list(accumulate(1 / (rank + 1) ** 0.8 for rank in range(len(self.verbs))))
        self.adjectives = vocabulary.adjective_forms()

    def _pick(self, words: list[list[str]], weights: list[float]) -> list[str]:
        return words[bisect(weights, self.rng.random() * weights[-1])]

    def noun(self) -> str:
        return self.rng.choice(self._pick(self.nouns, self.noun_weights))

    def verb(self, form: int) -> str:
        return self._pick(self.verbs, self.verb_weights)[form]

    def fill(self, pattern: str) -> str:
        rng, out = self.rng, []
        for piece in pattern.split("{"):
            if "}" not in piece:
                out.append(piece)
                continue
            slot, rest = piece.split("}", 1)
            if slot in ("n", "N"):
                word = self.noun()
            elif slot in ("a", "A"):
                word = rng.choice(rng.choice(self.adjectives))
            elif slot == "v":
                word = self.verb(1)
            elif slot == "vp":
                word = self.verb(2)
            elif slot == "vt":
                word = self.verb(3)
            elif slot == "vi":
                word = self.verb(0)
            elif slot == "r":
                word = rng.choice(vocabulary.RARE)
            elif slot == "p":
                word = rng.choice(vocabulary.PHRASES)
            else:  # num
                word = str(rng.choice((2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40)))
            out.append((word[:1].upper() + word[1:] if slot in ("N", "A") else word) + rest)
        text = "".join(out)
        return text[:1].upper() + text[1:]

    def title(self) -> str:
        return self.fill(self.rng.choice(vocabulary.TITLES))

    def text(self, sentences: int) -> str:
        """A few sentences; one text in fifty adds a sentence with a rare word."""
        parts = [self.fill(self.rng.choice(vocabulary.SENTENCES)) for _ in range(sentences)]
        if self.rng.random() < 0.02:
            parts.append(self.fill(self.rng.choice(vocabulary.RARE_SENTENCES)))
        return " ".join(parts)

    def challenge(self) -> str:
        return self.fill(self.rng.choice(vocabulary.CHALLENGES))

    def person(self) -> tuple[str, str]:
        return self.rng.choice(vocabulary.FIRST_NAMES), self.rng.choice(vocabulary.LAST_NAMES)


def generate(
    *, units: int, processes: int, items: int, seed: int = 1, name: str = DEFAULT_NAME, today: date | None = None, log=None
) -> Generated:
    """Make the municipality in one transaction; raises TooSmall or ValueError (name taken) first."""
    if units < 4:
        raise TooSmall("--units must be at least 4: the municipality, a forvaltning, an område and an arbejdsplads.")
    if processes < 1 or items < 0:
        raise TooSmall("--processes must be at least 1 and --items at least 0.")
    slug = slugify(name)
    if not slug:
        raise ValueError("The name needs at least one letter or digit.")
    if Organisation.objects.filter(slug=slug).exists() or User.objects.filter(username__startswith=f"{slug}-").exists():
        raise ValueError(f"A municipality “{name}” ({slug}) is already there; choose another --name.")
    started = time.perf_counter()
    with translation.override("da"), transaction.atomic():
        maker = _Maker(random.Random(seed), name, slug, today or timezone.localdate(), log or (lambda message: None))
        maker.run(units, processes, items)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the planner's statistics, as a database in use has them
    maker.result.seconds = time.perf_counter() - started
    return maker.result


class _Maker:
    def __init__(self, rng: random.Random, name: str, slug: str, today: date, log):
        self.rng, self.name, self.slug, self.today, self.log = rng, name, slug, today, log
        self.write = Writer(rng)
        self.counts: Counter = Counter()
        self.clock = time.perf_counter()

    def made(self, label: str, objects: list) -> list:
        self.counts[label] += len(objects)
        return objects

    def bulk(self, model, objects: list, label: str | None = None) -> list:
        created = model.objects.bulk_create(objects, batch_size=BATCH)
        if label:
            self.made(label, created)
        return created

    def step_done(self, what: str) -> None:
        now = time.perf_counter()
        self.log(f"  {what} ({now - self.clock:.1f} s)")
        self.clock = now

    def ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    def run(self, units: int, processes: int, items: int) -> None:
        self.organisation = Organisation.objects.create(
            name=self.name, slug=self.slug, data_controller=self.name, dpo_email=f"dpo@{self.slug}.example"
        )
        self.make_units(units)
        self.make_people()
        self.step_done(f"{units} units, {self.counts['people']} people")
        self.make_processes(processes)
        self.step_done(f"{processes} forløb with challenges, solutions and follow-ups")
        self.make_rounds()
        self.step_done(f"{self.counts['evaluation rounds']} evaluation rounds with workshops")
        self.make_decisions_and_actions()
        self.step_done("decisions, actions and anchoring")
        self.make_bank(items)
        self.step_done(f"{self.counts['bank items']} bank items, indexed")
        self.result = Generated(self.organisation, self.central.username, dict(self.counts))

    # --- Units and people.

    def make_units(self, total: int) -> None:
        rng = self.rng
        root = Unit.objects.create(organisation=self.organisation, name=self.name, kind=UnitKind.MUNICIPALITY)
        administrations = max(1, min(len(vocabulary.ADMINISTRATIONS), total // 30))
        areas = max(administrations, (total - 1 - administrations) // 6)
        workplaces = total - 1 - administrations - areas
        if workplaces < 1:
            raise TooSmall("--units is too small for a tree with at least one arbejdsplads.")
        self.root = root
        self.administrations = self._level(
            [root] * administrations, vocabulary.ADMINISTRATIONS[:administrations], UnitKind.ADMINISTRATION
        )
        area_names = [
            f"{vocabulary.AREAS[i % len(vocabulary.AREAS)]} {vocabulary.DISTRICTS[(i // len(vocabulary.AREAS)) % len(vocabulary.DISTRICTS)]}"
            + (f" {i // (len(vocabulary.AREAS) * len(vocabulary.DISTRICTS)) + 1}" if i >= len(vocabulary.AREAS) * len(vocabulary.DISTRICTS) else "")
            for i in range(areas)
        ]  # fmt: skip
        self.areas = self._level(
            [self.administrations[i % administrations] for i in range(areas)], area_names, UnitKind.AREA
        )
        taken: Counter = Counter()
        workplace_names, parents = [], []
        for i in range(workplaces):
            base = f"{rng.choice(vocabulary.WORKPLACE_KINDS)} {rng.choice(vocabulary.PLACE_NAMES)}"
            taken[base] += 1
            workplace_names.append(base if taken[base] == 1 else f"{base} {taken[base]}")
            parents.append(self.areas[i % areas])
        self.workplaces = self._level(parents, workplace_names, UnitKind.WORKPLACE)
        self.counts["units"] = total

    def _level(self, parents: list[Unit], names: list[str], kind: str) -> list[Unit]:
        made = Unit.objects.bulk_create(
            [Unit(organisation=self.organisation, parent=parent, name=name, kind=kind) for parent, name in zip(parents, names)],
            batch_size=BATCH,
        )
        for unit, parent in zip(made, parents):
            unit.path = f"{parent.path}{unit.pk}/"
            unit.parent = parent
        Unit.objects.bulk_update(made, ["path"], batch_size=BATCH)
        return made

    def make_people(self) -> None:
        password = make_password(PASSWORD)  # hashed once: every synthetic person shares it
        people: list[User] = []
        memberships: list[tuple[User, Unit, str]] = []

        def person(unit: Unit, role: str, username: str = "") -> User:
            first, last = self.write.person()
            username = username or f"{self.slug}-{len(people) + 1:05d}"
            user = User(
                username=username, first_name=first, last_name=last, email=f"{username}@{self.slug}.example",
                organisation=self.organisation, password=password,
            )  # fmt: skip
            people.append(user)
            memberships.append((user, unit, role))
            return user

        self.central = person(self.root, Role.CONSULTANT, f"{self.slug}-central")
        person(self.root, Role.CONSULTANT)
        director = person(self.root, Role.LEADER)
        administration_leaders = [person(unit, Role.LEADER) for unit in self.administrations]
        self.area_staff = {unit.pk: (person(unit, Role.LEADER), person(unit, Role.CONSULTANT)) for unit in self.areas}
        self.workplace_staff: dict[int, dict[str, list[User]]] = {}
        for unit in self.workplaces:
            self.workplace_staff[unit.pk] = {
                Role.LEADER: [person(unit, Role.LEADER)],
                Role.EMPLOYEE: [person(unit, Role.EMPLOYEE) for _ in range(STAFF_PER_WORKPLACE)],
                Role.TR: [person(unit, Role.TR)],
                Role.AMR: [person(unit, Role.AMR)],
            }
        self.bulk(User, people, "people")
        self.bulk(Membership, [Membership(user=user, unit=unit, role=role) for user, unit, role in memberships], "memberships")

        main = MedCommittee.objects.create(unit=self.root, name="MED-hovedudvalget")
        staff = list(self.workplace_staff.values())
        members = [director, *administration_leaders[:4]] + [
            staff[i][role][0] for i, role in ((0, Role.TR), (len(staff) // 2, Role.TR), (len(staff) - 1, Role.AMR))
        ]
        local = self.bulk(
            MedCommittee, [MedCommittee(unit=area, name=f"Lokal-MED {area.name}") for area in self.areas], "MED committees"
        )
        through = MedCommittee.members.through
        rows = [through(medcommittee_id=main.pk, user_id=user.pk) for user in dict.fromkeys(members)]
        for committee, area in zip(local, self.areas):
            rows.append(through(medcommittee_id=committee.pk, user_id=self.area_staff[area.pk][0].pk))
            below = [self.workplace_staff[unit.pk] for unit in self.workplaces if unit.parent_id == area.pk][:2]
            rows += [through(medcommittee_id=committee.pk, user_id=s[role][0].pk) for s in below for role in (Role.TR, Role.AMR)]
        self.bulk(through, rows, "MED committee seats")
        self.counts["MED committees"] += 1

    # --- Forløb.

    def make_processes(self, total: int) -> None:
        rng, write = self.rng, self.write
        process_rows, team_rows = [], []
        for _process in range(total):
            at_area = rng.random() < 0.1
            if at_area:
                unit = rng.choice(self.areas)
                workplace = rng.choice([w for w in self.workplaces if w.parent_id == unit.pk] or self.workplaces)
            else:
                unit = workplace = rng.choice(self.workplaces)
            area = unit if at_area else unit.parent
            step = rng.choices([Step.CHALLENGES, Step.SOLUTIONS, Step.TEST, Step.EVALUATE, Step.LEARN], [3, 4, 13, 20, 60])[0]
            start = self.ago(rng.randint(120, 1100))
            process_rows.append(
                Process(
                    unit=unit,
                    title=f"Mindre bøvl med {write.noun()} og {write.noun()}"[:200],
                    purpose=write.text(2),
                    frame="Lovkrav, budget og overenskomster ligger fast.",
                    start_date=start,
                    step=step,
                    next_evaluation=self.ago(rng.randint(-180, 20)) if step >= Step.EVALUATE else None,
                )
            )
            staff = self.workplace_staff[workplace.pk]
            leader = self.area_staff[area.pk][0] if at_area else staff[Role.LEADER][0]
            team = [(self.area_staff[area.pk][1], Role.CONSULTANT), (leader, Role.LEADER)]
            team += [(user, Role.EMPLOYEE) for user in rng.sample(staff[Role.EMPLOYEE], rng.randint(2, STAFF_PER_WORKPLACE))]
            team += [(staff[Role.TR][0], Role.TR), (staff[Role.AMR][0], Role.AMR)]
            team_rows.append(team)
        self.processes = self.bulk(Process, process_rows, "forløb")

        participants = []
        for process, team in zip(self.processes, team_rows):
            ambassadors = rng.randint(0, 2)
            for position, (user, role) in enumerate(team):
                participants.append(
                    Participant(process=process, user=user, role=role, is_ambassador=role == Role.EMPLOYEE and position < 2 + ambassadors)
                )
        self.bulk(Participant, participants, "participants")
        self.team: dict[int, list[Participant]] = {}
        for participant in participants:
            self.team.setdefault(participant.process_id, []).append(participant)

        challenges = []
        for process in self.processes:
            for priority in range(1, rng.randint(2, 4) + 1):
                challenges.append(
                    Challenge(
                        process=process, title=write.challenge()[:200], description=write.text(2),
                        why_problem=write.text(1), affected="Medarbejderne og borgerne", priority=priority,
                    )
                )  # fmt: skip
        challenges = self.bulk(Challenge, challenges, "challenges")
        by_pk = {process.pk: process for process in self.processes}
        statuses, weights = [S.NOT_STARTED, S.TRIAL, S.IMPLEMENTED, S.STALLED, S.STOPPED], [15, 30, 30, 12, 13]
        solutions = []
        for challenge in challenges:
            process = by_pk[challenge.process_id]
            for _solution in range(rng.randint(1, 3)):
                solutions.append(
                    Solution(
                        challenge=challenge,
                        title=write.title()[:200],
                        description=write.text(2),
                        expected_effect=write.text(1),
                        owner=rng.choice(self.team[process.pk]).user,
                        start_date=process.start_date + timedelta(days=rng.randint(20, 90)),
                        status=rng.choices(statuses, weights)[0] if process.step >= Step.TEST else S.NOT_STARTED,
                    )
                )
        self.solutions = self.bulk(Solution, solutions, "solutions")
        self.challenge_process = {challenge.pk: challenge.process_id for challenge in challenges}
        self.challenge_title = {challenge.pk: challenge.title for challenge in challenges}
        self.solution_by_pk = {solution.pk: solution for solution in self.solutions}
        self.solutions_of: dict[int, list[Solution]] = {}
        for solution in self.solutions:
            self.solutions_of.setdefault(self.challenge_process[solution.challenge_id], []).append(solution)

        follow_ups, indicators = [], []
        for solution in self.solutions:
            if solution.status == S.NOT_STARTED and rng.random() < 0.5:
                continue
            # A quarter of the solutions under way have gone without follow-up for months ("uden opfølgning").
            silent = solution.status in (S.TRIAL, S.STALLED, S.NOT_STARTED) and rng.random() < 0.25
            newest = rng.randint(70, 300) if silent else rng.randint(1, 50)
            for n in range(rng.randint(1, 4)):
                follow_ups.append(
                    FollowUp(
                        solution=solution, date=max(solution.start_date, self.ago(newest + 30 * n)),
                        status=solution.status if n == 0 else rng.choice([S.NOT_STARTED, S.TRIAL]),
                        happened=write.text(rng.randint(1, 2)), blockers=write.text(1) if solution.status == S.STALLED else "",
                        author=solution.owner,
                    )
                )  # fmt: skip
            if rng.random() < 0.25:
                indicators.append(Indicator(solution=solution, name=f"Minutter brugt på {write.noun()} pr. uge", unit="minutter"))
        self.bulk(FollowUp, follow_ups, "follow-ups")
        indicators = self.bulk(Indicator, indicators, "indicators")
        measurements = [
            Measurement(indicator=indicator, phase=phase, value=Decimal(value), date=self.ago(days))
            for indicator in indicators
            for phase, value, days in ((MeasurementPhase.BEFORE, rng.randint(40, 120), 400), (MeasurementPhase.AFTER, rng.randint(15, 90), 30))
        ]  # fmt: skip
        self.bulk(Measurement, measurements, "measurements")

    # --- Evaluation rounds and their workshops.

    def make_rounds(self) -> None:
        rng, write = self.rng, self.write
        rounds = []
        for process in self.processes:
            count = rng.randint(1, 3) if process.step == Step.LEARN else (rng.random() < 0.5) if process.step == Step.EVALUATE else 0
            span = (self.today - process.start_date).days
            for number in range(1, count + 1):
                opened = process.start_date + timedelta(days=span * number // (count + 1))
                last = number == count
                closed = not last or rng.random() < 0.4
                rounds.append(
                    EvaluationRound(
                        process=process, number=number, opened_on=opened,
                        status=RoundStatus.CLOSED if closed else RoundStatus.OPEN,
                        closed_on=min(self.today, opened + timedelta(days=40)) if closed else None,
                    )
                )  # fmt: skip
        self.rounds = self.bulk(EvaluationRound, rounds, "evaluation rounds")
        self.process_of = {process.pk: process for process in self.processes}

        workshops = []
        for evaluation_round in self.rounds:
            workshops.append(
                Workshop(
                    round=evaluation_round, title=f"Evalueringsworkshop, runde {evaluation_round.number}",
                    date=min(self.today, evaluation_round.opened_on + timedelta(days=rng.randint(7, 21))),
                    starts_at=clock(9, 0), place=rng.choice(["Mødelokalet", "Kantinen", "Personalestuen", "Rådhuset, lokale 2"]),
                    status=WorkshopStatus.CLOSED, min_group_size=5,
                )
            )  # fmt: skip
        self.workshops = self.bulk(Workshop, workshops, "workshops")
        facilitators = Workshop.facilitators.through
        self.bulk(
            facilitators,
            [
                facilitators(workshop_id=workshop.pk, user_id=self.team[evaluation_round.process_id][0].user_id)
                for workshop, evaluation_round in zip(self.workshops, self.rounds)
            ],
        )

        # The step-6 template's sections, headings and statements, as add_template_sections makes them, in bulk.
        titles = [
            (SectionKind.STATUS, _("How has each challenge gone?"), _("One challenge at a time: how is it going, and what is needed? What is stalled?")),
            (SectionKind.BOARD, _("Learning from co-created governance"), str(REFLECTION)),
            (SectionKind.BOARD, _("What can we take further?"), _("Think beyond this workplace: what could others use, and what could we take on next?")),
            (SectionKind.RATING, _("Anchoring"), _("How much do you agree? 1 = not at all, 5 = to a high degree.")),
        ]  # fmt: skip
        sections = self.bulk(
            Section,
            [
                Section(workshop=workshop, kind=kind, title=title, intro=intro, order=order, phase="konkluder", locked=True)
                for workshop in self.workshops
                for order, (kind, title, intro) in enumerate(titles)
            ],
            "sections",
        )
        self.sections = {workshop.pk: sections[4 * i : 4 * i + 4] for i, workshop in enumerate(self.workshops)}
        headings, statements = [], []
        for _status, learning, transfer, rating in self.sections.values():
            for section, kind, texts in (
                (learning, HeadingKind.COLUMN, LEARNING_COLUMNS),
                (learning, HeadingKind.THEME, LEARNING_THEMES),
                (transfer, HeadingKind.COLUMN, TRANSFER_COLUMNS),
            ):
                headings += [Heading(section=section, kind=kind, key=key, text=str(text), order=i) for i, (key, text) in enumerate(texts)]
            statements += [Statement(section=rating, key=key, text=str(text), order=i) for i, (key, text) in enumerate(ANCHORING_STATEMENTS)]
        headings = self.bulk(Heading, headings, "headings")
        self.bulk(Statement, statements, "statements")
        self.headings: dict[tuple[int, str], list[Heading]] = {}
        for heading in headings:
            self.headings.setdefault((heading.section_id, heading.kind), []).append(heading)

        attendees, attendance = [], []
        roles = [AttendeeRole.EMPLOYEE, AttendeeRole.EMPLOYEE, AttendeeRole.EMPLOYEE, AttendeeRole.LEADER, AttendeeRole.TR, AttendeeRole.AMR, ""]
        for workshop, evaluation_round in zip(self.workshops, self.rounds):
            attendees += [Attendee(workshop=workshop, role=role) for role in roles]
            attendance += [
                Attendance(workshop=workshop, participant=participant,
                           status=AttendanceStatus.APOLOGIES if rng.random() < 0.15 else AttendanceStatus.ATTENDED)
                for participant in self.team[evaluation_round.process_id]
            ]  # fmt: skip
        attendees = self.bulk(Attendee, attendees, "workshop attendees")
        self.attendees = {workshop.pk: attendees[7 * i : 7 * i + 7] for i, workshop in enumerate(self.workshops)}
        self.bulk(Attendance, attendance, "attendance")

        # The learning board's cards (a few hidden) and the lessons not meant for others; the
        # lessons and transfer ideas for the bank are made with the bank (make_bank).
        cards, lessons = [], []
        for workshop in self.workshops:
            _status, learning, _transfer, _rating = self.sections[workshop.pk]
            columns, themes = self.headings[(learning.pk, HeadingKind.COLUMN)], self.headings[(learning.pk, HeadingKind.THEME)]
            for n in range(rng.randint(4, 8)):
                cards.append(
                    Card(
                        client_id=uuid.uuid4(), section=learning, column=rng.choice(columns), theme=rng.choice(themes),
                        attendee=self.attendees[workshop.pk][n % 7], text=write.title(), hidden=rng.random() < 0.04,
                    )
                )  # fmt: skip
            lessons.append(Lesson(section=learning, text=write.title(), reusable=False, theme=rng.choice(themes)))
        self.bulk(Card, cards, "cards")
        self.bulk(Lesson, lessons, "lessons")

        # Referater: approved for every closed round and most open ones.
        minutes = []
        for workshop, evaluation_round in zip(self.workshops, self.rounds):
            approved = evaluation_round.status == RoundStatus.CLOSED or rng.random() < 0.7
            minutes.append(
                Minutes(
                    workshop=workshop, status=MinutesStatus.APPROVED if approved else MinutesStatus.DRAFT,
                    summary=write.text(2), next_evaluation=workshop.date + timedelta(days=182),
                    approved_at=timezone.make_aware(datetime.combine(workshop.date, clock(15, 0))) if approved else None,
                    approved_by=self.team[evaluation_round.process_id][0].user if approved else None,
                )
            )  # fmt: skip
        minutes = self.bulk(Minutes, minutes, "referater")
        self.approved = [
            (evaluation_round, workshop)
            for evaluation_round, workshop, referat in zip(self.rounds, self.workshops, minutes)
            if referat.status == MinutesStatus.APPROVED
        ]

    # --- Decisions, actions, anchoring.

    def make_decisions_and_actions(self) -> None:
        rng, write = self.rng, self.write
        kinds, weights = [DecisionKind.CONTINUE, DecisionKind.ADJUST, DecisionKind.NEW, DecisionKind.STOP], [45, 25, 10, 20]
        decisions, process_decisions, actions, checks = [], [], [], []
        last_number: dict[int, int] = {}
        for evaluation_round in self.rounds:
            last_number[evaluation_round.process_id] = max(evaluation_round.number, last_number.get(evaluation_round.process_id, 0))
        for evaluation_round, workshop in self.approved:
            team = self.team[evaluation_round.process_id]
            leader = next(p for p in team if p.role == Role.LEADER)
            decided_on = min(self.today, workshop.date + timedelta(days=rng.randint(0, 7)))
            for solution in self.solutions_of.get(evaluation_round.process_id, []):
                decision = Decision(
                    round=evaluation_round, solution=solution, kind=rng.choices(kinds, weights)[0], rationale=write.text(1),
                    decided_by=leader, decided_on=decided_on,
                    discussed_in_med_on=decided_on + timedelta(days=14) if rng.random() < 0.4 and decided_on + timedelta(days=14) <= self.today else None,
                )  # fmt: skip
                decisions.append(decision)
            if evaluation_round.status == RoundStatus.CLOSED or rng.random() < 0.3:
                last = evaluation_round.number == last_number[evaluation_round.process_id]
                kind = ProcessDecisionKind.NEW_ROUND if not last else rng.choice(
                    [ProcessDecisionKind.NEW_ROUND, ProcessDecisionKind.SPREAD, ProcessDecisionKind.HAND_OVER]
                )
                process_decisions.append(
                    ProcessDecision(round=evaluation_round, kind=kind, rationale=write.text(1), decided_by=leader, decided_on=decided_on)
                )
            _status, learning, _transfer, _rating = self.sections[workshop.pk]
            for n in range(rng.randint(2, 5)):
                deadline = workshop.date + timedelta(days=rng.randint(14, 150))
                if deadline < self.today:
                    status = rng.choices([ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.NOT_STARTED, ActionStatus.DROPPED], [70, 12, 8, 10])[0]
                else:
                    status = rng.choice([ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS])
                actions.append(
                    Action(
                        round=evaluation_round, section=learning if n == 0 else None, what=write.fill("{A} {n}: {vi} {n} {p}")[:300],
                        why=write.text(1), owner=rng.choice(team), deadline=deadline, status=status,
                        done_on=min(self.today, deadline) if status == ActionStatus.DONE else None,
                    )
                )  # fmt: skip
            checks.append(AnchoringCheck(round=evaluation_round))
        self.decisions = self.bulk(Decision, decisions, "decisions")
        self.bulk(ProcessDecision, process_decisions, "decisions on the forløb")
        self.bulk(Action, actions, "actions")
        self.counts["overdue actions"] = sum(
            1 for action in actions if action.deadline < self.today and action.status in (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS)
        )
        checks = self.bulk(AnchoringCheck, checks, "anchoring checks")
        scores = [
            AnchoringScore(
                anchoring_check=check, key=key, statement=str(text),
                average=Decimal(rng.randint(15, 48)) / 10, respondents=rng.randint(5, 12),
            )
            for check in checks
            for key, text in ANCHORING_STATEMENTS
        ]  # fmt: skip
        self.bulk(AnchoringScore, scores, "anchoring scores")
        measures = [
            AnchoringMeasure(
                process=process, key=key, title=_(title), order=position,
                status=rng.choice(list(AnchoringStatus)), responsible=rng.choice(self.team[process.pk]),
            )
            for process in self.processes
            if process.step == Step.LEARN
            for position, (key, title) in enumerate(NAMED_MEASURES)
        ]  # fmt: skip
        self.bulk(AnchoringMeasure, measures, "anchoring measures")

    # --- The erfaringsbank.

    def make_bank(self, total: int) -> None:
        rng, write = self.rng, self.write
        if not self.approved or total == 0:
            return
        # As collect.py files an approved referat: one item per decision on a solution (at most
        # SOLUTION_SHARE of the bank), the rest reusable lessons and transfer cards, title on the first line.
        decided = self.decisions[: int(total * SOLUTION_SHARE)]
        rest = total - len(decided)
        per_round, extra = divmod(rest, len(self.approved))
        lessons, cards, lesson_places, card_places = [], [], [], []
        for position, (evaluation_round, workshop) in enumerate(self.approved):
            quota = per_round + (position < extra)
            _status, learning, transfer, _rating = self.sections[workshop.pk]
            themes = self.headings[(learning.pk, HeadingKind.THEME)]
            columns = self.headings[(transfer.pk, HeadingKind.COLUMN)]
            for _lesson in range(quota // 2):
                title, text = write.title(), write.text(rng.randint(1, 3))
                lesson = Lesson(section=learning, text=f"{title}\n{text}", reusable=True, theme=rng.choice(themes))
                lessons.append(lesson)
                lesson_places.append((evaluation_round, workshop, lesson.theme, title, text))
            for n in range(quota - quota // 2):
                title, text = write.title(), write.text(rng.randint(1, 2))
                column = columns[0] if rng.random() < 0.8 else columns[1]
                card = Card(
                    client_id=uuid.uuid4(), section=transfer, column=column, attendee=self.attendees[workshop.pk][n % 7],
                    text=f"{title}\n{text}"[:500],
                )  # fmt: skip
                cards.append(card)
                card_places.append((evaluation_round, workshop, column, title, text))
        lessons = self.bulk(Lesson, lessons, "lessons")
        cards = self.bulk(Card, cards, "cards")
        self.step_done(f"{len(lessons)} lessons and {len(cards)} transfer cards for the bank")

        types = ContentType.objects.get_for_models(Lesson, Card, Decision)
        organisation = self.organisation
        workshop_of = {workshop.round_id: workshop for workshop in self.workshops}

        def item(evaluation_round, kind, title, text, theme_key, theme, source, decision="") -> BankItem:
            unit = self.process_of[evaluation_round.process_id].unit
            return BankItem(
                organisation=organisation, process_id=evaluation_round.process_id, round=evaluation_round, unit=unit,
                unit_path=unit.path, kind=kind, title=title[:300], text=text, theme_key=theme_key, theme=theme,
                decision=decision, date=workshop_of[evaluation_round.pk].date, source_type=types[type(source)],
                source_id=source.pk, shared=rng.random() > 0.05,
            )  # fmt: skip

        items = [
            item(evaluation_round, ItemKind.LESSON, title, text, theme.key, theme.text, lesson)
            for lesson, (evaluation_round, _workshop, theme, title, text) in zip(lessons, lesson_places)
        ]
        items += [
            item(evaluation_round, ItemKind.TRANSFER, title, text, column.key, column.text, card)
            for card, (evaluation_round, _workshop, column, title, text) in zip(cards, card_places)
        ]
        for decision in decided:
            solution = self.solution_by_pk[decision.solution_id]
            text = "\n\n".join(
                [
                    solution.description,
                    _("Expected effect: %(effect)s") % {"effect": solution.expected_effect},
                    _("Decision: %(kind)s. %(rationale)s") % {"kind": decision.get_kind_display(), "rationale": decision.rationale},
                ]
            )
            challenge_title = self.challenge_title[solution.challenge_id]
            items.append(item(decision.round, ItemKind.SOLUTION, solution.title, text, "", challenge_title, decision, decision.kind))
        items = self.bulk(BankItem, items, "bank items")
        self.step_done(f"{len(items)} bank items written")
        index.index(items)
