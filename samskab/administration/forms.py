from django import forms
from django.utils.translation import gettext_lazy as _

from samskab.accounts.models import User
from samskab.core.forms import LongSelect, StyledForm
from samskab.organisations.models import MedCommittee, Membership, Organisation, Unit, tree_label


def unit_choices(organisation: Organisation, *, without: Unit | None = None) -> list[tuple[int, str]]:
    """The municipality's units as an indented tree, leaving out `without` and what lies below it."""
    units = Unit.objects.filter(organisation=organisation).order_by("path")
    if without is not None and without.pk:
        units = units.exclude(path__startswith=without.path)
    return [(unit.pk, tree_label(unit.name, unit.path)) for unit in units.only("name", "path")]


def person_choices(organisation: Organisation) -> list[tuple[int, str]]:
    people = User.objects.filter(organisation=organisation, is_active=True).order_by("first_name", "last_name", "username")
    return [(person.pk, f"{person} ({person.username})") for person in people]


class UnitForm(StyledForm, forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["name", "kind", "parent", "active"]

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        parent = self.fields["parent"]
        parent.queryset = Unit.objects.filter(organisation=organisation)
        parent.widget = LongSelect(attrs={"class": "form-select"})
        parent.widget.choices = [("", "—")] + unit_choices(organisation, without=self.instance)
        is_top = self.instance.pk and self.instance.parent_id is None
        if is_top:
            del self.fields["parent"]  # the municipality's top unit stays at the top
        else:
            parent.required = True


class MembershipForm(StyledForm, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["user", "role"]

    def __init__(self, *args, unit: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.unit = unit
        user = self.fields["user"]
        user.queryset = User.objects.filter(organisation=unit.organisation, is_active=True)
        user.widget = LongSelect(attrs={"class": "form-select"})
        user.widget.choices = [("", "—")] + person_choices(unit.organisation)

    def clean(self):
        cleaned = super().clean()
        user, role = cleaned.get("user"), cleaned.get("role")
        if user and role and Membership.objects.filter(user=user, unit=self.instance.unit, role=role).exists():
            raise forms.ValidationError(_("The person already has this role in the unit."))
        return cleaned


class MedCommitteeForm(StyledForm, forms.ModelForm):
    class Meta:
        model = MedCommittee
        fields = ["name", "unit", "members"]

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        unit = self.fields["unit"]
        unit.queryset = Unit.objects.filter(organisation=organisation)
        unit.widget = LongSelect(attrs={"class": "form-select"})
        unit.widget.choices = [("", "—")] + unit_choices(organisation)
        members = self.fields["members"]
        members.queryset = User.objects.filter(organisation=organisation, is_active=True)
        members.widget.choices = person_choices(organisation)
        members.widget.attrs["size"] = 10
        members.help_text = _("Hold down Ctrl (Cmd on a Mac) to choose more than one.")


class OrganisationForm(StyledForm, forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "cvr",
            "data_controller",
            "controller_address",
            "dpo_name",
            "dpo_email",
            "privacy_note",
            "accessibility_statement_url",
            "silent_after_days",
        ]
