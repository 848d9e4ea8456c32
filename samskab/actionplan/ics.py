"""Calendar invitations (.ics) for an action's deadline and a forløb's next evaluation.

A downloaded invitation and an emailed one for the same thing are the same event: one UID (on the
site's own domain, from SITE_URL, whatever host and port the browser used), one description, and a
SEQUENCE that grows when the thing changes, so a moved deadline moves the event in the calendar
instead of adding a second one.
"""

from datetime import date, datetime, timedelta
from datetime import timezone as dt_timezone
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from icalendar import Calendar, Event

from samskab.core.text import without_control_characters

PRODUCT = "-//Samskab//Samskab//DA"


def absolute(path: str) -> str:
    """The address of a page of the site, as people outside it reach it (SITE_URL)."""
    return settings.SITE_URL.rstrip("/") + path


def _domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "samskab"


def _calendar(*, summary: str, day: date, uid: str, sequence: int, description: str, url: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", uid)
    event.add("sequence", sequence)
    event.add("summary", without_control_characters(summary, multiline=False))
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("dtstamp", datetime.now(dt_timezone.utc))
    event.add("description", without_control_characters(description))
    event.add("url", url)
    calendar.add_component(event)
    return calendar.to_ical()


def action_url(action) -> str:
    return absolute(reverse("actionplan:round_plan", args=[action.round_id]))


def action_invitation(action) -> bytes:
    """The action's deadline; its version counts its changes (a moved deadline is a newer event)."""
    url = action_url(action)
    return _calendar(
        summary=action.what,
        day=action.deadline,
        uid=f"samskab-action-{action.pk}@{_domain()}",
        sequence=action.version,
        description="\n".join(filter(None, [action.why, action.round.process.title, url])),
        url=url,
    )


def evaluation_invitation(process, *, summary: str) -> bytes:
    """The forløb's next evaluation; each saved change of the forløb counts as a newer event."""
    url = absolute(process.get_absolute_url())
    return _calendar(
        summary=summary,
        day=process.next_evaluation,
        uid=f"samskab-evaluation-{process.pk}@{_domain()}",
        sequence=process.history.count(),
        description="\n".join([process.title, url]),
        url=url,
    )
