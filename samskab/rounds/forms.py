from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samskab.core.concurrency import VersionField
from samskab.core.forms import SubmittedOnceForm
from samskab.rounds.models import Action


class ActionForm(SubmittedOnceForm):
    """An action: who does what by when, chosen among the forløb's participants."""

    class Meta:
        model = Action
        fields = ["what", "owner", "deadline", "why"]
        labels = {"what": _("What is to be done"), "owner": _("Who"), "deadline": _("By when"), "why": _("Why")}
        error_messages = {
            "what": {"required": _("Write what is to be done.")},
            "owner": {
                "required": _("Choose who is responsible."),
                "invalid_choice": _("Choose the person among the participants of the process."),
            },
            "deadline": {"required": _("Choose the date by which it is done."), "invalid": _("Write the date as dd-mm-yyyy.")},
        }

    version = VersionField(required=False)  # of the action being edited (core/concurrency.py)

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("version", self.instance.version)
        self.fields["owner"].queryset = process.participants.select_related("user")
        self.fields["owner"].required = True
        self.fields["owner"].empty_label = _("Choose a participant")
        self.fields["deadline"].required = True
        self.fields["why"].widget.attrs["rows"] = 2

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        unchanged = self.instance.pk is not None and deadline == self.instance.deadline
        if deadline and deadline < timezone.localdate() and not unchanged:
            raise forms.ValidationError(_("The date has passed. Choose today or a later date."))
        return deadline
