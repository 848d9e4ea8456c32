from django import forms
from django.utils.translation import gettext_lazy as _

from samskab.core.concurrency import VersionField
from samskab.core.forms import FIELDSET, StyledForm, SubmittedOnceForm
from samskab.ideas.models import Idea, IdeaOrigin, IdeaStatus
from samskab.organisations.access import scope_for, under_any
from samskab.organisations.models import Unit
from samskab.processes.models import Process


class FilterForm(StyledForm, forms.Form):
    """The list's filters (GET): an unknown value is ignored, never an error page."""

    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All"))] + IdeaStatus.choices)
    origin = forms.ChoiceField(label=_("Origin"), required=False, choices=[("", _("All"))] + IdeaOrigin.choices)

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value}


class TriageForm(StyledForm, forms.ModelForm):
    """Ny · vurderes · ikke nu, with a note. "Startet som forløb" comes from starting one."""

    version = VersionField()

    class Meta:
        model = Idea
        fields = ["status", "note"]
        widgets = {"status": forms.RadioSelect(attrs={"class": "form-radio"})}
        error_messages = {
            "status": {
                "required": _("Choose a status."),
                "invalid_choice": _("Choose one of the statuses shown. An idea is started as a process with “Start as process”."),
            },
            "note": {"max_length": _("Keep the note to %(limit_value)d characters (it has %(show_value)d).")},
        }
        help_texts = {"note": _("Why, who to talk to, or when to look at it again.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("version", self.instance.version)
        choices = IdeaStatus.choices
        if self.instance.started_process_id is None:
            choices = [choice for choice in choices if choice[0] != IdeaStatus.STARTED]
        self.fields["status"].choices = choices
        self.fields["status"].template_name = FIELDSET
        # A note that is too long comes back whole, with the message, rather than cut off as it is typed.
        self.fields["note"].widget.attrs.pop("maxlength", None)


def units_to_start_in(user):
    """The municipality's units where the user may create a forløb (processes/access.can_create_process)."""
    scope = scope_for(user)
    return Unit.objects.filter(under_any(scope.editing_paths()), organisation_id=scope.organisation_id)


class StartForm(SubmittedOnceForm):
    """A new forløb (step 1) at a unit of the municipality, from an idea."""

    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        empty_label=_("Choose a unit"),
        error_messages={
            "required": _("Choose the unit where the process is to run."),
            "invalid_choice": _("Choose one of the units shown."),
        },
    )

    class Meta:
        model = Process
        fields = ["title", "purpose", "start_date"]
        error_messages = {
            "title": {"required": _("Give the process a title.")},
            "start_date": {"required": _("Give the start date."), "invalid": _("Write the date as dd-mm-yyyy.")},
        }

    field_order = ["unit", "title", "purpose", "start_date"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_to_start_in(user)
        self.fields["unit"].label_from_instance = lambda unit: unit.name
        self.order_fields(self.field_order)
