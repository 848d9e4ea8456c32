from django import forms

from samskab.privacy.models import RetentionPeriods


class RetentionPeriodsForm(forms.ModelForm):
    class Meta:
        model = RetentionPeriods
        fields = ["workshop_raw_months", "process_years", "history_months", "reminder_months"]
