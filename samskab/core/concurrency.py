"""Two people editing the same record: the second save never silently overwrites the first.

A record that people edit side by side carries a `version`, and its edit form the version it
was shown with. `save_unless_changed` saves only when the stored version is still that one;
otherwise it raises `Conflict` with the stored record, and the view shows both versions and
keeps what the person typed.
"""

from django import forms
from django.db import models, transaction


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
