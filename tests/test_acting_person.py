"""The services name the person who acted in the history, also outside a request (a command, the demo).

Inside a request django-simple-history would take the request's user by itself; these writes
are called with `by=` so that the record says who did it wherever they are called from.
"""

from decimal import Decimal

from django.urls import reverse

from samskab.anchoring.services import anchoring_check_save
from samskab.rounds import services as round_services
from samskab.rounds.models import RoundStatus
from samskab.workshops import minutes_content as referat
from samskab.workshops import services
from samskab.workshops.models import Workshop
from tests.minutes_helpers import hold_workshop


def newest(instance):
    return instance.history.order_by("-history_id").first()


def test_starting_the_next_round_records_who_closed_the_one_before(demo, client_as, personas):
    first = demo.rounds.get()
    client_as("leder").post(reverse("workshops:round_start", args=[demo.pk]), {"confirmed": "yes", "workshop": "move"})
    record = newest(first)
    assert (record.status, record.history_user) == (RoundStatus.CLOSED, personas["leder"])


def test_closing_moving_and_scoring_name_the_person(demo, personas):
    konsulent = personas["konsulent"]
    evaluation_round = demo.rounds.get()
    section = Workshop.objects.get(round=evaluation_round).sections.order_by("order")[1]
    services.section_move(section=section, up=True, by=konsulent)
    assert newest(section).history_user == konsulent
    check = anchoring_check_save(evaluation_round=evaluation_round, scores={"relations": (Decimal("2.0"), None)}, from_workshop=False, by=konsulent)
    assert newest(check).history_user == konsulent
    action, made = round_services.action_add_once(evaluation_round=evaluation_round, source=check, key="relations", what="Mød naboerne", by=konsulent)
    assert made and newest(action).history_user == konsulent
    round_services.round_close(evaluation_round=evaluation_round, by=konsulent)
    assert newest(evaluation_round).history_user == konsulent


def test_cancelling_a_planned_workshop_names_the_person(demo, personas):
    workshop = Workshop.objects.get(round__process=demo)
    pk = workshop.pk
    services.workshop_cancel(workshop=workshop, by=personas["leder"])
    record = Workshop.history.filter(id=pk).latest("history_id")
    assert (record.history_type, record.history_user) == ("-", personas["leder"])


def test_approving_and_reopening_the_referat_name_the_person(demo, personas):
    held = hold_workshop(demo)
    minutes = referat.ensure_draft(held.workshop)
    assert services.minutes_approve(minutes=minutes, by=personas["konsulent"])
    assert newest(minutes).history_user == personas["konsulent"]
    assert services.minutes_reopen(minutes=minutes, by=personas["central"])
    assert newest(minutes).history_user == personas["central"]
