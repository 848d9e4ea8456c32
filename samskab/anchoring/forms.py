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


class AnchoringCheckForm(StyledForm, forms.Form):
    """The facilitator enters the eight scores (1,0–5,0; empty when not scored) and the warning threshold."""

    threshold = DecimalCommaField(
        label=gettext_lazy("Warning at or below"),
        min_value=Decimal("1.0"),
        max_value=Decimal("5.0"),
        max_digits=2,
        decimal_places=1,
        help_text=gettext_lazy("A statement scored at or below this suggests an action."),
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
            )
            self.fields[key].widget.attrs["class"] = "form-input input-width-xs"

    def scores(self) -> dict:
        return {key: (self.cleaned_data.get(key), None) for key, _text in ANCHORING_STATEMENTS}
