"""`manage.py remind`: actions due within a week or overdue, and forløb due for evaluation, each reminded once, with an invitation."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from icalendar import Calendar

from samskab.processes.models import Participant
from samskab.workshops.models import Action, ActionStatus
from tests.helpers import html, today


def remind() -> str:
    out = StringIO()
    call_command("remind", stdout=out)
    return out.getvalue()


def make_action(process, what: str, days: int, **fields) -> Action:
    return Action.objects.create(
        round=process.rounds.get(status="aaben"),
        what=what,
        owner=Participant.objects.get(process=process, user__username="medarbejder"),
        deadline=today() + timedelta(days=days),
        **fields,
    )


def sent_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def test_owners_are_reminded_once_of_actions_due_soon_or_overdue(demo, personas):
    make_action(demo, "Snart", days=5)
    make_action(demo, "For sent", days=-2)
    make_action(demo, "Langt ude", days=30)
    make_action(demo, "Klaret", days=1, status=ActionStatus.DONE, done_on=today())
    demo.next_evaluation = today() + timedelta(days=60)
    demo.save()
    assert "2 reminder(s) sent." in remind()
    assert len(mail.outbox) == 2  # exactly the owner's two: nothing for the action far out or the one done
    owner = personas["medarbejder"].email
    subjects = sorted(message.subject for message in sent_to(owner))
    assert len(subjects) == 2
    assert any("Snart" in subject for subject in subjects) and any("For sent" in subject and "Overskredet" in subject for subject in subjects)
    message = next(m for m in sent_to(owner) if "Snart" in m.subject)
    name, content, kind = message.attachments[0]
    assert name.endswith(".ics") and kind == "text/calendar"
    assert Calendar.from_ical(content).walk("VEVENT")[0].decoded("DTSTART") == today() + timedelta(days=5)
    mail.outbox.clear()
    assert "0 reminder(s) sent." in remind()  # the next day's run, or a second run the same day
    assert mail.outbox == []


def test_a_moved_deadline_is_reminded_anew(demo, personas):
    action = make_action(demo, "Flyttet", days=3)
    remind()
    action.deadline = today() + timedelta(days=6)
    action.save()
    mail.outbox.clear()
    remind()
    assert [m.subject for m in sent_to(personas["medarbejder"].email) if "Flyttet" in m.subject]


def test_facilitators_are_reminded_of_an_evaluation_that_is_due(demo, personas):
    demo.next_evaluation = today() + timedelta(days=4)
    demo.save()
    remind()
    messages = sent_to(personas["konsulent"].email)
    assert len(messages) == 1 and demo.title in messages[0].subject
    assert reverse("process", args=[demo.pk]) in messages[0].body
    mail.outbox.clear()
    remind()
    assert sent_to(personas["konsulent"].email) == []


def test_the_dashboard_lists_forloeb_due_for_evaluation(demo, client_as):
    demo.next_evaluation = today() + timedelta(days=10)
    demo.save()
    page = html(client_as("leder").get(reverse("dashboard")))
    assert "Til evaluering" in page
    demo.next_evaluation = today() + timedelta(days=40)
    demo.save()
    assert "Til evaluering" not in html(client_as("leder").get(reverse("dashboard")))


def test_an_action_with_line_breaks_and_control_characters_gets_a_one_line_subject(demo, personas):
    make_action(demo, "Ring til\nvisitationen\r\n\x0bigen", days=2)
    make_action(demo, "x" * 400, days=3)
    assert "2 reminder(s) sent." in remind()
    subjects = [message.subject for message in sent_to(personas["medarbejder"].email)]
    assert any(subject.endswith("Ring til visitationen igen") for subject in subjects)
    for subject in subjects:
        assert not any(character in subject for character in "\r\n\x0b")
        assert len(subject) <= 150


def test_a_reminder_that_fails_does_not_stop_the_others_and_is_tried_again(demo, personas, monkeypatch):
    from django.core.mail.backends.locmem import EmailBackend

    make_action(demo, "Går galt", days=2)
    make_action(demo, "Går godt", days=3)
    send = EmailBackend.send_messages

    def refuse_one(self, messages):
        if any("Går galt" in message.subject for message in messages):
            raise ConnectionRefusedError("the mail server said no")
        return send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", refuse_one)
    out = StringIO()
    with pytest.raises(CommandError, match="1 reminder"):
        call_command("remind", stdout=out)
    assert "1 reminder(s) sent." in out.getvalue()
    assert [m.subject for m in mail.outbox if "Går godt" in m.subject]
    monkeypatch.setattr(EmailBackend, "send_messages", send)
    mail.outbox.clear()
    assert "1 reminder(s) sent." in remind()  # the one that failed, on the next run
    assert [m.subject for m in mail.outbox] and "Går galt" in mail.outbox[0].subject
