from django import forms
from django.db.models import Q
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from samskab.accounts.models import User
from samskab.core.forms import StyledForm, SubmittedOnceForm
from samskab.processes.models import SolutionStatus
from samskab.workshops.models import AttendanceStatus, Prompt, Section, Workshop


class WorkshopForm(SubmittedOnceForm):
    class Meta:
        model = Workshop
        fields = ["title", "date", "starts_at", "place", "anonymous", "min_group_size", "votes_per_participant"]
        widgets = {"starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}


class WorkshopEditForm(WorkshopForm):
    class Meta(WorkshopForm.Meta):
        fields = ["title", "date", "starts_at", "place", "facilitators", "anonymous", "min_group_size", "votes_per_participant"]
        widgets = {**WorkshopForm.Meta.widgets, "facilitators": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        process = self.instance.round.process
        # Facilitators come from the forløb's participants. A facilitator who does not take part
        # (the central konsulent who created the workshop) stays on offer, so saving keeps them.
        taking_part = Q(pk__in=process.participants.values("user_id"))
        facilitating = Q(pk__in=self.instance.facilitators.values("pk"))
        self.fields["facilitators"].queryset = User.objects.filter(taking_part | facilitating)
        # Unticking everyone is allowed: the view keeps the one who saved as facilitator.
        self.fields["facilitators"].required = False
        self.fields["facilitators"].help_text = _("Only facilitators see the workshop's content until the minutes are approved.")


class SectionForm(StyledForm, forms.ModelForm):
    class Meta:
        model = Section
        fields = ["kind", "title", "intro"]


class SectionEditForm(StyledForm, forms.ModelForm):
    class Meta:
        model = Section
        fields = ["title", "intro"]


class PromptForm(StyledForm, forms.ModelForm):
    class Meta:
        model = Prompt
        fields = ["text", "order"]
        labels = {"order": _("Position")}
        help_texts = {"order": _("Lower numbers come first.")}


PromptFormSet = inlineformset_factory(Section, Prompt, form=PromptForm, extra=1, can_delete=True)


class AttendanceForm(StyledForm, forms.Form):
    """One choice per participant of the forløb: came, sent afbud, or not recorded."""

    def __init__(self, *args, participants, recorded: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("not recorded")), *AttendanceStatus.choices]
        for participant in participants:
            self.fields[f"p{participant.pk}"] = forms.ChoiceField(
                label=str(participant.user),
                choices=choices,
                required=False,
                initial=recorded.get(participant.pk, ""),
            )
        self.participants = list(participants)

    def statuses(self) -> dict:
        return {p: self.cleaned_data[f"p{p.pk}"] for p in self.participants}




class StatusConfirmForm(forms.Form):
    """A status confirmed in the status round, with what was said."""

    submission = forms.UUIDField(required=False)
    status = forms.ChoiceField(choices=SolutionStatus.choices)
    happened = forms.CharField(max_length=5000, required=False)
