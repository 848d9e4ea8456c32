from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samskab.core.concurrency import VersionField
from samskab.core.forms import FIELDSET, StyledForm, SubmittedOnceForm
from samskab.decisions.models import Decision, DecisionKind, ProcessDecision
from samskab.organisations.models import Role
from samskab.processes.models import Process

DECIDED_FIELDS = ["rationale", "decided_by", "decided_on", "discussed_in_med_on"]
DECIDED_ERRORS = {
    "rationale": {"required": _("Write why: the rationale is what the next round learns from.")},
    "decided_by": {
        "required": _("Choose the leader who decided."),
        "invalid_choice": _("Choose one of the process's leaders."),
    },
    "decided_on": {"required": _("Give the date of the decision.")},
}
DECIDED_HELP = {
    "rationale": _("Why: what the follow-ups, measurements and the workshop showed."),
    "discussed_in_med_on": _("When the MED committee discussed it. Can be added after the meeting."),
}


class DecidedForm(StyledForm):
    """What every decision form asks: why, which leader, when, and when the MED-udvalg discussed it."""

    def __init__(self, *args, process: Process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decided_by"].queryset = process.participants.filter(role=Role.LEADER).select_related("user")
        self.fields["decided_by"].empty_label = _("Choose a leader")
        if not self.instance.pk:
            self.initial.setdefault("decided_on", timezone.localdate())
        if "kind" in self.fields:  # the decision itself, as radio buttons without an empty choice
            self.fields["kind"].template_name = FIELDSET
            self.fields["kind"].choices = self._meta.model._meta.get_field("kind").choices

    def clean_decided_on(self):
        value = self.cleaned_data["decided_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("A decision is recorded when it has been made: the date cannot be in the future."))
        return value


class KindMeta:
    """The Meta of a form that records a decision of some kind."""

    fields = ["kind", *DECIDED_FIELDS]
    widgets = {"kind": forms.RadioSelect(attrs={"class": "form-radio"})}
    error_messages = {**DECIDED_ERRORS, "kind": {"required": _("Choose the decision.")}}
    help_texts = DECIDED_HELP


class DecisionForm(DecidedForm, SubmittedOnceForm):
    """A new decision on a solution, with what the decision needs: adjustments, or the new solution's title."""

    adjustments = forms.CharField(
        label=_("Adjustments"),
        required=False,
        widget=forms.Textarea,
        max_length=3000,
        help_text=_("For 'adjust': one adjustment per line. Each becomes an action in the round's action plan."),
    )
    new_title = forms.CharField(
        label=_("Title of the new solution"),
        required=False,
        max_length=200,
        help_text=_("For 'new solution': the old solution is stopped and a draft of the new one is made under the same challenge."),
    )

    class Meta(KindMeta):
        model = Decision

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == DecisionKind.ADJUST and not self.adjustment_lines():
            self.add_error("adjustments", _("Write at least one adjustment: what will be done differently?"))
        if kind == DecisionKind.NEW and not data.get("new_title", "").strip():
            self.add_error("new_title", _("Give the new solution a title."))
        return data

    def adjustment_lines(self) -> list[str]:
        text = self.cleaned_data.get("adjustments", "")
        return [line.strip()[:300] for line in text.splitlines() if line.strip()]


class DecisionEditForm(DecidedForm, forms.ModelForm):
    """Correct a decision's rationale, leader or dates; the decision itself is made anew, not changed."""

    version = VersionField()

    class Meta:
        model = Decision
        fields = DECIDED_FIELDS
        error_messages = DECIDED_ERRORS
        help_texts = DECIDED_HELP

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("version", self.instance.version)


class ProcessDecisionForm(DecidedForm, SubmittedOnceForm):
    version = VersionField(required=False)

    class Meta(KindMeta):
        model = ProcessDecision

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("version", self.instance.version)
