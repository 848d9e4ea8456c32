"""A demo workshop that has been held: cards (one hidden), a group, votes, ratings, lessons, aftaler,
attendance and a confirmed status, then closed. The referat tests read its minutes."""

import uuid
from dataclasses import dataclass
from datetime import timedelta

from samskab.processes.models import FollowUp, Process, Solution, SolutionStatus
from samskab.rounds.models import Action
from samskab.workshops.models import (
    Attendance,
    AttendanceStatus,
    Attendee,
    Card,
    CardGroup,
    Lesson,
    HeadingKind,
    Rating,
    SectionKind,
    Vote,
    Workshop,
    WorkshopStatus,
)

VISIBLE = "Tavlemøderne giver ro om morgenen"
GROUPED = "Skabelonen sparer tid"
HIDDEN = "Jens fra team 2 bremser alting"
TRANSFER = "Tavlemøder kan bruges i Hjemmeplejen Syd"
LESSON = "Start småt og vis resultater tidligt"
ACTION = "Del skabelonen med Hjemmeplejen Syd"
CONFIRMED = "Bekræftet på workshoppen: skabelonen bruges af alle"
ATTENDEE_NAME = "Birthe Bruun"


@dataclass
class Held:
    workshop: Workshop
    hidden: Card
    visible: Card
    solution: Solution


def hold_workshop(process: Process, *, anonymous: bool = True, raters: int = 5, close: bool = True) -> Held:
    """Hold the demo workshop: `raters` people rate the first statement, two rate the second."""
    workshop = Workshop.objects.get(round__process=process)
    workshop.anonymous = anonymous
    workshop.save()
    board = workshop.sections.get(kind=SectionKind.BOARD, order=1)
    transfer = workshop.sections.get(kind=SectionKind.BOARD, order=2)
    rating = workshop.sections.get(kind=SectionKind.RATING)
    keep, change = board.headings.filter(kind=HeadingKind.COLUMN)[:2]
    method = board.headings.filter(kind=HeadingKind.THEME).first()
    roles = ["leder", "medarbejder", "medarbejder", "tr", ""]
    attendees = [
        Attendee.objects.create(
            workshop=workshop,
            role=roles[i % len(roles)],
            name="" if anonymous else (ATTENDEE_NAME if i == 0 else f"Deltager {i}"),
        )
        for i in range(max(raters, 3))
    ]

    def card(section, text, **fields) -> Card:
        return Card.objects.create(client_id=uuid.uuid4(), section=section, text=text, attendee=attendees[0], **fields)

    group = CardGroup.objects.create(section=board, name="Møderne")
    visible = card(board, VISIBLE, column=keep, theme=method)
    grouped = card(board, GROUPED, column=keep, group=group)
    hidden = card(board, HIDDEN, column=change, hidden=True)
    card(transfer, TRANSFER, column=transfer.headings.filter(kind=HeadingKind.COLUMN).first())
    for voter in attendees[:3]:
        Vote.objects.create(client_id=uuid.uuid4(), card=visible, attendee=voter)
    Vote.objects.create(client_id=uuid.uuid4(), card=grouped, attendee=attendees[1])
    Vote.objects.create(client_id=uuid.uuid4(), card=hidden, attendee=attendees[2])
    first, second = rating.statements.all()[:2]
    for i, attendee in enumerate(attendees[:raters]):
        Rating.objects.create(client_id=uuid.uuid4(), statement=first, attendee=attendee, value=4 if i % 2 else 5)
    for attendee in attendees[:2]:
        Rating.objects.create(client_id=uuid.uuid4(), statement=second, attendee=attendee, value=1)

    lesson = Lesson.objects.create(section=board, text=LESSON, reusable=True, theme=method)
    lesson.cards.add(visible)
    leader = process.participants.get(user__username="leder")
    Action.objects.create(
        round=workshop.round, section=board, what=ACTION, owner=leader, deadline=workshop.date + timedelta(days=30)
    )
    for username in ("medarbejder", "tr"):
        Attendance.objects.create(
            workshop=workshop, participant=process.participants.get(user__username=username), status=AttendanceStatus.ATTENDED
        )
    solution = Solution.objects.filter(challenge__process=process).first()
    FollowUp.objects.create(
        solution=solution, date=workshop.date, status=SolutionStatus.IMPLEMENTED, happened=CONFIRMED, from_workshop=True
    )
    if close:
        workshop.status = WorkshopStatus.CLOSED
        workshop.save()
    return Held(workshop=workshop, hidden=hidden, visible=visible, solution=solution)
