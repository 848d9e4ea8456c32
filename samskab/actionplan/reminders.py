"""Reminders by email: actions due within a week or overdue, to their owners; forløb due for evaluation, to their facilitators.

Each email carries the .ics invitation. A reminder is recorded when it is sent and never sent again
for the same due date, however often `manage.py remind` runs. One reminder that cannot be sent
(a mail server refusing it, say) is logged and tried again on the next run; the others still go.
"""

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from samskab.actionplan import ics
from samskab.actionplan.models import SentReminder
from samskab.actionplan.plan import FINISHED
from samskab.core.text import without_control_characters
from samskab.organisations.models import Role
from samskab.processes.models import Participant, Process
from samskab.workshops.models import Action

logger = logging.getLogger(__name__)

DUE_WITHIN = timedelta(days=7)
SUBJECT_LENGTH = 150
ACTION_DUE, ACTION_OVERDUE, EVALUATION_DUE = "action_due", "action_overdue", "evaluation_due"


@dataclass
class Reminder:
    kind: str
    object_id: int
    due: date
    recipient: object  # a User
    subject: str
    body: str
    invitation: bytes
    filename: str


def _subject(text: str) -> str:
    """One clean line: no control characters or line breaks (they would stop the email), not too long."""
    line = " ".join(without_control_characters(text, multiline=False).split())
    return line if len(line) <= SUBJECT_LENGTH else line[: SUBJECT_LENGTH - 1].rstrip() + "…"


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "samskab"


def action_reminders(today: date) -> list[Reminder]:
    actions = (
        Action.objects.filter(deadline__lte=today + DUE_WITHIN, owner__user__is_active=True)
        .exclude(status__in=FINISHED)
        .exclude(owner__user__email="")
        .select_related("owner__user", "round__process")
    )
    reminders = []
    for action in actions:
        overdue = action.deadline < today
        url = _absolute(reverse("my_actions"))
        context = {"action": action, "overdue": overdue, "url": url, "process": action.round.process}
        subject = (_("Overdue: %(what)s") if overdue else _("Due %(date)s: %(what)s")) % {
            "what": action.what,
            "date": action.deadline.strftime("%d-%m-%Y"),
        }
        reminders.append(
            Reminder(
                kind=ACTION_OVERDUE if overdue else ACTION_DUE,
                object_id=action.pk,
                due=action.deadline,
                recipient=action.owner.user,
                subject=_subject(subject),
                body=render_to_string("actionplan/email/action.txt", context),
                invitation=ics.action_invitation(action, host=_host(), url=url, description=action.why),
                filename=f"handling-{action.pk}.ics",
            )
        )
    return reminders


def evaluation_reminders(today: date) -> list[Reminder]:
    processes = Process.objects.filter(next_evaluation__lte=today + DUE_WITHIN, next_evaluation__gte=today - DUE_WITHIN)
    facilitators = Participant.objects.filter(
        process__in=processes, role=Role.CONSULTANT, user__is_active=True
    ).exclude(user__email="").select_related("user", "process")
    reminders = []
    for facilitator in facilitators:
        process = facilitator.process
        url = _absolute(process.get_absolute_url())
        summary = _("Evaluation: %(process)s") % {"process": process.title}
        reminders.append(
            Reminder(
                kind=EVALUATION_DUE,
                object_id=process.pk,
                due=process.next_evaluation,
                recipient=facilitator.user,
                subject=_subject(summary),
                body=render_to_string("actionplan/email/evaluation.txt", {"process": process, "url": url}),
                invitation=ics.evaluation_invitation(process, host=_host(), url=url, summary=summary),
                filename=f"evaluering-{process.pk}.ics",
            )
        )
    return reminders


@dataclass
class Sending:
    sent: int = 0
    failed: int = 0


def send_due(today: date) -> Sending:
    """Send every reminder that is due and has not been sent; count those sent and those that failed."""
    result = Sending()
    with translation.override(settings.LANGUAGE_CODE):
        for reminder in action_reminders(today) + evaluation_reminders(today):
            try:
                with transaction.atomic():
                    SentReminder.objects.create(
                        kind=reminder.kind, object_id=reminder.object_id, due=reminder.due, recipient=reminder.recipient
                    )
                    message = EmailMessage(reminder.subject, reminder.body, to=[reminder.recipient.email])
                    message.attach(reminder.filename, reminder.invitation, "text/calendar")
                    message.send()
            except IntegrityError:
                continue  # sent before
            except Exception:
                # Not recorded (the transaction rolled back), so the next run tries it again.
                logger.exception("Reminder %s (object %s) to user %s failed", reminder.kind, reminder.object_id, reminder.recipient.pk)
                result.failed += 1
                continue
            result.sent += 1
    return result
