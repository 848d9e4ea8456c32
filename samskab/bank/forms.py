"""The erfaringsbank's search form (GET) and the "Brug hos os" form."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from samskab.bank.models import ItemKind
from samskab.core.forms import LongSelect, StyledForm
from samskab.decisions.models import DecisionKind
from samskab.organisations.models import Unit, tree_label
from samskab.workshops.template import LEARNING_THEMES, TRANSFER_COLUMNS

ALL = [("", _("All"))]


def unit_choices(items, organisation_id: int) -> list[tuple[str, str]]:
    """The units that hold items `items` can reach, and the units above them, as a tree."""
    # order_by(): the model's ordering would otherwise put date and id into the DISTINCT (one row per item).
    paths = set(items.order_by().values_list("unit_path", flat=True).distinct())
    ids = {int(part) for path in paths for part in path.split("/") if part.isdigit()}
    units = sorted(Unit.objects.filter(pk__in=ids, organisation_id=organisation_id).only("name", "path"), key=lambda u: u.path)
    top = min((unit.path.count("/") for unit in units), default=1)
    return [(str(unit.pk), tree_label(unit.name, unit.path, top)) for unit in units]


class SearchInput(forms.TextInput):
    input_type = "search"


class SearchForm(StyledForm, forms.Form):
    q = forms.CharField(
        label=_("Search text"),
        required=False,
        strip=True,
        widget=SearchInput,
        help_text=_(
            "Items with most of the words come first. A word also finds longer words that begin with it. "
            "Write -word or NOT word to leave out items with that word."
        ),
    )
    unit = forms.TypedChoiceField(
        label=_("Unit"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Includes the units below."),
        widget=LongSelect,
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
    """The years that have items, newest first.

    The first and the last date are read along the (organisation, listed, date) index, then one
    indexed look per year between: a DISTINCT over truncated dates runs a Python function for every
    item on SQLite, far too slow for a municipality's items.
    """
    last = items.order_by("-date").values_list("date", flat=True).first()
    if last is None:
        return []
    first = items.order_by("date").values_list("date", flat=True).first()
    return [
        year
        for year in range(last.year, first.year - 1, -1)
        if year in (first.year, last.year)
        or items.filter(date__gte=date(year, 1, 1), date__lte=date(year, 12, 31)).exists()
    ]


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

