from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samskab.core.concurrency import VersionField
from samskab.workshops.forms import ActionForm
from samskab.workshops.models import ActionStatus


class ActionEditForm(ActionForm):
    """An action of the plan with its status and done date, saved only over the version it was shown with."""

    version = VersionField()  # required here: every edit is checked against the version it was shown

    class Meta(ActionForm.Meta):
        fields = [*ActionForm.Meta.fields, "status", "done_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["done_on"].help_text = _("Set to today when the status is set to done, unless you give a date.")

    def clean(self):
        data = super().clean()
        done_on = data.get("done_on")
        if done_on and done_on > timezone.localdate():
            self.add_error("done_on", _("An action is done when it has been done: the date cannot be in the future."))
        elif data.get("status") == ActionStatus.DONE and not done_on:
            data["done_on"] = timezone.localdate()
        return data
