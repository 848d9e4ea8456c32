"""What is due for deletion under each municipality's retention periods, and deleting it.

Each due item is a queryset. Deleting it takes along what Django cascades to, and then the
history rows of every deleted record (including the row simple_history writes for the deletion
itself), so that nothing of it stays behind in the history tables. A second run finds nothing.
"""

import calendar
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import Q, QuerySet
from django.db.models.deletion import Collector

from samskab.actionplan.models import SentReminder
from samskab.audit.models import AuditEvent, Kind
from samskab.audit.services import audit_purge, audit_record
from samskab.decisions.models import Decision, ProcessDecision
from samskab.ideas.models import Idea
from samskab.organisations.models import Organisation
from samskab.privacy.models import RetentionPeriods, retention_for
from samskab.processes.models import Process
from samskab.workshops.models import Attendee, Card, CardGroup, MinutesStatus, Workshop

CHUNK = 500


@dataclass
class Due:
    label: str
    queryset: QuerySet
    organisation: Organisation | None = None  # whose periods made it due (None: the installation's)


def months_before(moment: datetime | date, months: int):
    """The same day `months` earlier (the month's last day when it has fewer days)."""
    total = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(total, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def tracked_models() -> list[tuple]:
    """(model, its historical model) for every model whose history simple_history keeps."""
    return [
        (model, getattr(model, model._meta.simple_history_manager_attribute).model)
        for model in apps.get_models()
        if hasattr(model._meta, "simple_history_manager_attribute")
    ]


def _m2m_history_models(historical) -> list:
    """The history tables of many-to-many fields that hang on `historical`'s rows."""
    return [
        model
        for model in apps.get_models()
        if any(field.name == "m2m_history_id" for field in model._meta.fields)
        and model._meta.get_field("history").related_model is historical
    ]


def _chunks(values):
    values = list(values)
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _idea_sources():
    return Idea.objects.filter(source_type=ContentType.objects.get_for_model(Card)).values("source_id")


def _due_for(organisation: Organisation, periods: RetentionPeriods, now: datetime) -> list[Due]:
    name = organisation.name
    raw_before = months_before(now, periods.workshop_raw_months)
    workshops = Workshop.objects.filter(
        round__process__unit__organisation=organisation,
        minutes__status=MinutesStatus.APPROVED,
        minutes__approved_at__lt=raw_before,
    )
    ended_before = months_before(now.date(), periods.process_years * 12)
    processes = Process.objects.filter(unit__organisation=organisation, end_date__lt=ended_before)
    return [
        # A card taken onto the municipality's list of ideas stays while the idea does (the idea is its own record).
        Due(
            f"{name}: cards of workshops approved before {raw_before:%Y-%m-%d}",
            Card.objects.filter(section__workshop__in=workshops).exclude(pk__in=_idea_sources()),
        ),
        Due(f"{name}: card groups of the same workshops", CardGroup.objects.filter(section__workshop__in=workshops)),
        Due(f"{name}: workshop participants, votes and ratings of the same workshops", Attendee.objects.filter(workshop__in=workshops)),
        # A decision protects the participant who made it: the decisions go first, then the forløb.
        Due(f"{name}: decisions of processes ended before {ended_before:%Y-%m-%d}", Decision.objects.filter(round__process__in=processes)),
        Due(f"{name}: decisions on the same processes as a whole", ProcessDecision.objects.filter(round__process__in=processes)),
        Due(f"{name}: processes ended before {ended_before:%Y-%m-%d} with their rounds", processes),
        Due(
            f"{name}: reminders sent before {months_before(now, periods.reminder_months):%Y-%m-%d}",
            SentReminder.objects.filter(recipient__organisation=organisation, sent_at__lt=months_before(now, periods.reminder_months)),
        ),
    ]


def _old_history(now: datetime) -> list[Due]:
    """History rows past their period: a row counts for the municipality of the person who made
    the change; rows made by nobody (commands) or by people of no municipality use the default."""
    items = []
    default_months = RetentionPeriods._meta.get_field("history_months").default
    periods = [(org, retention_for(org).history_months) for org in Organisation.objects.all()]
    for model, historical in tracked_models():
        for organisation, months in periods:
            before = months_before(now, months)
            rows = historical.objects.filter(history_user__organisation=organisation, history_date__lt=before)
            items.append(Due(f"{organisation.name}: history of {model._meta.label} before {before:%Y-%m-%d}", rows, organisation))
        before = months_before(now, default_months)
        nobodys = Q(history_user__isnull=True) | Q(history_user__organisation__isnull=True)
        rows = historical.objects.filter(nobodys, history_date__lt=before)
        items.append(Due(f"history of {model._meta.label} made by no municipality's people before {before:%Y-%m-%d}", rows))
    return items


def due(now: datetime) -> list[Due]:
    items = []
    for organisation in Organisation.objects.order_by("pk"):
        for item in _due_for(organisation, retention_for(organisation), now):
            item.organisation = organisation
            items.append(item)
    items.append(Due("sessions that have expired", Session.objects.filter(expire_date__lt=now)))
    return items + _old_history(now)


def rows_of(queryset: QuerySet) -> dict:
    """Every row that deleting `queryset` removes, by model: the cascade and the history rows."""
    collector = Collector(using=DEFAULT_DB_ALIAS)
    collector.collect(queryset)
    rows = defaultdict(set)
    for model, instances in collector.data.items():
        rows[model].update(instance.pk for instance in instances)
    for fast in collector.fast_deletes:
        rows[fast.model].update(fast.values_list("pk", flat=True))
    histories = dict(tracked_models())
    for model, pks in list(rows.items()):
        historical = histories.get(model)
        if historical is not None:
            for chunk in _chunks(pks):
                rows[historical].update(historical.objects.filter(id__in=chunk).values_list("pk", flat=True))
    for model, pks in list(rows.items()):
        for m2m in _m2m_history_models(model):
            for chunk in _chunks(pks):
                rows[m2m].update(m2m.objects.filter(history_id__in=chunk).values_list("pk", flat=True))
    return {model: pks for model, pks in rows.items() if pks}


def _delete_history(historical, pks) -> None:
    for chunk in _chunks(pks):
        for m2m in _m2m_history_models(historical):
            m2m.objects.filter(history_id__in=chunk).delete()
        historical.objects.filter(pk__in=chunk).delete()


def delete(queryset: QuerySet, rows: dict) -> None:
    """Delete `queryset`, then every history row of what went with it (the deletion's own too)."""
    histories = dict(tracked_models())
    historical_models = set(histories.values())
    with transaction.atomic():
        if queryset.model in historical_models:
            _delete_history(queryset.model, rows.get(queryset.model, ()))
            return
        queryset.delete()
        for model, pks in rows.items():
            historical = histories.get(model)
            if historical is not None:
                for chunk in _chunks(pks):
                    _delete_history(historical, historical.objects.filter(id__in=chunk).values_list("pk", flat=True))


def purge(now: datetime, *, dry_run: bool, report=None) -> Counter:
    """Delete (or with `dry_run` only count) what is due; `report(label, counts)` hears of each
    non-empty item. Each municipality's purge is written in the audit trail, whose own old events
    go after AUDIT_RETENTION_MONTHS."""
    total = Counter()
    by_organisation = defaultdict(Counter)
    for item in due(now):
        rows = rows_of(item.queryset)
        if not rows:
            continue
        counts = Counter({model._meta.label: len(pks) for model, pks in rows.items()})
        if report:
            report(item.label, counts)
        if not dry_run:
            delete(item.queryset, rows)
        total += counts
        by_organisation[item.organisation] += counts
    audit_before = months_before(now, settings.AUDIT_RETENTION_MONTHS)
    if dry_run:
        old_events = AuditEvent.objects.filter(when__lt=audit_before).count()
    else:
        old_events = audit_purge(before=audit_before)
        for organisation, counts in by_organisation.items():
            audit_record(kind=Kind.PURGE, by=None, organisation=organisation, details=dict(counts))
    if old_events:
        if report:
            report(f"audit events before {audit_before:%Y-%m-%d}", Counter({AuditEvent._meta.label: old_events}))
        total[AuditEvent._meta.label] += old_events
    return total
