"""`manage.py remind`: actions due within a week or overdue, and forløb due for evaluation, each reminded once, with an invitation."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from icalendar import Calendar

from samskab.processes.models import Participant
from samskab.rounds.models import Action, ActionStatus
from tests.helpers import html, today


def remind() -> str:
    out = StringIO()
    call_command("remind", stdout=out)
    return out.getvalue()


def make_action(process, what: str, days: int, owner: str = "medarbejder", **fields) -> Action:
    return Action.objects.create(
        round=process.rounds.get(status="aaben"),
        what=what,
        owner=Participant.objects.get(process=process, user__username=owner),
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
    assert len(mail.outbox) == 1  # one email for the owner's two: nothing for the action far out or the one done
    [message] = sent_to(personas["medarbejder"].email)
    assert "2 påmindelser" in message.subject
    assert "Snart" in message.body and "For sent" in message.body and "Langt ude" not in message.body
    assert "ikke markeret som udført" in message.body  # the overdue one says so
    [(name, content, kind)] = message.attachments  # an invitation for the date ahead, none for the date passed
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
    assert reverse("processes:process", args=[demo.pk]) in messages[0].body
    mail.outbox.clear()
    remind()
    assert sent_to(personas["konsulent"].email) == []


def test_the_dashboard_lists_forloeb_due_for_evaluation(demo, client_as):
    demo.next_evaluation = today() + timedelta(days=10)
    demo.save()
    page = html(client_as("leder").get(reverse("processes:dashboard")))
    assert "Til evaluering" in page
    demo.next_evaluation = today() + timedelta(days=40)
    demo.save()
    assert "Til evaluering" not in html(client_as("leder").get(reverse("processes:dashboard")))


def test_an_action_with_line_breaks_and_control_characters_gets_a_one_line_subject(demo, personas):
    make_action(demo, "Ring til\nvisitationen\r\n\x0bigen", days=2)
    make_action(demo, "x" * 300, days=3, owner="tr")  # the longest an action may be
    assert "2 reminder(s) sent." in remind()
    subjects = [message.subject for message in mail.outbox]
    assert any(subject.endswith("Ring til visitationen igen") for subject in subjects)
    for subject in subjects:
        assert not any(character in subject for character in "\r\n\x0b")
        assert len(subject) <= 150


def test_a_reminder_that_fails_does_not_stop_the_others_and_is_tried_again(demo, personas, monkeypatch):
    from django.core.mail.backends.locmem import EmailBackend

    make_action(demo, "Går galt", days=2)
    make_action(demo, "Går godt", days=3, owner="tr")
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


def test_a_forloeb_whose_evaluation_has_passed_is_reminded_once_without_an_invitation(demo, personas):
    demo.next_evaluation = today() - timedelta(days=40)
    demo.save()
    remind()
    [message] = sent_to(personas["konsulent"].email)
    assert "Overskredet" in message.subject and demo.title in message.subject
    assert message.attachments == []  # no invitation for a date that has passed
    mail.outbox.clear()
    remind()
    assert sent_to(personas["konsulent"].email) == []


def test_the_downloaded_and_the_emailed_invitation_are_one_event_that_a_moved_deadline_updates(demo, personas, client_as):
    action = make_action(demo, "Fælles invitation", days=3)
    remind()
    [message] = sent_to(personas["medarbejder"].email)
    emailed = Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")[0]
    downloaded_file = client_as("medarbejder").get(reverse("actionplan:action_ics", args=[action.pk]), HTTP_HOST="localhost:8443")
    downloaded = Calendar.from_ical(downloaded_file.content).walk("VEVENT")[0]
    assert str(downloaded["UID"]) == str(emailed["UID"])
    assert str(downloaded["DESCRIPTION"]) == str(emailed["DESCRIPTION"])
    client = client_as("leder")
    url = reverse("actionplan:plan_action_edit", args=[action.pk])
    import re

    version = re.search(r'name="version" value="(\d+)"', html(client.get(url))).group(1)
    client.post(
        url,
        {
            "version": version,
            "what": action.what,
            "owner": action.owner_id,
            "deadline": (today() + timedelta(days=10)).isoformat(),
            "status": action.status,
        },
    )
    moved = Calendar.from_ical(client_as("medarbejder").get(reverse("actionplan:action_ics", args=[action.pk])).content).walk("VEVENT")[0]
    assert str(moved["UID"]) == str(emailed["UID"])
    assert moved.decoded("DTSTART") == today() + timedelta(days=10)
    assert int(moved["SEQUENCE"]) > int(emailed["SEQUENCE"])
