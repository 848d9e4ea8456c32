from django.utils.translation import gettext as _

from samskab.anchoring.models import AnchoringMeasure
from samskab.core.forms import SubmittedOnceForm
from samskab.processes.models import Process


class AnchoringMeasureForm(SubmittedOnceForm):
    class Meta:
        model = AnchoringMeasure
        fields = ["title", "status", "responsible", "date", "note"]

    def __init__(self, *args, process: Process, **kwargs):
        super().__init__(*args, **kwargs)
        # Responsible: one of the forløb's participants, nobody from outside it.
        self.fields["responsible"].queryset = process.participants.select_related("user")
        self.fields["responsible"].help_text = _("One of the process's participants.")
