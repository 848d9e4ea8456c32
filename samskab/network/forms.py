from django import forms
from django.utils.translation import gettext_lazy as _

from samskab.accounts.models import User
from samskab.core.forms import FIELDSET, StyledForm, SubmittedOnceForm
from samskab.network.models import AgendaItem, ErfaGroup, ErfaMeeting, TrainedFacilitator
from samskab.organisations.models import Unit, tree_label


def people_of(organisation_id: int):
    return User.objects.filter(organisation_id=organisation_id, is_active=True)


def units_of(organisation_id: int):
    return Unit.objects.filter(organisation_id=organisation_id).order_by("path")


class UnitChoiceField(forms.ModelChoiceField):
    """Units listed as a tree: each name indented by its depth."""

    def label_from_instance(self, unit: Unit) -> str:
        return tree_label(unit.name, unit.path)


class UnitFilterForm(StyledForm, forms.Form):
    unit = UnitChoiceField(label=_("Unit (with the units below)"), queryset=Unit.objects.none(), required=False, empty_label=_("All units"))

    def __init__(self, *args, organisation_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_of(organisation_id)


class TrainedFacilitatorForm(StyledForm, forms.ModelForm):
    class Meta:
        model = TrainedFacilitator
        fields = ["user", "trained_on", "note"]

    def __init__(self, *args, organisation_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organisation_id = organisation_id
        already = TrainedFacilitator.objects.filter(organisation_id=organisation_id).values_list("user_id", flat=True)
        self.fields["user"].queryset = people_of(organisation_id).exclude(pk__in=already)
        self.fields["user"].label = _("Consultant")


class ContactConsultantForm(StyledForm, forms.Form):
    """A unit and its contact consultant (saved by `services.contact_consultant_set`)."""

    unit = UnitChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    consultant = forms.ModelChoiceField(label=_("Contact consultant"), queryset=User.objects.none())

    def __init__(self, *args, organisation_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_of(organisation_id)
        self.fields["consultant"].queryset = people_of(organisation_id)


class ErfaGroupForm(SubmittedOnceForm):
    class Meta:
        model = ErfaGroup
        fields = ["name", "purpose", "members"]
        widgets = {"members": forms.CheckboxSelectMultiple}

    def __init__(self, *args, organisation_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organisation_id = organisation_id
        self.fields["members"].queryset = people_of(organisation_id)
        self.fields["members"].widget.attrs["class"] = "form-checkbox"
        self.fields["members"].template_name = FIELDSET


class ErfaMeetingForm(SubmittedOnceForm):
    class Meta:
        model = ErfaMeeting
        fields = ["date", "place", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 10})}


class AgendaTextForm(StyledForm, forms.ModelForm):
    """A free-text point on the agenda."""

    class Meta:
        model = AgendaItem
        fields = ["text"]
        labels = {"text": _("Agenda item in your own words")}


class BankSearchForm(StyledForm, forms.Form):
    q = forms.CharField(label=_("Search the lesson bank"), required=False, max_length=1000)
