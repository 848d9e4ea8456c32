"""Joining a workshop with its code, and knowing the attendee again on the next request.

The attendee's random token is kept in the participant's browser in a signed, HttpOnly cookie
per workshop, not in Django's session: a logged-in person's session row holds their user id,
and an anonymous attendee's token must never sit beside it in the database. The cookie also
outlives logging out, and one phone can take part in two workshops.
"""

import re
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from samskab.workshops import hot_reads
from samskab.workshops.models import Attendance, AttendanceStatus, Attendee, Workshop, WorkshopStatus

COOKIE_SALT = "samskab.workshops.attendee"
COOKIE_PREFIX = "samskab_deltager_"  # followed by the workshop's id
COOKIE_PATH = "/w/"
COOKIE_MAX_AGE = 2 * 24 * 3600  # a workshop is one day; a day more to read it again afterwards


def normalise_code(code: str) -> str:
    """Codes are read off a projector: any case, with or without spaces and dashes."""
    return re.sub(r"[\s-]+", "", code or "").upper()


def find_workshop(code: str) -> Workshop | None:
    code = normalise_code(code)
    if not code:
        return None
    return Workshop.objects.select_related("round__process__unit__organisation").filter(join_code=code).first()


class JoinRefused(Exception):
    """The workshop takes no one (more) now; `message` says why, for the person at the door."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def joined_count(workshop: Workshop) -> int:
    """Who joined with the code (the facilitator's paper notes are not people in the room)."""
    return workshop.attendees.filter(on_paper=False).count()


def expected(workshop: Workshop) -> int | None:
    """A first guess at the number in the room: the fremmøde recorded, else the forløb's participants less afbud."""
    attendance = Attendance.objects.filter(workshop=workshop)
    came = attendance.filter(status=AttendanceStatus.ATTENDED).count()
    if came:
        return came
    away = attendance.filter(status=AttendanceStatus.APOLOGIES).count()
    return max(workshop.round.process.participants.count() - away, 0) or None


def why_not_open(workshop: Workshop) -> str | None:
    """Why joining with the code is not possible now, or None while it is open."""
    if workshop.status == WorkshopStatus.PLANNED:
        return _("The workshop has not started yet. Try again when the facilitator starts it.")
    if workshop.status != WorkshopStatus.RUNNING:
        return _("This workshop has been closed, so its code no longer works.")
    if not workshop.joining_open:
        return _("The facilitator has closed the workshop for joining. Ask the facilitator if you should be in.")
    return None


@transaction.atomic
def join(*, workshop: Workshop, role: str, name: str) -> Attendee:
    """A new attendee, while the workshop is open for joining and not full. Raises JoinRefused."""
    # One join at a time per workshop, so that two at once cannot both take the last place.
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
    reason = why_not_open(workshop)
    if reason:
        raise JoinRefused(reason)
    if workshop.max_attendees is not None and joined_count(workshop) >= workshop.max_attendees:
        raise JoinRefused(
            _(
                "The workshop is full: %(count)s have joined, as many as the facilitator said are in the room. "
                "If you are in the room, ask the facilitator to let one more in."
            )
            % {"count": workshop.max_attendees}
        )
    return Attendee.objects.create(workshop=workshop, role=role, name=name)


def cookie_name(workshop: Workshop) -> str:
    return f"{COOKIE_PREFIX}{workshop.pk}"


def remember(response: HttpResponse, attendee: Attendee) -> None:
    response.set_signed_cookie(
        cookie_name(attendee.workshop),
        attendee.token,
        salt=COOKIE_SALT,
        max_age=COOKIE_MAX_AGE,
        path=COOKIE_PATH,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def attendee_for(request: HttpRequest, workshop: Workshop | None) -> Attendee | None:
    """The attendee whose cookie this browser holds for the workshop, if any."""
    if workshop is None:
        return None
    token = request.get_signed_cookie(cookie_name(workshop), default=None, salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE)
    if not token:
        return None
    attendee = Attendee.objects.filter(workshop=workshop, token=token).first()
    if attendee is not None:
        attendee.workshop = workshop
    return attendee


def _tokens(request: HttpRequest) -> dict[int, str]:
    """The attendee tokens this browser holds, by workshop id, from the signed cookies."""
    tokens = {}
    for name in request.COOKIES:
        workshop_id = name.removeprefix(COOKIE_PREFIX)
        if workshop_id != name and workshop_id.isdigit():
            token = request.get_signed_cookie(name, default=None, salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE)
            if token:
                tokens[int(workshop_id)] = token
    return tokens


def attendee_by_code(request: HttpRequest, code: str) -> Attendee | None:
    """The attendee, with its workshop, that this browser's cookie names in the workshop with this code.

    The same check as attendee_for(request, find_workshop(code)), in one query: every write from a
    phone starts here.
    """
    tokens = _tokens(request)
    code = normalise_code(code)
    if not tokens or not code:
        return None
    for attendee in hot_reads.attendees_by_code(code, list(tokens.values())):
        if tokens.get(attendee.workshop_id) == attendee.token:
            return attendee
    return None


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def attendee_required(view: Callable) -> Callable:
    """Give the view the attendee (`view(request, attendee, ...)`), or send the browser to join.

    Whether the code exists or not, a browser without the cookie is sent to the join page, which
    counts wrong codes: these pages must not tell a guesser which codes are real.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, code: str, *args, **kwargs) -> HttpResponse:
        attendee = attendee_by_code(request, code)
        if attendee is None:
            join_url = reverse("workshops:join_code", args=[normalise_code(code) or "-"])
            if wants_json(request):
                message = _("You are no longer joined to the workshop. Join again with the code.")
                return JsonResponse({"ok": False, "message": message, "join": join_url}, status=403)
            return redirect(join_url)
        return view(request, attendee, *args, **kwargs)

    return wrapper
