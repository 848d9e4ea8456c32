from django.utils.translation import gettext_lazy as _

from samskab.communication.models import CommunicationRow
from samskab.core.concurrency import VersionField
from samskab.core.forms import SubmittedOnceForm
from samskab.processes.models import Process

# The guided flow asks these one at a time ("Kom godt omkring kommunikationen").
QUESTIONS = ["audience", "message", "why", "channel", "when", "sender", "how_we_know"]
LABELS = {
    "audience": _("Who should know?"),
    "message": _("What is the message?"),
    "why": _("Why should they know?"),
    "channel": _("How will they hear it?"),
    "when": _("When?"),
    "sender": _("Who says it?"),
    "how_we_know": _("How do we know it has reached them?"),
}
HELP = {
    "audience": _("Colleagues who did not take part, the management, the MED committee, other workplaces, politicians, citizens or relatives. One audience per row."),
    "message": _("One or two sentences: what did we learn, and what happens now?"),
    "why": _("What should they do, or stop worrying about, once they know?"),
    "channel": _("A staff meeting, the MED meeting, the intranet, a newsletter, an ambassador's visit, the erfa-group…"),
    "when": _("The date it is to be said."),
    "sender": _("A leader, or a participant as ambassador: a message from a colleague often lands better."),
    "how_we_know": _("For example questions at the next staff meeting, or the MED committee's minutes."),
}
AUDIENCES = [
    _("Colleagues who did not take part"),
    _("The management"),
    _("The MED committee"),
    _("Other workplaces"),
    _("Politicians"),
    _("Citizens and relatives"),
]
CHANNELS = [
    _("Staff meeting"),
    _("MED meeting"),
    _("Intranet"),
    _("Newsletter"),
    _("Ambassador's visit"),
    _("Erfa-group"),
]
ERRORS = {
    "audience": {"required": _("Write who should know.")},
    "message": {"required": _("Write the message.")},
    "channel": {"required": _("Write how they will hear it.")},
    "sender": {"invalid_choice": _("Choose one of the process's participants.")},
}


class CommunicationRowForm(SubmittedOnceForm):
    """A new row of the plan, asked one question at a time."""

    class Meta:
        model = CommunicationRow
        fields = QUESTIONS
        labels = LABELS
        help_texts = HELP
        error_messages = ERRORS

    def __init__(self, *args, process: Process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sender"].queryset = process.participants.select_related("user")
        self.fields["sender"].empty_label = _("Not decided yet")
        self.fields["audience"].widget.attrs["list"] = "audiences"
        self.fields["channel"].widget.attrs["list"] = "channels"
        for name in ("message", "why"):
            self.fields[name].widget.attrs["rows"] = 3

    def step_errors(self, step: int) -> bool:
        """Whether any question up to `step` has an error (later ones are not asked yet)."""
        return any(name in self.errors for name in QUESTIONS[: step + 1])

    def keep_errors_up_to(self, step: int) -> None:
        for name in QUESTIONS[step + 1 :]:
            self.errors.pop(name, None)


class CommunicationRowEditForm(CommunicationRowForm):
    """A row with all its answers at once, its status and whether it reached them."""

    version = VersionField()

    class Meta(CommunicationRowForm.Meta):
        fields = [*QUESTIONS, "status", "reached"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("version", self.instance.version)
