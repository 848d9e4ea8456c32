"""A person's own data (GDPR art. 15 and 20): one .zip with data.json and a readable oversigt.html.

Found from the tables themselves: every row with a link to the person (their account, their
forløb participations and what hangs on those: actions they own, decisions they made,
fremmøde), the history rows they made or that are about them, and the approved referater that
name them. Links to other people are left out (no ids, no names); links to a forløb, unit or
workshop are given by its title so that the rows can be read. Secrets (passwords, two-step keys,
tokens) and printed files are not exported.
"""

import io
import json
import zipfile
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from uuid import UUID

from django.apps import apps
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import pgettext

from samskab.accounts.models import User
from samskab.organisations.models import MedCommittee, Organisation, Unit
from samskab.processes.models import Challenge, Participant, Process, Solution
from samskab.rounds.models import EvaluationRound
from samskab.workshops.models import MinutesVersion, Section, Workshop

SECRET_FIELDS = {"password", "key", "token", "session_key", "join_code", "client_id", "throttling_failure_timestamp"}
SECRET_APPS = {"otp_totp", "otp_static", "django_otp", "sessions", "axes", "admin"}
TITLED = (Organisation, Unit, Process, Challenge, Solution, EvaluationRound, Workshop, Section, MedCommittee)
PERSON_FIELDS = ["username", "first_name", "last_name", "email", "organisation", "is_municipality_admin", "is_active", "left_on", "date_joined", "last_login"]


def _plain(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (Decimal, UUID)):
        return str(value)
    return value


def _links(person) -> dict:
    """The related models whose rows count as the person's, with the values that mean them."""
    participations = list(Participant.objects.filter(user=person).values_list("pk", flat=True))
    return {User: [person.pk], Participant: participations}


def _title(model, pk) -> str:
    return str(model._base_manager.filter(pk=pk).first() or "")


def _row(obj, column_owner: dict, title) -> dict:
    """One row as {field: value}: other people's links and secrets left out; `title(model, pk)`
    names a linked forløb, unit or workshop."""
    row = {}
    for column in obj._meta.concrete_fields:
        if column.name in SECRET_FIELDS or isinstance(column, models.BinaryField):
            continue
        if column.is_relation:
            target = column.related_model
            value = getattr(obj, column.attname)
            if target in column_owner:
                row[column.name] = pgettext("a link in a person's data export to the person themself", "you") if value in column_owner[target] else None
            elif issubclass(target, TITLED) and value is not None:
                row[column.name] = title(target, value)
            continue
        row[column.name] = _plain(column.value_from_object(obj))
    return {name: value for name, value in row.items() if value is not None}


def _tables(person) -> list[dict]:
    links = _links(person)
    # Many rows link the same few forløb and workshops: each is read once per export, not once per row.
    title = cache(_title)
    tables = []
    for model in apps.get_models():
        if model._meta.app_label in SECRET_APPS or model is User:
            continue
        query = models.Q()
        for column in model._meta.concrete_fields:
            if column.is_relation and column.related_model in links:
                query |= models.Q(**{f"{column.attname}__in": links[column.related_model]})
        if not query:
            continue
        rows = [_row(obj, links, title) for obj in model._base_manager.filter(query).order_by("pk")]
        if rows:
            labels = {column.name: str(column.verbose_name) for column in model._meta.concrete_fields}
            tables.append(
                {"table": model._meta.label, "name": str(model._meta.verbose_name_plural), "labels": labels, "rows": rows}
            )
    return tables


def _referater(person) -> list[dict]:
    name = person.get_full_name()
    found = []
    # Only the person's own municipality: a namesake's referat elsewhere is not about them.
    versions = MinutesVersion.objects.filter(minutes__workshop__round__process__unit__organisation=person.organisation_id)
    for version in versions.select_related("minutes__workshop").order_by("pk"):
        text = json.dumps(version.content, ensure_ascii=False) + version.approved_by_name
        if name and name in text:
            found.append({"workshop": version.minutes.workshop.title, "version": version.number, "approved": _plain(version.approved_at)})
    return found


def person_data(person) -> dict:
    """Everything Samskab holds about `person`, as JSON-ready data (in Danish where it is text)."""
    with translation.override("da"):
        about = {}
        for name in PERSON_FIELDS:
            value = getattr(person, name)
            about[name] = str(value) if isinstance(value, models.Model) else _plain(value)
        return {
            "person": about,
            "exported": _plain(timezone.now()),
            "tables": _tables(person),
            "approved_minutes_naming_you": _referater(person),
        }


def _readable(data: dict) -> list[dict]:
    """The tables for people: each value under its field's Danish name."""
    return [
        {"name": table["name"], "rows": [[(table["labels"][key], value) for key, value in row.items()] for row in table["rows"]]}
        for table in data["tables"]
    ]


def person_zip(person) -> bytes:
    data = person_data(person)
    with translation.override("da"):
        labels = {name: str(User._meta.get_field(name).verbose_name) for name in PERSON_FIELDS}
        you = [(labels[key], value) for key, value in data["person"].items()]
        context = {"data": data, "you": you, "tables": _readable(data)}
        readable = render_to_string("privacy/export_document.html", context)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, ensure_ascii=False, indent=2))
        archive.writestr("oversigt.html", readable)
    return buffer.getvalue()
