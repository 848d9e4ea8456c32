"""Readable change history from django-simple-history records: who, when, what."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

HISTORY_LIMIT = 200

KIND = {"+": _("created"), "~": _("changed"), "-": _("deleted")}


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class Entry:
    when: object
    who: object
    kind: str
    label: str
    changes: list[Change] = field(default_factory=list)


def _display(model_field: models.Field, value) -> str:
    if value in (None, ""):
        return "–"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return str(_("yes") if value else _("no"))
    return str(value)


def _related(record, model_field: models.ForeignKey) -> str:
    try:
        return str(getattr(record, model_field.name) or "–")
    except models.ObjectDoesNotExist:
        return "–"


def _own_name(record) -> str:
    return str(record.instance)


def history_entries(records, label: Callable[..., str] = _own_name) -> list[Entry]:
    """Turn history records (newest first) into entries with field-by-field changes.

    `label(record)` names what changed; give one where the object's own name would query related rows.
    """
    entries = []
    previous = {}  # object id -> its record just before the one at hand
    for record in reversed(list(records)):
        entry = Entry(
            when=record.history_date,
            who=record.history_user,
            kind=str(KIND.get(record.history_type, "")),
            label=label(record),
        )
        older = previous.get(record.id)
        if record.history_type == "~" and older is not None:
            meta = record.instance_type._meta
            for delta in record.diff_against(older).changes:
                model_field = meta.get_field(delta.field)
                if isinstance(model_field, models.ForeignKey):
                    old, new = _related(older, model_field), _related(record, model_field)
                else:
                    old, new = _display(model_field, delta.old), _display(model_field, delta.new)
                entry.changes.append(Change(str(model_field.verbose_name), old, new))
        previous[record.id] = record
        entries.append(entry)
    entries.reverse()
    return entries


def written_by(instance: models.Model, by) -> models.Model:
    """Let the next history record of `instance` name `by` as the person who changed it.

    Inside a request django-simple-history takes the request's user; a service says it itself,
    so that a write from a command or a test is recorded the same way.
    """
    instance._history_user = by
    return instance
