"""Print the audit trail as JSON lines, for a log shipper (cron, systemd timer)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime

from samskab.audit.models import AuditEvent
from samskab.audit.queries import json_lines


class Command(BaseCommand):
    help = "Print audit events as JSON lines (oldest first), optionally from a time or after an event id."

    def add_arguments(self, parser):
        parser.add_argument("--since", help="ISO time, e.g. 2026-12-07T00:00:00+01:00 (events at or after it)")
        parser.add_argument("--after-id", type=int, help="only events with a higher id than this (the last one shipped)")
        parser.add_argument("--organisation", help="only this municipality (its slug)")

    def handle(self, *args, since=None, after_id=None, organisation=None, **options):
        events = AuditEvent.objects.all()
        if since:
            when = parse_datetime(since)
            if when is None:
                raise CommandError("--since must be an ISO date and time, e.g. 2026-12-07T00:00:00+01:00")
            if when.tzinfo is None:
                when = when.replace(tzinfo=datetime.UTC)
            events = events.filter(when__gte=when)
        if after_id is not None:
            events = events.filter(pk__gt=after_id)
        if organisation:
            events = events.filter(organisation__slug=organisation)
        for line in json_lines(events):
            self.stdout.write(line, ending="")
