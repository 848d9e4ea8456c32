from django import forms
from django.db.models import Q
from django.forms import inlineformset_factory
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from samskab.accounts.models import User
from samskab.core.forms import FIELDSET, CleanTextForm, StyledForm, SubmittedOnceForm
from samskab.processes.models import Solution, SolutionStatus
from samskab.workshops.moderation import GROUP_NAME_MAX_LENGTH, MERGE_BOTH, MERGE_KEPT
from samskab.workshops.models import (
    CARD_MAX_LENGTH,
    AttendanceStatus,
    Card,
    Heading,
    HeadingKind,
    Lesson,
    Section,
    Statement,
    Workshop,
)
from samskab.workshops.phone_forms import TEXT_ERRORS


class WorkshopForm(SubmittedOnceForm):
    class Meta:
        model = Workshop
        fields = ["title", "date", "starts_at", "place", "anonymous", "min_group_size", "votes_per_participant"]
        widgets = {"starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}


class WorkshopEditForm(WorkshopForm):
    class Meta(WorkshopForm.Meta):
        fields = ["title", "date", "starts_at", "place", "facilitators", "anonymous", "min_group_size", "votes_per_participant"]
        widgets = {**WorkshopForm.Meta.widgets, "facilitators": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        process = self.instance.round.process
        # Facilitators come from the forløb's participants. A facilitator who does not take part
        # (the central konsulent who created the workshop) stays on offer, so saving keeps them.
        taking_part = Q(pk__in=process.participants.values("user_id"))
        facilitating = Q(pk__in=self.instance.facilitators.values("pk"))
        self.fields["facilitators"].queryset = User.objects.filter(taking_part | facilitating)
        # Unticking everyone is allowed: the view keeps the one who saved as facilitator.
        self.fields["facilitators"].required = False
        self.fields["facilitators"].help_text = _("Only facilitators see the workshop's content until the minutes are approved.")


    def clean(self):
        """Once someone has joined under the promise on the join screen, it may only become stricter."""
        cleaned = super().clean()
        before = Workshop.objects.filter(pk=self.instance.pk).first()
        if before is None or not before.attendees.filter(on_paper=False).exists():
            return cleaned
        if before.anonymous and cleaned.get("anonymous") is False:
            self.add_error("anonymous", _("Participants joined an anonymous workshop, so it stays anonymous."))
        smallest = cleaned.get("min_group_size")
        if smallest is not None and smallest < before.min_group_size:
            self.add_error(
                "min_group_size",
                _("Participants joined with ratings shown for groups of at least %(size)s, so it cannot be lowered.")
                % {"size": before.min_group_size},
            )
        return cleaned


class JoiningForm(CleanTextForm, forms.Form):
    """How many are in the room: joining with the code lets no more in."""

    max_attendees = forms.IntegerField(min_value=1, max_value=2000)


class SectionForm(StyledForm, forms.ModelForm):
    class Meta:
        model = Section
        fields = ["kind", "title", "intro"]


class SectionEditForm(StyledForm, forms.ModelForm):
    class Meta:
        model = Section
        fields = ["title", "intro"]


class _SectionTextForm(StyledForm, forms.ModelForm):
    """A heading's or a statement's text and position, on the section's edit page (`new_hint` under the empty row)."""

    class Meta:
        fields = ["text", "order"]
        labels = {"order": _("Position")}
        help_texts = {"order": _("Lower numbers come first.")}


class HeadingForm(_SectionTextForm):
    new_hint = _("Write a new heading here, or leave it empty.")

    class Meta(_SectionTextForm.Meta):
        model = Heading


class StatementForm(_SectionTextForm):
    new_hint = _("Write a new statement here, or leave it empty.")

    class Meta(_SectionTextForm.Meta):
        model = Statement


HeadingFormSet = inlineformset_factory(Section, Heading, form=HeadingForm, extra=1, can_delete=True)
StatementFormSet = inlineformset_factory(Section, Statement, form=StatementForm, extra=1, can_delete=True)


class AttendanceForm(StyledForm, forms.Form):
    """Fremmøde: tick who of the forløb's participants came, and who sent afbud. Nobody ticked: not recorded."""

    attended = forms.MultipleChoiceField(
        label=_("Came"), required=False, widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"})
    )
    apologies = forms.MultipleChoiceField(
        label=_("Sent apologies"), required=False, widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"})
    )

    def __init__(self, *args, participants, recorded: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.participants = list(participants)
        choices = [(str(p.pk), f"{p.user} ({p.get_role_display()})") for p in self.participants]
        for name, status in (("attended", AttendanceStatus.ATTENDED), ("apologies", AttendanceStatus.APOLOGIES)):
            self.fields[name].choices = choices
            self.initial[name] = [str(pk) for pk, recorded_status in recorded.items() if recorded_status == status]

    def clean(self):
        data = super().clean()
        both = set(data.get("attended", [])) & set(data.get("apologies", []))
        if both:
            names = ", ".join(str(p.user) for p in self.participants if str(p.pk) in both)
            self.add_error(
                "apologies", _("Tick each person once: %(names)s cannot both have come and sent apologies.") % {"names": names}
            )
        return data

    def statuses(self) -> dict:
        attended, apologies = set(self.cleaned_data["attended"]), set(self.cleaned_data["apologies"])
        return {
            p: AttendanceStatus.ATTENDED if str(p.pk) in attended else AttendanceStatus.APOLOGIES if str(p.pk) in apologies else ""
            for p in self.participants
        }


class StatusConfirmForm(CleanTextForm, forms.Form):
    """A status confirmed in the status round, with what was said."""

    submission = forms.UUIDField(required=False)
    status = forms.ChoiceField(choices=SolutionStatus.choices)
    happened = forms.CharField(max_length=5000, required=False, widget=forms.Textarea)


# --- Facilitation: groups, moderating cards, læringspunkter and aftaler -------------------------


class GroupForm(StyledForm, forms.Form):
    name = forms.CharField(
        label=_("Name of the group"),
        max_length=GROUP_NAME_MAX_LENGTH,
        error_messages={
            "required": _("Give the group a name."),
            "max_length": _("A group name holds at most %(limit_value)d characters."),
        },
    )


def _card_label(card: Card) -> str:
    return Truncator(" ".join(card.text.split())).chars(80)


class CardChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, card):
        return _card_label(card)


class CardMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, card):
        return _card_label(card)


class CardModerateForm(StyledForm, forms.Form):
    """The facilitator's change to a card: its text, column and theme."""

    text = forms.CharField(
        label=_("Text of the card"), max_length=CARD_MAX_LENGTH, widget=forms.Textarea, error_messages=TEXT_ERRORS
    )
    column = forms.ModelChoiceField(
        queryset=Heading.objects.none(),
        label=_("Column"),
        required=False,
        empty_label=_("Without column"),
        error_messages={"invalid_choice": _("Choose one of the columns.")},
    )
    theme = forms.ModelChoiceField(
        queryset=Heading.objects.none(),
        label=_("Theme"),
        required=False,
        empty_label=_("No particular theme"),
        error_messages={"invalid_choice": _("Choose one of the themes.")},
    )

    def __init__(self, *args, card: Card, ask_confirm: bool = False, **kwargs):
        kwargs.setdefault("initial", {"text": card.text, "column": card.column_id, "theme": card.theme_id})
        super().__init__(*args, **kwargs)
        headings = Heading.objects.filter(section_id=card.section_id)
        self.fields["column"].queryset = headings.filter(kind=HeadingKind.COLUMN)
        self.fields["theme"].queryset = headings.filter(kind=HeadingKind.THEME)
        if not self.fields["theme"].queryset.exists():
            del self.fields["theme"]
        if ask_confirm:
            self.ask_confirm()

    def ask_confirm(self) -> None:
        """After a privacy warning: a tick to save the text anyway."""
        self.fields["confirmed"] = forms.BooleanField(
            label=_("I have checked the text: save it anyway"),
            required=False,
            widget=forms.CheckboxInput(attrs={"class": "form-checkbox"}),
        )


class CardMergeForm(StyledForm, forms.Form):
    """Merge a card into another card of the same board."""

    into = CardChoiceField(
        queryset=Card.objects.none(),
        label=_("Merge with"),
        help_text=_("The card you choose stays on the board and gets the votes of both cards."),
        error_messages={"required": _("Choose the card to merge with."), "invalid_choice": _("Choose one of the board's cards.")},
    )
    keep = forms.ChoiceField(
        label=_("Text of the merged card"),
        choices=[
            (MERGE_BOTH, _("Both texts: the chosen card's text, then this card's")),
            (MERGE_KEPT, _("Only the chosen card's text")),
        ],
        initial=MERGE_BOTH,
        widget=forms.RadioSelect(attrs={"class": "form-radio"}),
        error_messages={"required": _("Choose which text the merged card keeps.")},
        template_name=FIELDSET,
    )

    def __init__(self, *args, card: Card, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Card.objects.filter(section_id=card.section_id).exclude(pk=card.pk)


class LessonForm(SubmittedOnceForm):
    """A læringspunkt of a section, optionally with a theme and the cards it builds on."""

    class Meta:
        model = Lesson
        fields = ["text", "reusable", "theme", "cards"]
        labels = {"text": _("Lesson"), "cards": _("Cards it builds on")}
        error_messages = {"text": {"required": _("Write the lesson first.")}}
        field_classes = {"cards": CardMultipleChoiceField}
        widgets = {"cards": forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"})}

    def __init__(self, *args, section: Section, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].widget.attrs["rows"] = 3
        themes = Heading.objects.filter(section=section, kind=HeadingKind.THEME)
        cards = Card.objects.filter(section=section, hidden=False)
        self.fields["theme"].queryset = themes
        self.fields["theme"].empty_label = _("No particular theme")
        self.fields["theme"].error_messages["invalid_choice"] = _("Choose one of the themes.")
        self.fields["cards"].queryset = cards
        self.fields["cards"].template_name = FIELDSET
        self.fields["cards"].error_messages["invalid_choice"] = _("Choose among the board's cards.")
        if not themes.exists():
            del self.fields["theme"]
        if not cards.exists():
            del self.fields["cards"]


class CardSolutionsForm(StyledForm, forms.ModelForm):
    """Which of the forløb's solutions a card is about (for "Analyse og beslut")."""

    class Meta:
        model = Card
        fields = ["solutions"]
        widgets = {"solutions": forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"})}

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["solutions"].queryset = Solution.objects.filter(challenge__process=process).order_by("challenge_id", "pk")
        self.fields["solutions"].template_name = FIELDSET
        self.fields["solutions"].error_messages["invalid_choice"] = _("Choose among the process's solutions.")
