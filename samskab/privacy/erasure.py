"""Erasing a person: their name and contact details replaced everywhere by "tidligere medarbejder".

The person's account stays as a pseudonym (so that decisions, actions and approved referater keep
who-did-what as "tidligere medarbejder"); it can no longer log in. Every text column of every
table, the history tables included, is searched for the person's full name and email address and
each is replaced; JSON columns (the frozen referater and round reports among them) too. An
approved version whose content changed gets a new checksum and newly printed Word and PDF files,
and the erasure is recorded with each version's checksum before and after.
"""

import re
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import models, transaction
from django_otp import devices_for_user

from samskab.audit.models import AuditEvent, Kind
from samskab.audit.services import audit_person_forget, audit_record
from samskab.core import frozen
from samskab.privacy.models import Erasure
from samskab.reports import docx as report_docx
from samskab.reports import pdf as report_pdf
from samskab.reports.content import ReportContent
from samskab.reports.models import RoundReportVersion
from samskab.rounds.models import Action, ActionStatus
from samskab.workshops import minutes_docx, minutes_pdf
from samskab.workshops.minutes_content import MinutesContent
from samskab.workshops.models import MinutesVersion

FORMER_EMPLOYEE = "tidligere medarbejder"  # stored text, in the municipality's language
SHORTEST_NEEDLE = 4

# The frozen documents: their content's class and the printers of their files.
DOCUMENTS = {
    MinutesVersion: (MinutesContent, minutes_docx.render_docx, minutes_pdf.render_pdf),
    RoundReportVersion: (ReportContent, report_docx.render_docx, report_pdf.render_pdf),
}


def open_actions(person) -> models.QuerySet:
    """The person's actions that are neither done nor dropped: they need a new owner first."""
    return (
        Action.objects.filter(owner__user=person)
        .exclude(status__in=[ActionStatus.DONE, ActionStatus.DROPPED])
        .select_related("round__process")
        .order_by("deadline", "pk")
    )


def needles(person) -> list[str]:
    found = [person.get_full_name().strip(), person.email.strip()]
    return [needle for needle in found if len(needle) >= SHORTEST_NEEDLE]


def _replace(text: str, patterns) -> str:
    for pattern in patterns:
        text = pattern.sub(FORMER_EMPLOYEE, text)
    return text


def _replace_in_data(value, patterns):
    if isinstance(value, str):
        return _replace(value, patterns)
    if isinstance(value, list):
        return [_replace_in_data(item, patterns) for item in value]
    if isinstance(value, dict):
        return {key: _replace_in_data(item, patterns) for key, item in value.items()}
    return value


def text_columns():
    """(model, field) for every text and JSON column of every table, history tables included."""
    for model in apps.get_models(include_auto_created=True):
        # The audit trail is append-only: audit_person_forget changes it (see erase).
        if model in (Session, AuditEvent) or not model._meta.managed or model._meta.proxy:
            continue
        for column in model._meta.concrete_fields:
            if isinstance(column, (models.CharField, models.TextField, models.JSONField)):
                yield model, column


@dataclass
class Changes:
    rows: int = 0
    versions: list = field(default_factory=list)


def _refreeze(version, old_checksum: str) -> dict:
    """New checksum and files for a frozen version whose content was changed by an erasure."""
    content_class, render_docx, render_pdf = DOCUMENTS[type(version)]
    version.checksum = frozen.checksum(version.content)
    content = frozen.thaw(content_class, version.content, frozen.seal_of(version))
    version.docx, version.pdf = render_docx(content), render_pdf(content)
    type(version).objects.filter(pk=version.pk).update(checksum=version.checksum, docx=version.docx, pdf=version.pdf)
    return {"document": type(version)._meta.label, "id": version.pk, "checksum_before": old_checksum, "checksum_after": version.checksum}


def _replace_everywhere(person) -> Changes:
    patterns = [re.compile(re.escape(needle), re.IGNORECASE) for needle in needles(person)]
    changes = Changes()
    if not patterns:
        return changes
    for model, column in text_columns():
        name = column.name
        if isinstance(column, models.JSONField):
            for pk, value in model.objects.exclude(**{f"{name}__isnull": True}).values_list("pk", name).iterator():
                new = _replace_in_data(value, patterns)
                if new != value:
                    model.objects.filter(pk=pk).update(**{name: new})
                    changes.rows += 1
                    if model in DOCUMENTS and name == "content":
                        version = model.objects.get(pk=pk)
                        old = version.checksum
                        changes.versions.append(_refreeze(version, old))
            continue
        query = models.Q()
        for needle in needles(person):
            query |= models.Q(**{f"{name}__icontains": needle})
        for pk, value in model.objects.filter(query).values_list("pk", name).iterator():
            model.objects.filter(pk=pk).update(**{name: _replace(value, patterns)})
            changes.rows += 1
    return changes


def _sign_out(person) -> None:
    for session in Session.objects.iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(person.pk):
            session.delete()


def _forget_devices_and_attempts(person, username: str) -> None:
    """The person's two-step devices and the sign-in throttle's records under their username."""
    for device in devices_for_user(person, confirmed=None):
        device.delete()
    for model in apps.get_app_config("axes").get_models():
        if any(column.name == "username" for column in model._meta.fields):
            model.objects.filter(username=username).delete()


@transaction.atomic
def erase(*, person, new_owners: dict, by) -> Erasure:
    """Give the open actions to `new_owners` ({action pk: participant}), then erase `person`."""
    for action in open_actions(person):
        action.owner = new_owners[action.pk]
        action.save(update_fields=["owner", "updated_at"])
    organisation = person.organisation
    _sign_out(person)
    person.memberships.all().delete()
    for committee in person.med_committees.all():
        committee.members.remove(person)  # from the committee's side, so that its history notes it
    _forget_devices_and_attempts(person, person.username)
    # After the roles are taken away (the trail records that under the name), before the renaming.
    changes = _replace_everywhere(person)
    audit_person_forget(user=person, replacement=FORMER_EMPLOYEE)
    person.first_name, person.last_name, person.email = FORMER_EMPLOYEE.capitalize(), "", ""
    person.username = f"tidligere-medarbejder-{person.pk}"
    person.source_uuid = None
    person.is_active = False
    person.is_municipality_admin = False
    person.set_unusable_password()
    person.save()
    erasure = Erasure.objects.create(
        organisation=organisation, person=person, by=by, rows_changed=changes.rows, versions=changes.versions
    )
    details = {"rows_changed": changes.rows, "versions_refrozen": len(changes.versions), "actions_reassigned": len(new_owners)}
    audit_record(kind=Kind.ERASURE, by=by, organisation=organisation, obj=person, details=details)
    return erasure
