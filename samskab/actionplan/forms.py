from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samskab.core.concurrency import VersionField
from samskab.core.forms import StyledForm
from samskab.rounds.models import Action, ActionStatus
from samskab.rounds.forms import ActionForm

DONE_ON_HELP = _("Set to today when the status is set to done, unless you give a date; removed when it is no longer done.")


def _check_done_on(form: forms.ModelForm, data: dict) -> dict:
    """No done date in the future; done without a date is done today; not done has no done date."""
    done_on = data.get("done_on")
    if "status" in data and data["status"] != ActionStatus.DONE:
        data["done_on"] = None
    elif done_on and done_on > timezone.localdate():
        form.add_error("done_on", _("An action is done when it has been done: the date cannot be in the future."))
    elif data.get("status") == ActionStatus.DONE and not done_on:
        data["done_on"] = timezone.localdate()
    return data


class ActionEditForm(ActionForm):
    """An action of the plan with its status and done date, saved only over the version it was shown with."""

    version = VersionField()  # required here: every edit is checked against the version it was shown

    class Meta(ActionForm.Meta):
        fields = [*ActionForm.Meta.fields, "status", "done_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["done_on"].help_text = DONE_ON_HELP

    def clean(self):
        return _check_done_on(self, super().clean())


class ActionStatusForm(StyledForm, forms.ModelForm):
    """What an action's owner may change without editing the forløb: its status and done date."""

    version = VersionField()

    class Meta:
        model = Action
        fields = ["status", "done_on"]

    def __init__(self, *args, process=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("version", self.instance.version)
        self.fields["done_on"].help_text = DONE_ON_HELP

    def clean(self):
        return _check_done_on(self, super().clean())
