"""Calendar invitations (.ics) for an action's deadline and a forløb's next evaluation."""

from datetime import date, datetime, timedelta
from datetime import timezone as dt_timezone

from icalendar import Calendar, Event

from samskab.core.text import without_control_characters

PRODUCT = "-//Samskab//Samskab//DA"


def _calendar(summary: str, day: date, uid: str, description: str, url: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", uid)
    event.add("summary", without_control_characters(summary, multiline=False))
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("dtstamp", datetime.now(dt_timezone.utc))
    event.add("description", without_control_characters(description))
    event.add("url", url)
    calendar.add_component(event)
    return calendar.to_ical()


def action_invitation(action, *, host: str, url: str, description: str) -> bytes:
    return _calendar(action.what, action.deadline, f"samskab-action-{action.pk}@{host}", description, url)


def evaluation_invitation(process, *, host: str, url: str, summary: str) -> bytes:
    return _calendar(summary, process.next_evaluation, f"samskab-evaluation-{process.pk}@{host}", process.title, url)
