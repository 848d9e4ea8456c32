from datetime import date

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samskab.accounts.models import User
from samskab.core.forms import DecimalCommaField, StyledForm, SubmittedOnceForm
from samskab.processes.models import Challenge, FollowUp, Indicator, Measurement, Participant, Process, Solution


class ProcessForm(SubmittedOnceForm):
    class Meta:
        model = Process
        fields = ["title", "purpose", "frame", "start_date", "end_date", "step", "next_evaluation"]


class ParticipantForm(StyledForm, forms.ModelForm):
    class Meta:
        model = Participant
        fields = ["user", "role", "is_ambassador", "tells_about"]

    def __init__(self, *args, process: Process, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process
        already = process.participants.values_list("user_id", flat=True)
        self.fields["user"].queryset = User.objects.filter(
            organisation_id=process.unit.organisation_id, is_active=True
        ).exclude(pk__in=already)

    def save(self, commit: bool = True) -> Participant:
        self.instance.process = self.process
        return super().save(commit)


class TellsAboutForm(StyledForm, forms.ModelForm):
    """What an ambassador can tell others about, shown in the municipality's list of ambassadors."""

    class Meta:
        model = Participant
        fields = ["is_ambassador", "tells_about"]

    def clean(self):
        data = super().clean()
        if data.get("tells_about") and not data.get("is_ambassador"):
            self.add_error(
                "tells_about",
                _("Only ambassadors are listed with what they can tell about. Tick “ambassador”, or empty this field."),
            )
        return data


class ChallengeForm(SubmittedOnceForm):
    class Meta:
        model = Challenge
        fields = ["title", "description", "why_problem", "affected", "priority"]


class SolutionForm(SubmittedOnceForm):
    class Meta:
        model = Solution
        fields = ["title", "description", "expected_effect", "owner", "start_date", "status"]

    def __init__(self, *args, process: Process, **kwargs):
        super().__init__(*args, **kwargs)
        # The owner is one of the forløb's participants: nobody from outside it. An owner who has
        # since left the forløb stays on offer, so that saving other changes does not drop them.
        taking_part = Q(pk__in=process.participants.values("user_id"))
        self.fields["owner"].queryset = User.objects.filter(taking_part | Q(pk=self.instance.owner_id))
        self.fields["owner"].help_text = _("One of the process's participants.")


class FollowUpForm(SubmittedOnceForm):
    class Meta:
        model = FollowUp
        fields = ["date", "status", "happened", "blockers"]
        help_texts = {"status": _("The solution's status now. Saving the follow-up updates it.")}

    def clean_date(self) -> date:
        # A follow-up tells what has happened. A date ahead (a mistyped year) would stay the newest
        # follow-up for ever and keep deciding the solution's status.
        value = self.cleaned_data["date"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date of a follow-up cannot be in the future."))
        return value


class FollowUpEditForm(FollowUpForm):
    class Meta(FollowUpForm.Meta):
        help_texts = {"status": _("The status at the time. When this is the newest follow-up, the solution takes it.")}


class IndicatorForm(SubmittedOnceForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit"]


class MeasurementForm(SubmittedOnceForm):
    class Meta:
        model = Measurement
        fields = ["phase", "value", "date", "note"]
        field_classes = {"value": DecimalCommaField}
        help_texts = {"value": _("A number. A decimal comma is fine, for example 12,5.")}
