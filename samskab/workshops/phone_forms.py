"""Forms of the join pages and the participant's phone. They validate input and nothing else."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from samskab.core.forms import CleanTextForm, StyledForm
from samskab.workshops.joining import normalise_code
from samskab.workshops.models import CARD_MAX_LENGTH, AttendeeRole, Heading, HeadingKind, Section, Statement

TEXT_ERRORS = {
    "required": _("Write something on the card first."),
    "max_length": _("A card holds at most %(limit_value)d characters; yours has %(show_value)d. Please shorten it."),
}


class CodeForm(StyledForm, forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        help_text=_("The code is shown on the projector. Capital or small letters, either will do."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def clean_code(self) -> str:
        return normalise_code(self.cleaned_data["code"])


class JoinForm(StyledForm, forms.Form):
    """The participant's role, if they want to say it, and in a named workshop their name."""

    role = forms.ChoiceField(
        label=_("Your role"), choices=[("", _("I would rather not say")), *AttendeeRole.choices], required=False
    )
    name = forms.CharField(label=_("Your name"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "name"}))

    def __init__(self, *args, named: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not named:
            del self.fields["name"]


class HeadingField(forms.ModelChoiceField):
    """One of the section's headings of one kind, from those the form has read: no query to show or check a choice."""

    headings: dict[str, Heading] = {}

    def to_python(self, value) -> Heading | None:
        if value in self.empty_values:
            return None
        heading = self.headings.get(str(value))
        if heading is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})
        return heading


class CardForm(CleanTextForm, forms.Form):
    """A new card, or a change to one (`edit=True`: no section field, client id optional)."""

    client_id = forms.UUIDField(widget=forms.HiddenInput)
    column = HeadingField(
        queryset=Heading.objects.none(),
        label=_("Where does the card belong?"),
        error_messages={"required": _("Choose where the card belongs."), "invalid_choice": _("Choose one of the columns.")},
    )
    theme = HeadingField(
        queryset=Heading.objects.none(),
        label=_("Theme"),
        required=False,
        empty_label=_("No particular theme"),
        error_messages={"invalid_choice": _("Choose one of the themes.")},
    )
    text = forms.CharField(label=_("Your card"), max_length=CARD_MAX_LENGTH, widget=forms.Textarea, error_messages=TEXT_ERRORS)
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, section: Section, edit: bool = False, headings: list[Heading] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.section = section
        if headings is None:  # `headings`: the section's, when they were read with it (cards.board_to_write_on)
            headings = list(section.headings.all())  # one query: which fields the form has, what may be chosen, and its labels
        for name, kind in (("column", HeadingKind.COLUMN), ("theme", HeadingKind.THEME)):
            field = self.fields[name]
            field.headings = {str(heading.pk): heading for heading in headings if heading.kind == kind}
            if not field.headings:
                del self.fields[name]
                continue
            empty = [] if field.empty_label is None else [("", field.empty_label)]
            field.choices = empty + [(heading.pk, heading.text) for heading in field.headings.values()]
        if edit:  # a change may leave the column as it is
            self.fields["client_id"].required = False
            if "column" in self.fields:
                self.fields["column"].required = False
        elif not self.is_bound:
            self.initial.setdefault("client_id", uuid.uuid4())


class RatingsForm(CleanTextForm, forms.Form):
    """One 1–5 choice per statement; statements left out are left as they were."""

    client_id = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, statements, **kwargs):
        super().__init__(*args, **kwargs)
        self.statements = list(statements)
        for statement in self.statements:
            self.fields[f"p{statement.pk}"] = forms.TypedChoiceField(
                label=statement.text,
                choices=[(value, str(value)) for value in range(1, 6)],
                coerce=int,
                required=False,
                error_messages={"invalid_choice": _("Choose a rating from 1 to 5.")},
            )
        if not self.is_bound:
            self.initial.setdefault("client_id", uuid.uuid4())

    def ratings(self) -> list[tuple[Statement, int, uuid.UUID]]:
        """(statement, value, that rating's client id) for each statement given a value.

        One submission carries one client id; each statement's rating gets its own id derived
        from it, so that a repeat of the submission repeats each rating exactly.
        """
        client_id = self.cleaned_data["client_id"]
        return [
            (statement, self.cleaned_data[f"p{statement.pk}"], uuid.uuid5(client_id, str(statement.pk)))
            for statement in self.statements
            if self.cleaned_data.get(f"p{statement.pk}") not in (None, "")
        ]


class PaperCardForm(StyledForm, CardForm):
    """A paper note that the facilitator types in for someone who wrote by hand."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("Text of the paper card")
