"""Two people editing the same record: the second save never silently overwrites the first.

A record that people edit side by side carries a `version`, and its edit form the version it
was shown with. `save_unless_changed` saves only when the stored version is still that one;
otherwise it raises `Conflict` with the stored record, and the view shows both versions and
keeps what the person typed.
"""

from datetime import date

from django import forms
from django.db import models, transaction
from django.utils import formats
from django.utils.translation import gettext_lazy as _


class Versioned(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class Conflict(Exception):
    def __init__(self, current: models.Model):
        super().__init__("changed by someone else")
        self.current = current


class VersionField(forms.IntegerField):
    widget = forms.HiddenInput


def seen_version(form: forms.BaseForm) -> int | None:
    """The version the form was shown with (None for a form without one)."""
    return form.cleaned_data.get("version")


@transaction.atomic
def save_unless_changed(instance: Versioned, seen: int | None) -> Versioned:
    """Save `instance` as the next version, unless someone saved another since `seen`."""
    current = type(instance).objects.select_for_update().get(pk=instance.pk)
    if seen is None or current.version != seen:
        raise Conflict(current)
    instance.version = current.version + 1
    instance.save()
    return instance


CONFLICT_MESSAGE = _(
    "Someone else saved this while you were editing. Their version is shown above the form; your text is kept in "
    "the form. Save again to replace theirs."
)


def show_conflict(form: forms.BaseForm, current: models.Model) -> list[tuple[str, str]]:
    """Keep what the person typed, say what happened, and return the other person's version as
    (label, value) rows of the form's visible fields, for `includes/theirs.html`.

    The form now carries the stored version, so saving again replaces theirs knowingly.
    """
    form.add_error(None, CONFLICT_MESSAGE)
    form.data = form.data.copy()
    form.data[form.add_prefix("version")] = current.version
    rows = []
    for field in form.visible_fields():
        name = field.name
        display = getattr(current, f"get_{name}_display", None)
        value = display() if display else getattr(current, name, "")
        if hasattr(value, "all"):  # many-to-many
            value = ", ".join(str(item) for item in value.all())
        elif isinstance(value, date):
            value = formats.date_format(value, "j. F Y")
        rows.append((str(field.label), "–" if value in (None, "") else str(value)))
    return rows


def save_or_show_conflict(form: forms.BaseForm) -> list[tuple[str, str]] | None:
    """Save a valid edit form over the version it was shown with.

    None when saved; on a conflict, the other person's version for `includes/theirs.html` (and
    the form keeps what was typed, with a message).
    """
    try:
        save_unless_changed(form.instance, seen_version(form))
    except Conflict as conflict:
        return show_conflict(form, conflict.current)
    return None
