"""The erfaringsbank's search form (GET) and the "Brug hos os" form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samskab.bank.models import ItemKind
from samskab.core.forms import StyledForm
from samskab.decisions.models import DecisionKind
from samskab.organisations.models import Unit
from samskab.workshops.template import LEARNING_THEMES, TRANSFER_COLUMNS

ALL = [("", _("All"))]


def unit_choices(items, organisation_id: int) -> list[tuple[str, str]]:
    """The units that hold items `items` can reach, and the units above them, as a tree."""
    paths = set(items.values_list("unit_path", flat=True).distinct())
    ids = {int(part) for path in paths for part in path.split("/") if part.isdigit()}
    units = sorted(Unit.objects.filter(pk__in=ids, organisation_id=organisation_id).only("name", "path"), key=lambda u: u.path)
    top = min((unit.path.count("/") for unit in units), default=1)
    return [(str(unit.pk), "\u2003" * (unit.path.count("/") - top) + unit.name) for unit in units]


class SearchInput(forms.TextInput):
    input_type = "search"


class SearchForm(StyledForm, forms.Form):
    q = forms.CharField(label=_("Search text"), required=False, strip=True, widget=SearchInput)
    unit = forms.TypedChoiceField(
        label=_("Unit"), required=False, coerce=int, empty_value=None, help_text=_("Includes the units below.")
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    kind = forms.ChoiceField(label=_("Type"), required=False, choices=ALL + list(ItemKind.choices))
    decision = forms.ChoiceField(label=_("Decision"), required=False, choices=ALL + list(DecisionKind.choices))
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, units, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"autocomplete": "off", "class": "form-input input-width-xl"})
        self.fields["unit"].choices = ALL + units
        self.fields["theme"].choices = (
            ALL
            + [(_("Learning"), [(key, label) for key, label in LEARNING_THEMES])]
            + [(_("Transfer"), [(key, label) for key, label in TRANSFER_COLUMNS])]
        )
        self.fields["year"].choices = ALL + [(str(year), str(year)) for year in years]


def item_years(items) -> list[int]:
    return sorted({day.year for day in items.dates("date", "year")}, reverse=True)


class AdoptForm(StyledForm, forms.Form):
    process = forms.TypedChoiceField(
        label=_("Use in the process"),
        coerce=int,
        error_messages={"required": _("Choose the process to use it in.")},
    )

    def __init__(self, *args, processes, **kwargs):
        super().__init__(*args, **kwargs)
        self.processes = {process.pk: process for process in processes}
        self.fields["process"].choices = [("", _("Choose a process"))] + [
            (str(process.pk), f"{process.title} ({process.unit.name})") for process in processes
        ]

    def chosen(self):
        return self.processes[self.cleaned_data["process"]]

