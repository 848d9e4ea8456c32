from django import forms
from django.utils.translation import gettext_lazy as _

from samskab.core.forms import CleanTextForm
from samskab.privacy.models import RetentionPeriods
from samskab.processes.models import Participant


class RetentionPeriodsForm(CleanTextForm, forms.ModelForm):
    class Meta:
        model = RetentionPeriods
        fields = ["workshop_raw_months", "process_years", "history_months", "reminder_months", "leaver_months"]


class ErasureForm(CleanTextForm, forms.Form):
    """A new owner for each of the person's open actions, and the administrator's confirmation."""

    confirm = forms.BooleanField(
        label=_("I understand that the name and contact details are replaced everywhere and cannot be brought back"),
    )

    def __init__(self, *args, actions, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.actions = list(actions)
        for action in self.actions:
            self.fields[f"action_{action.pk}"] = forms.ModelChoiceField(
                label=_("New owner of “%(action)s”") % {"action": action.what},
                queryset=Participant.objects.filter(process=action.round.process).exclude(user=person).select_related("user"),
            )
        self.order_fields([f"action_{action.pk}" for action in self.actions] + ["confirm"])

    def new_owners(self) -> dict:
        return {action.pk: self.cleaned_data[f"action_{action.pk}"] for action in self.actions}
