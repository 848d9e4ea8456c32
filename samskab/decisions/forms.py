from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samskab.core.concurrency import VersionField
from samskab.core.forms import FIELDSET, StyledForm, SubmittedOnceForm
from samskab.decisions.models import Decision, DecisionKind, ProcessDecision
from samskab.organisations.models import Role
from samskab.processes.models import Participant, Process

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

    def __init__(self, *args, process: Process, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        leaders = process.participants.filter(role=Role.LEADER).select_related("user")
        self.fields["decided_by"].queryset = leaders
        self.fields["decided_by"].empty_label = _("Choose a leader")
        if not self.instance.pk:
            self.initial.setdefault("decided_on", timezone.localdate())
            self.initial.setdefault("decided_by", self._the_leader(list(leaders), user))
        if "kind" in self.fields:  # the decision itself, as radio buttons without an empty choice
            self.fields["kind"].template_name = FIELDSET
            self.fields["kind"].choices = self._meta.model._meta.get_field("kind").choices

    @staticmethod
    def _the_leader(leaders, user):
        """The leader who decides, when there is no doubt: the only one, or the person deciding."""
        if len(leaders) == 1:
            return leaders[0].pk
        return next((leader.pk for leader in leaders if user is not None and leader.user_id == user.pk), None)

    def clean_discussed_in_med_on(self):
        value = self.cleaned_data["discussed_in_med_on"]
        if value and value > timezone.localdate():
            raise forms.ValidationError(
                _("Give the date when the MED committee has discussed it; add it after the meeting, not before.")
            )
        return value

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
    """The round's decision on a solution, new or changed, with what its kind needs.

    "adjust" needs adjustments (each an action, with the owner and deadline chosen here); "new
    solution" needs the new solution's title. A changed decision keeps what the earlier one made
    where it still applies (the adjustments already in the plan, the draft already made).
    """

    version = VersionField(required=False)
    adjustments = forms.CharField(
        label=_("Adjustments"),
        required=False,
        widget=forms.Textarea,
        max_length=3000,
        help_text=_("One adjustment per line. Each becomes an action in the round's action plan."),
    )
    action_owner = forms.ModelChoiceField(
        label=_("Owner of the actions"),
        queryset=Participant.objects.none(),
        required=False,
        help_text=_("The owner of the actions. Without a choice, the leader who decided."),
    )
    action_deadline = forms.DateField(label=_("Actions done by"), required=False)
    new_title = forms.CharField(
        label=_("Title of the new solution"),
        required=False,
        max_length=200,
        help_text=_("The old solution is stopped and a draft of the new one is made under the same challenge, linked to it."),
    )

    class Meta(KindMeta):
        model = Decision

    # Shown instead of "optional" on fields that one kind of decision needs.
    REQUIRED_FOR = {"adjustments": DecisionKind.ADJUST, "new_title": DecisionKind.NEW}

    def __init__(self, *args, process: Process, **kwargs):
        super().__init__(*args, process=process, **kwargs)
        self.fields["action_owner"].queryset = process.participants.select_related("user")
        self.fields["action_owner"].empty_label = _("The leader who decided")
        for name, kind in self.REQUIRED_FOR.items():
            self.fields[name].required_for = kind.label
        if self.instance.pk:
            self.initial.setdefault("version", self.instance.version)

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        already = self.instance.kind if self.instance.pk else None
        if kind == DecisionKind.ADJUST and not self.adjustment_lines() and already != DecisionKind.ADJUST:
            self.add_error("adjustments", _("Write at least one adjustment: what will be done differently?"))
        if kind == DecisionKind.NEW and not data.get("new_title", "").strip() and already != DecisionKind.NEW:
            self.add_error("new_title", _("Give the new solution a title."))
        return data

    def adjustment_lines(self) -> list[str]:
        text = self.cleaned_data.get("adjustments", "")
        return [line.strip()[:300] for line in text.splitlines() if line.strip()]


class ProcessDecisionForm(DecidedForm, SubmittedOnceForm):
    version = VersionField(required=False)

    class Meta(KindMeta):
        model = ProcessDecision

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("version", self.instance.version)
