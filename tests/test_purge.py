"""manage.py purge: deletes what each municipality's retention periods say is due, with its history, and nothing else."""

from datetime import timedelta
from io import StringIO
from uuid import uuid4

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from samskab.actionplan.models import SentReminder
from samskab.audit.models import AuditEvent, Kind
from samskab.ideas.models import Idea
from samskab.privacy.models import RetentionPeriods
from samskab.privacy.purge import months_before, tracked_models
from samskab.processes.models import Challenge, Process
from samskab.workshops import services
from samskab.workshops.models import Section, Attendee, Card, Minutes, MinutesVersion, Rating, Vote, Workshop, WorkshopStatus


def counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def purge(*args) -> str:
    out = StringIO()
    call_command("purge", *args, stdout=out)
    return out.getvalue()


def dropped(before: dict, after: dict) -> dict:
    return {label: before[label] - after[label] for label in before if after[label] < before[label]}


def history_of(model):
    return dict(tracked_models())[model]


@pytest.fixture
def approved_workshop(demo, personas):
    """The demo's workshop with cards, its referat approved (frozen) 7 months ago, with a participant who voted."""
    workshop = Workshop.objects.filter(sections__cards__isnull=False).distinct().get()
    minutes, _ = Minutes.objects.get_or_create(workshop=workshop)
    if not minutes.is_approved:
        Workshop.objects.filter(pk=workshop.pk).update(status=WorkshopStatus.CLOSED)
        services.minutes_approve(minutes=minutes, by=personas["konsulent"])
    Minutes.objects.filter(pk=minutes.pk).update(approved_at=months_before(timezone.now(), 7))
    attendee = Attendee.objects.create(workshop=workshop, name="Vera Vælger")
    Vote.objects.create(client_id=uuid4(), card=Card.objects.filter(section__workshop=workshop).first(), attendee=attendee)
    return workshop


def test_months_before_keeps_the_day_or_takes_the_months_last():
    assert months_before(timezone.datetime(2026, 3, 31).date(), 1) == timezone.datetime(2026, 2, 28).date()
    assert months_before(timezone.datetime(2026, 1, 15).date(), 13) == timezone.datetime(2024, 12, 15).date()


def test_a_fresh_demo_has_nothing_due(demo):
    before = counts()
    assert purge().endswith("0 row(s) deleted.\n")
    assert counts() == before


def test_raw_cards_votes_ratings_and_participants_go_months_after_the_referat_is_approved(approved_workshop):
    workshop = approved_workshop
    frozen = MinutesVersion.objects.get(minutes__workshop=workshop)
    other = Card.objects.create(client_id=uuid4(), section=Section.objects.exclude(workshop=workshop).first(), text="Andet kort")
    others = Card.objects.exclude(section__workshop=workshop).count()
    before = counts()

    purge()

    ideas = Idea.objects.filter(source_type=ContentType.objects.get_for_model(Card))
    assert set(Card.objects.filter(section__workshop=workshop)) == {idea.source for idea in ideas}
    assert not Attendee.objects.filter(workshop=workshop).exists()
    assert not Vote.objects.filter(attendee__workshop=workshop).exists()
    assert not Rating.objects.filter(attendee__workshop=workshop).exists()
    assert Card.objects.count() == others + ideas.count() and Card.objects.filter(pk=other.pk).exists()
    kept = MinutesVersion.objects.get(pk=frozen.pk)
    assert kept.content == frozen.content and kept.checksum == frozen.checksum
    assert set(dropped(before, counts())) <= {
        "workshops.Card", "workshops.CardGroup", "workshops.Attendee", "workshops.Vote", "workshops.Rating",
        "workshops.Card_solutions", "workshops.Lesson_cards",
    }
    assert purge().endswith("0 row(s) deleted.\n")


def test_not_yet_due_stays(approved_workshop):
    Minutes.objects.filter(workshop=approved_workshop).update(approved_at=months_before(timezone.now(), 5))
    before = counts()
    purge()
    assert counts() == before


def test_a_municipality_sets_a_shorter_period(approved_workshop):
    RetentionPeriods.objects.create(organisation=approved_workshop.round.process.unit.organisation, workshop_raw_months=8)
    assert "0 row(s) deleted" in purge()
    RetentionPeriods.objects.update(workshop_raw_months=6)
    purge()
    assert not Vote.objects.filter(attendee__workshop=approved_workshop).exists()


def test_a_finished_process_goes_years_after_its_end_with_its_history(demo):
    Process.objects.filter(pk=demo.pk).update(end_date=timezone.localdate() - timedelta(days=5 * 366))
    challenges = list(Challenge.objects.filter(process=demo).values_list("pk", flat=True))
    assert challenges and history_of(Process).objects.filter(id=demo.pk).exists()
    other = Process.objects.exclude(pk=demo.pk).first()
    other_history = history_of(Process).objects.filter(id=other.pk).count()

    listed = purge("--dry-run")
    assert "processes ended before" in listed and "processes.Process" in listed
    assert Process.objects.filter(pk=demo.pk).exists()

    purge()

    assert not Process.objects.filter(pk=demo.pk).exists()
    assert not history_of(Process).objects.filter(id=demo.pk).exists()
    assert not history_of(Challenge).objects.filter(id__in=challenges).exists()
    assert history_of(Process).objects.filter(id=other.pk).count() == other_history
    event = AuditEvent.objects.get(kind=Kind.PURGE, organisation=demo.unit.organisation)
    assert event.details["processes.Process"] == 1 and event.user is None
    before = counts()
    assert purge().endswith("0 row(s) deleted.\n")
    assert counts() == before


def test_the_audit_trail_goes_after_its_own_period(demo, settings):
    settings.AUDIT_RETENTION_MONTHS = 12
    old = AuditEvent.objects.create(kind=Kind.SIGN_IN, username="leder", when=months_before(timezone.now(), 13))
    new = AuditEvent.objects.create(kind=Kind.SIGN_IN, username="leder", when=months_before(timezone.now(), 11))
    assert "1 audit.AuditEvent" in purge("--dry-run")
    purge()
    assert not AuditEvent.objects.filter(pk=old.pk).exists() and AuditEvent.objects.filter(pk=new.pk).exists()


def test_old_history_rows_go_and_newer_ones_stay(demo, personas):
    historical = history_of(Process)
    rows = historical.objects.filter(id=demo.pk).order_by("history_date")
    old, new = rows.first(), rows.last()
    historical.objects.filter(pk=old.pk).update(
        history_date=months_before(timezone.now(), 25), history_user=personas["konsulent"]
    )
    if new.pk == old.pk:
        new = historical.objects.create(**{**{f.attname: getattr(old, f.attname) for f in historical._meta.fields}, "history_id": None, "history_date": timezone.now()})
    purge()
    assert not historical.objects.filter(pk=old.pk).exists()
    assert historical.objects.filter(pk=new.pk).exists()
    assert Process.objects.filter(pk=demo.pk).exists()


def test_expired_sessions_and_old_sent_reminders_go(demo, personas, client_as):
    client_as("leder").get("/")
    alive = Session.objects.count()
    Session.objects.create(session_key="x" * 32, session_data="", expire_date=timezone.now() - timedelta(minutes=1))
    old = SentReminder.objects.create(kind="action", object_id=1, due=timezone.localdate(), recipient=personas["leder"])
    new = SentReminder.objects.create(kind="action", object_id=2, due=timezone.localdate(), recipient=personas["leder"])
    SentReminder.objects.filter(pk=old.pk).update(sent_at=months_before(timezone.now(), 4))

    purge()

    assert Session.objects.count() == alive
    assert not SentReminder.objects.filter(pk=old.pk).exists()
    assert SentReminder.objects.filter(pk=new.pk).exists()
