"""Forms in DKFDS dress: every form renders through these templates and classes."""

import uuid

from django import forms
from django.forms.renderers import DjangoTemplates
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join

from samskab.core.text import without_control_characters


class LongSelect(forms.Select):
    """A flat list of choices written in Python: a municipality's hundreds of units through Django's
    template per option took most of the erfaringsbank's and the portfolio's page time."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(item) for item in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((choice, " selected" if str(choice) in chosen else "", label) for choice, label in self.choices),
        )
        return format_html("<select{}>{}</select>", flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name})), options)


INPUT_CLASS = {
    forms.Select: "form-select",
    LongSelect: "form-select",
    forms.SelectMultiple: "form-select",
    forms.CheckboxInput: "form-checkbox",
    forms.ClearableFileInput: "form-file-input",
    forms.FileInput: "form-file-input",
}


class FormRenderer(DjangoTemplates):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DecimalCommaField(forms.DecimalField):
    """Reads "12,5" as 12.5 whatever the interface language: Danish habits are read as meant."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget = forms.TextInput(attrs={"inputmode": "decimal"})
        self.widget.is_localized = True  # a saved 2.0 is shown as "2,0" in Danish, as people write it

    def to_python(self, value):
        if isinstance(value, str) and "," in value and "." not in value:
            value = value.replace(",", ".")
        return super().to_python(value)


# Choice lists (radio buttons, checkboxes) render as a fieldset with a legend: field.template_name = FIELDSET.
FIELDSET = "forms/fieldset_field.html"

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y"]


class CleanTextForm:
    """Strips control characters from what was typed into the form's fields, before any validation.

    Every form of Samskab has it (StyledForm does; a test checks the others), so that no input can
    break a document, an email or an export. Multi-line fields (a Textarea) keep tabs and line
    breaks; in other fields they become a space. Passwords are left as typed: they are only hashed.
    """

    def full_clean(self):
        if self.is_bound:
            self.data = self._without_control_characters(self.data)
        super().full_clean()

    def _without_control_characters(self, data):
        data = data.copy()
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.PasswordInput):
                continue
            key, multiline = self.add_prefix(name), isinstance(field.widget, forms.Textarea)
            values = data.getlist(key) if hasattr(data, "getlist") else [data.get(key)]
            clean = [without_control_characters(v, multiline=multiline) if isinstance(v, str) else v for v in values]
            if clean != values:
                if hasattr(data, "setlist"):
                    data.setlist(key, clean)
                else:
                    data[key] = clean[0]
        return data


class CleanTextModelForm(CleanTextForm, forms.ModelForm):
    """The admin's forms (`form = CleanTextModelForm` on each ModelAdmin and inline): stripped like every other."""


class StyledForm(CleanTextForm):
    """Adds DKFDS classes to widgets (and strips control characters). Mix into a Form or ModelForm before it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            css = next((c for kind, c in INPUT_CLASS.items() if type(widget) is kind), "form-input")
            widget.attrs.setdefault("class", css)
            if isinstance(field, forms.DateField):
                field.widget = DateInput(attrs={"class": "form-input input-width-s"})
                field.input_formats = DATE_INPUT_FORMATS
            if isinstance(widget, forms.Textarea):
                widget.attrs.setdefault("rows", 4)


class SubmittedOnceForm(StyledForm, forms.ModelForm):
    """A create form that carries the id it was shown with, so a double submit makes one record."""

    submission = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission", uuid.uuid4())

    def submission_id(self) -> uuid.UUID:
        return self.cleaned_data.get("submission") or uuid.uuid4()
