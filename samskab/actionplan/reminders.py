"""Reminders by email: actions due within a week or overdue, to their owners; forløb due or overdue for evaluation, to their facilitators.

Each person gets one email per run with everything that is due for them (a digest), and an
invitation (.ics) for each date still ahead; an overdue date gets no invitation. A reminder is
recorded when it is sent and never sent again for the same due date, however often `manage.py
remind` runs. An email that cannot be sent (a mail server refusing it, say) is logged and its
reminders are tried again on the next run; the other people's emails still go.
"""

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samskab.actionplan import ics
from samskab.actionplan.models import SentReminder
from samskab.actionplan.plan import FINISHED
from samskab.core.text import without_control_characters
from samskab.organisations.models import Role
from samskab.processes.models import Participant, Process
from samskab.rounds.models import Action

logger = logging.getLogger(__name__)

DUE_WITHIN = timedelta(days=7)
SUBJECT_LENGTH = 150
ACTION_DUE, ACTION_OVERDUE = "action_due", "action_overdue"
EVALUATION_DUE, EVALUATION_OVERDUE = "evaluation_due", "evaluation_overdue"


@dataclass
class Reminder:
    kind: str
    object_id: int
    due: date
    overdue: bool
    recipient: object  # a User
    subject: str  # the email's subject when it is the person's only reminder
    what: str
    process: object
    url: str
    invitation: bytes | None  # none for a date that has passed
    filename: str


def _subject(text: str) -> str:
    """One clean line: no control characters or line breaks (they would stop the email), not too long."""
    line = " ".join(without_control_characters(text, multiline=False).split())
    return line if len(line) <= SUBJECT_LENGTH else line[: SUBJECT_LENGTH - 1].rstrip() + "…"


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
        subject = (_("Overdue: %(what)s") if overdue else _("Due %(date)s: %(what)s")) % {
            "what": action.what,
            "date": action.deadline.strftime("%d-%m-%Y"),
        }
        reminders.append(
            Reminder(
                kind=ACTION_OVERDUE if overdue else ACTION_DUE,
                object_id=action.pk,
                due=action.deadline,
                overdue=overdue,
                recipient=action.owner.user,
                subject=_subject(subject),
                what=without_control_characters(action.what, multiline=False),
                process=action.round.process,
                url=ics.absolute(reverse("actionplan:my_actions")),
                invitation=None if overdue else ics.action_invitation(action),
                filename=f"handling-{action.pk}.ics",
            )
        )
    return reminders


def evaluation_reminders(today: date) -> list[Reminder]:
    """Forløb whose evaluation is within a week or has passed, while the forløb has not ended."""
    processes = Process.objects.filter(next_evaluation__lte=today + DUE_WITHIN).exclude(end_date__lt=today)
    facilitators = Participant.objects.filter(
        process__in=processes, role=Role.CONSULTANT, user__is_active=True
    ).exclude(user__email="").select_related("user", "process")
    reminders = []
    for facilitator in facilitators:
        process = facilitator.process
        overdue = process.next_evaluation < today
        summary = _("Evaluation: %(process)s") % {"process": process.title}
        reminders.append(
            Reminder(
                kind=EVALUATION_OVERDUE if overdue else EVALUATION_DUE,
                object_id=process.pk,
                due=process.next_evaluation,
                overdue=overdue,
                recipient=facilitator.user,
                subject=_subject((_("Overdue: %(what)s") if overdue else "%(what)s") % {"what": summary}),
                what=process.title,
                process=process,
                url=ics.absolute(process.get_absolute_url()),
                invitation=None if overdue else ics.evaluation_invitation(process, summary=summary),
                filename=f"evaluering-{process.pk}.ics",
            )
        )
    return reminders


@dataclass
class Sending:
    sent: int = 0  # reminders
    emails: int = 0
    failed: int = 0  # reminders whose email failed


def _unsent(reminders: list[Reminder]) -> list[Reminder]:
    sent = set(
        SentReminder.objects.filter(recipient=reminders[0].recipient, object_id__in={r.object_id for r in reminders}).values_list(
            "kind", "object_id", "due"
        )
    )
    return [r for r in reminders if (r.kind, r.object_id, r.due) not in sent]


def _email(recipient, reminders: list[Reminder]) -> EmailMessage:
    if len(reminders) == 1:
        subject = reminders[0].subject
    else:
        subject = ngettext("%(count)d reminder from Samskab", "%(count)d reminders from Samskab", len(reminders)) % {
            "count": len(reminders)
        }
    context = {
        "name": recipient.first_name,
        "actions": [r for r in reminders if r.kind in (ACTION_DUE, ACTION_OVERDUE)],
        "evaluations": [r for r in reminders if r.kind in (EVALUATION_DUE, EVALUATION_OVERDUE)],
        "my_actions": ics.absolute(reverse("actionplan:my_actions")),
        "invitations": any(r.invitation for r in reminders),
    }
    message = EmailMessage(subject, render_to_string("actionplan/email/digest.txt", context), to=[recipient.email])
    for reminder in reminders:
        if reminder.invitation:
            message.attach(reminder.filename, reminder.invitation, "text/calendar")
    return message


def send_due(today: date) -> Sending:
    """Send each person one email with their reminders that are due and not yet sent; count what went and what failed."""
    result = Sending()
    everything = sorted(action_reminders(today) + evaluation_reminders(today), key=lambda r: (r.recipient.pk, r.overdue is False, r.due))
    with translation.override(settings.LANGUAGE_CODE):
        for _recipient_pk, group in groupby(everything, key=lambda r: r.recipient.pk):
            reminders = _unsent(list(group))
            if not reminders:
                continue
            recipient = reminders[0].recipient
            try:
                with transaction.atomic():
                    SentReminder.objects.bulk_create(
                        SentReminder(kind=r.kind, object_id=r.object_id, due=r.due, recipient=recipient) for r in reminders
                    )
                    _email(recipient, reminders).send()
            except Exception:
                # Not recorded (the transaction rolled back), so the next run tries them again.
                logger.exception("Reminder email to user %s (%s reminders) failed", recipient.pk, len(reminders))
                result.failed += len(reminders)
                continue
            result.sent += len(reminders)
            result.emails += 1
    return result
