"""Reading the audit trail: a municipality's events, filtered, and as JSON lines."""

import datetime
import json

from django.utils import timezone

from samskab.audit.models import AuditEvent

# The keys of a JSON line, in this order; log systems may rely on them.
KEYS = (
    "id", "when", "kind", "user_id", "username", "object_type", "object_id", "object_text",
    "organisation_id", "address", "details",
)


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def events_for(organisation, *, kind: str = "", person: str = "", since=None, until=None):
    """The municipality's events, newest first; `until` is a day included."""
    events = AuditEvent.objects.filter(organisation=organisation)
    if kind:
        events = events.filter(kind=kind)
    if person:
        events = events.filter(username__iexact=person.strip())
    if since:
        events = events.filter(when__gte=_start_of(since))
    if until:
        events = events.filter(when__lt=_start_of(until + datetime.timedelta(days=1)))
    return events


def json_line(event: AuditEvent) -> str:
    row = {
        "id": event.pk,
        "when": event.when.astimezone(datetime.UTC).isoformat(),
        "kind": event.kind,
        "user_id": event.user_id,
        "username": event.username,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "object_text": event.object_text,
        "organisation_id": event.organisation_id,
        "address": event.address,
        "details": event.details,
    }
    return json.dumps({key: row[key] for key in KEYS}, ensure_ascii=False, sort_keys=False) + "\n"


def json_lines(events):
    """In the order they were recorded, so a log shipper appends in order (and resumes after an id)."""
    for event in events.order_by("pk").iterator(chunk_size=2000):
        yield json_line(event)
