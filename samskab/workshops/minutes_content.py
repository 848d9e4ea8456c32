"""The referat of a workshop: its content built once as plain data, then shown three ways.

`build(workshop)` reads everything the referat says into a tree of dataclasses. The HTML page,
the Word file (`minutes_docx.py`) and the PDF (`minutes_pdf.py`) only lay that tree out, so the
three can never disagree about what the MED committee gets to read. Hidden cards never enter
the tree; names enter it only in a named workshop; ratings carry an average and distribution
only for groups of at least the workshop's smallest group, else the reason they are left out.

Approving (`services.minutes_approve`) freezes the referat as a numbered version (`freeze`,
core/frozen.py): the approved page is rebuilt from the stored tree and the files are the stored
bytes, so nothing changed afterwards reaches an approved version. Reopening
(`services.minutes_reopen`) starts work towards the next version; earlier ones stay.
"""

import calendar
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Count
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samskab.core import frozen
from samskab.core.frozen import Seal
from samskab.processes.models import FollowUp
from samskab.rounds.models import Action
from samskab.workshops.models import (
    AttendanceStatus,
    AttendeeRole,
    Card,
    HeadingKind,
    Lesson,
    Minutes,
    MinutesVersion,
    SectionKind,
    Workshop,
)
from samskab.workshops.state import board_state

TRANSFER_KEYS = {"elsewhere", "next"}  # the columns of the template's transfer board
TOP_POINTS = 5
NEXT_EVALUATION_MONTHS = 6


@dataclass
class RoleCount:
    role: str
    count: int


@dataclass
class People:
    """Who was there: counts by role, and names only in a named workshop."""

    attended: list[RoleCount]  # the forløb's participants the facilitator ticked as present
    joined: list[RoleCount]  # who joined with the code, by the role they stated
    apologies: int
    attended_names: list[str] = field(default_factory=list)
    apology_names: list[str] = field(default_factory=list)
    joined_names: list[str] = field(default_factory=list)

    @property
    def attended_total(self) -> int:
        return sum(item.count for item in self.attended)

    @property
    def joined_total(self) -> int:
        return sum(item.count for item in self.joined)

    @property
    def account(self) -> list[str]:
        """Who was there, said once, in the reader's language: the page, the Word file and the PDF print these lines."""
        lines = []
        roles = ", ".join(f"{item.role}: {item.count}" for item in self.attended)
        if self.attended_names:
            lines.append(
                _("Present: %(names)s (%(roles)s).") % {"names": _listed(self.attended_names), "roles": roles}
            )
        elif self.attended:
            lines.append(
                ngettext(
                    "Present: %(counter)s of the process's participants (%(roles)s).",
                    "Present: %(counter)s of the process's participants (%(roles)s).",
                    self.attended_total,
                )
                % {"counter": self.attended_total, "roles": roles}
            )
        else:
            lines.append(_("Attendance was not recorded."))
        if self.joined_total:
            joined = ngettext(
                "%(counter)s person took part with the code on a phone",
                "%(counter)s people took part with the code on their phones",
                self.joined_total,
            ) % {"counter": self.joined_total}
            details = ", ".join(f"{item.role}: {item.count}" for item in self.joined)
            if self.joined_names:
                details += "; " + _listed(self.joined_names)
            lines.append(f"{joined} ({details}).")
        if self.apology_names:
            lines.append(_("Sent apologies: %(names)s.") % {"names": _listed(self.apology_names)})
        elif self.apologies:
            lines.append(
                ngettext("%(counter)s sent apologies.", "%(counter)s sent apologies.", self.apologies)
                % {"counter": self.apologies}
            )
        return lines


def _listed(names: list[str]) -> str:
    """"Anna, Bo og Carl": names in a sentence, with the language's word for "and"."""
    if len(names) < 2:
        return "".join(names)
    return _("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}


@dataclass
class ConfirmedStatus:
    solution: str
    status: str
    said: str
    before: str = ""  # the status before the workshop confirmed it, when the solution had one


@dataclass
class ChallengeStatus:
    challenge: str
    solutions: list[ConfirmedStatus]


@dataclass
class CardLine:
    text: str
    votes: int
    where: str  # column · theme
    author: str = ""  # only in a named workshop


@dataclass
class CardBlock:
    """A group made while grouping, or the ungrouped cards of one column."""

    title: str
    grouped: bool
    cards: list[CardLine]


@dataclass
class Board:
    title: str
    blocks: list[CardBlock]
    voted: bool = True  # False: no vote was held on the board, so no card says "0 votes"

    @property
    def card_count(self) -> int:
        return sum(len(block.cards) for block in self.blocks)


@dataclass
class RoleAverage:
    role: str
    average: float


@dataclass
class StatementResult:
    text: str
    count: int
    average: float | None
    distribution: list[int] | None  # how many gave 1, 2, 3, 4, 5
    # The role groups whose figures the anonymity rule lets through (state.role_breakdown); the
    # others are left out, not even counted, so a small group's answers cannot be singled out.
    by_role: list[RoleAverage] = field(default_factory=list)


@dataclass
class RatingResult:
    title: str
    smallest: int
    statements: list[StatementResult]


@dataclass
class LessonLine:
    text: str
    reusable: bool
    theme: str
    cards: list[str] = field(default_factory=list)  # the (shown) cards the lesson builds on


@dataclass
class ActionLine:
    what: str
    who: str
    deadline: date | None
    status: str
    why: str = ""


@dataclass
class MinutesContent(frozen.SealedContent):
    """Everything the referat says, in the order it says it."""

    municipality: str
    logo: str  # a path under the static files, or ""
    process: str
    unit: str
    round: str
    title: str
    date: date
    place: str
    facilitators: list[str]
    anonymous: bool
    summary: str
    people: People
    status_round: list[ChallengeStatus]
    boards: list[Board]
    top_points: list[CardLine]
    transfer: list[Board]
    ratings: list[RatingResult]
    lessons: list[LessonLine]
    actions: list[ActionLine]
    next_evaluation: date | None
    starts_at: str = ""  # "09:30", or "" when no start time was set
    seal: Seal | None = None  # None: a draft (kladde); kept beside the content, not in its checksum

    @property
    def votes_held(self) -> bool:
        """Whether the room voted on any board: without a vote there are no top points to print."""
        return any(board.voted for board in self.boards + self.transfer)


def months_later(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter (31 August + 6 → 28/29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def default_next_evaluation(workshop: Workshop) -> date:
    return months_later(workshop.date, NEXT_EVALUATION_MONTHS)


def ensure_draft(workshop: Workshop) -> Minutes:
    """The workshop's referat, made as a kladde the first time it is needed (on closing, or on first view)."""
    minutes, _created = Minutes.objects.get_or_create(
        workshop=workshop, defaults={"next_evaluation": default_next_evaluation(workshop)}
    )
    return minutes


def freeze(minutes: Minutes) -> MinutesVersion:
    """The referat as it reads now, in Danish, stored with its files as the next version."""
    from samskab.workshops.minutes_docx import render_docx  # they lay out this module's tree
    from samskab.workshops.minutes_pdf import render_pdf

    with translation.override("da"):
        content = build(minutes.workshop, minutes)
    return frozen.approve_version(
        versions=minutes.versions,
        content=content,
        render_docx=render_docx,
        render_pdf=render_pdf,
        approved_at=minutes.approved_at or timezone.now(),
        by=minutes.approved_by,
        by_name=_name(minutes.approved_by) if minutes.approved_by else "",
    )


def last_version(minutes: Minutes) -> MinutesVersion | None:
    """The newest approved version. Referater approved before versions existed are frozen on first read."""
    version = minutes.versions.order_by("-number").first()
    if version is None and minutes.is_approved:
        with transaction.atomic():
            minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
            version = minutes.versions.order_by("-number").first() or freeze(minutes)
    return version


def version_content(version: MinutesVersion) -> MinutesContent:
    """An approved version's referat, rebuilt from what was stored when it was approved."""
    return frozen.thaw(MinutesContent, version.content, frozen.seal_of(version))


def build(workshop: Workshop, minutes: Minutes) -> MinutesContent:
    """Read the whole referat of `workshop` into plain data."""
    process = workshop.round.process
    organisation = process.unit.organisation
    sections = list(workshop.sections.all())
    for section in sections:
        section.workshop = workshop  # board_state reads the workshop's smallest group
    boards, transfer, all_cards = [], [], []
    for section in sections:
        if section.kind != SectionKind.BOARD:
            continue
        board, cards = _board(section, named=not workshop.anonymous)
        all_cards += cards
        (transfer if _is_transfer(section) else boards).append(board)
    top = sorted((card for card in all_cards if card.votes), key=lambda card: -card.votes)[:TOP_POINTS]
    return MinutesContent(
        municipality=organisation.name,
        logo=getattr(organisation, "logo", "") or "",
        process=process.title,
        unit=process.unit.name,
        round=str(workshop.round),
        title=workshop.title,
        date=workshop.date,
        starts_at=workshop.starts_at.strftime("%H:%M") if workshop.starts_at else "",
        place=workshop.place,
        facilitators=[_name(user) for user in workshop.facilitators.order_by("first_name", "last_name")],
        anonymous=workshop.anonymous,
        summary=minutes.summary,
        people=_people(workshop),
        status_round=_status_round(workshop),
        boards=boards,
        top_points=top,
        transfer=transfer,
        ratings=[_rating(section) for section in sections if section.kind == SectionKind.RATING],
        lessons=[
            LessonLine(
                text=lesson.text,
                reusable=lesson.reusable,
                theme=lesson.theme.text if lesson.theme else "",
                cards=[card.text for card in lesson.cards.all() if not card.hidden],
            )
            for lesson in Lesson.objects.filter(section__workshop=workshop)
            .select_related("theme")
            .prefetch_related("cards")
        ],
        actions=[
            ActionLine(
                what=action.what,
                who=_name(action.owner.user) if action.owner else "",
                deadline=action.deadline,
                status=action.get_status_display(),
                why=action.why,
            )
            for action in Action.objects.filter(section__workshop=workshop).select_related("owner__user")
        ],
        next_evaluation=minutes.next_evaluation,
    )


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def _people(workshop: Workshop) -> People:
    named = not workshop.anonymous
    attendance = list(workshop.attendance.select_related("participant__user").order_by("participant__user__first_name"))
    present = [record.participant for record in attendance if record.status == AttendanceStatus.ATTENDED]
    absent = [record.participant for record in attendance if record.status == AttendanceStatus.APOLOGIES]
    attended = Counter(participant.get_role_display() for participant in present)
    attendees = list(workshop.attendees.filter(on_paper=False).order_by("joined_at"))
    labels = dict(AttendeeRole.choices)
    joined = Counter(str(labels[a.role]) if a.role else _("role not stated") for a in attendees)
    return People(
        attended=[RoleCount(role, count) for role, count in sorted(attended.items())],
        joined=[RoleCount(role, count) for role, count in sorted(joined.items())],
        apologies=len(absent),
        attended_names=[_name(p.user) for p in present] if named else [],
        apology_names=[_name(p.user) for p in absent] if named else [],
        joined_names=[a.name for a in attendees if a.name] if named else [],
    )


def _status_round(workshop: Workshop) -> list[ChallengeStatus]:
    """The statuses confirmed in the status round: follow-ups "fra workshop" of the workshop's day."""
    follow_ups = (
        FollowUp.objects.filter(
            solution__challenge__process=workshop.round.process, from_workshop=True, date=workshop.date
        )
        .select_related("solution__challenge")
        .order_by("solution__challenge__priority", "solution__challenge_id", "solution_id", "-pk")
    )
    challenges: dict[int, ChallengeStatus] = {}
    confirmed = {}
    for follow_up in follow_ups:
        if follow_up.solution_id in confirmed:  # confirmed twice: the last word counts
            continue
        confirmed[follow_up.solution_id] = follow_up
    before = _status_before(workshop, confirmed.keys())
    for follow_up in confirmed.values():
        challenge = follow_up.solution.challenge
        entry = challenges.setdefault(challenge.pk, ChallengeStatus(challenge.title, []))
        entry.solutions.append(
            ConfirmedStatus(
                follow_up.solution.title,
                follow_up.get_status_display(),
                follow_up.happened,
                before=before.get(follow_up.solution_id, ""),
            )
        )
    return list(challenges.values())


def _status_before(workshop: Workshop, solution_ids) -> dict[int, str]:
    """Each solution's status before the workshop: its newest follow-up that is not the workshop's own."""
    earlier = (
        FollowUp.objects.filter(solution_id__in=list(solution_ids), date__lte=workshop.date)
        .exclude(from_workshop=True, date=workshop.date)
        .order_by("solution_id", "-date", "-pk")
    )
    before: dict[int, str] = {}
    for follow_up in earlier:
        before.setdefault(follow_up.solution_id, follow_up.get_status_display())
    return before


def _is_transfer(section) -> bool:
    return any(h.kind == HeadingKind.COLUMN and h.key in TRANSFER_KEYS for h in section.headings.all())


def _board(section, *, named: bool) -> tuple[Board, list[CardLine]]:
    """A board's visible cards: first its groups, then the cards left outside a group, column by column."""
    cards = (
        Card.objects.filter(section=section, hidden=False)
        .annotate(vote_count=Count("votes", distinct=True))
        .select_related("column", "theme", "group", "attendee")
        .order_by("-vote_count", "created_at", "pk")
    )
    groups: dict[int, CardBlock] = {
        group.pk: CardBlock(group.name, True, []) for group in section.groups.all()
    }
    columns: dict[int | None, CardBlock] = {}
    lines = []
    for card in cards:
        where = " · ".join(heading.text for heading in (card.column, card.theme) if heading is not None)
        line = CardLine(
            text=card.text,
            votes=card.vote_count,
            where=where,
            author=card.attendee.name if named and card.attendee else "",
        )
        lines.append(line)
        if card.group_id in groups:
            groups[card.group_id].cards.append(line)
        else:
            title = card.column.text if card.column else _("Other cards")
            columns.setdefault(card.column_id, CardBlock(title, False, [])).cards.append(line)
    order = {heading.pk: heading.order for heading in section.headings.all() if heading.kind == HeadingKind.COLUMN}
    loose = [columns[key] for key in sorted(columns, key=lambda key: (key is None, order.get(key, 0)))]
    blocks = [block for block in groups.values() if block.cards] + loose
    return Board(section.title, blocks, voted=any(line.votes for line in lines)), lines


def _rating(section) -> RatingResult:
    state = board_state(section, for_facilitator=False)
    return RatingResult(
        title=section.title,
        smallest=state["smallest"],
        statements=[
            StatementResult(
                text=figures.statement.text,
                count=figures.count,
                average=figures.average,
                distribution=figures.distribution,
                by_role=[
                    RoleAverage(str(role.label), role.average)
                    for role in getattr(figures, "by_role", [])
                    if role.hidden is None and role.average is not None
                ],
            )
            for figures in state["statements"]
        ],
    )


def reasons_hidden(rating: RatingResult) -> str:
    return _(
        "Averages and distributions are shown only when at least %(smallest)s people have rated a statement."
    ) % {"smallest": rating.smallest}

