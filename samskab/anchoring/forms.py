from decimal import Decimal

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskab.anchoring.models import AnchoringMeasure
from samskab.core.forms import DecimalCommaField, StyledForm, SubmittedOnceForm
from samskab.processes.models import Process
from samskab.workshops.template import ANCHORING_STATEMENTS


class AnchoringMeasureForm(SubmittedOnceForm):
    class Meta:
        model = AnchoringMeasure
        fields = ["title", "status", "responsible", "date", "note"]

    def __init__(self, *args, process: Process, **kwargs):
        super().__init__(*args, **kwargs)
        # Responsible: one of the forløb's participants, nobody from outside it.
        self.fields["responsible"].queryset = process.participants.select_related("user")
        self.fields["responsible"].help_text = _("One of the process's participants.")


# The scale in the product's own words, not Django's ("Ensure this value is less than or equal to 5.0").
SCALE_ERRORS = {
    "invalid": gettext_lazy("Write a score as a number, for example 3,5."),
    "min_value": gettext_lazy("The scale goes from 1 to 5: write 1 or more."),
    "max_value": gettext_lazy("The scale goes from 1 to 5: write 5 or less."),
    "max_decimal_places": gettext_lazy("Write at most one decimal, for example 3,5."),
    "max_digits": gettext_lazy("Write a score from 1 to 5 with at most one decimal, for example 3,5."),
    "max_whole_digits": gettext_lazy("Write a score from 1 to 5 with at most one decimal, for example 3,5."),
    "required": gettext_lazy("Write the warning threshold, for example 2,0."),
}


class AnchoringCheckForm(StyledForm, forms.Form):
    """The facilitator enters the eight scores (1,0–5,0; empty when not scored) and the warning threshold."""

    threshold = DecimalCommaField(
        label=gettext_lazy("Warning at or below"),
        min_value=Decimal("1.0"),
        max_value=Decimal("5.0"),
        max_digits=2,
        decimal_places=1,
        help_text=gettext_lazy("A statement scored at or below this suggests an action."),
        error_messages=SCALE_ERRORS,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, text in ANCHORING_STATEMENTS:
            self.fields[key] = DecimalCommaField(
                label=text,
                required=False,
                min_value=Decimal("1.0"),
                max_value=Decimal("5.0"),
                max_digits=2,
                decimal_places=1,
                help_text=_("1 = not at all, 5 = to a high degree."),
                error_messages=SCALE_ERRORS,
            )
            self.fields[key].widget.attrs["class"] = "form-input input-width-xs"

    def scores(self) -> dict:
        return {key: (self.cleaned_data.get(key), None) for key, _text in ANCHORING_STATEMENTS}
