from django import forms
from django.utils.translation import gettext_lazy as _

from samskab.audit.models import Kind
from samskab.core.forms import CleanTextForm


class TrailFilterForm(CleanTextForm, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds"))] + Kind.choices)
    person = forms.CharField(label=_("Person (username)"), required=False, max_length=150)
    since = forms.DateField(label=_("From (date)"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To (date, included)"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", _("The end date must not be before the start date."))
        return data
