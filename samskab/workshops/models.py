"""Step 6: the evaluation workshop of a round (the round itself is in the rounds app)."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from samskab.core.fields import CoarseDateTimeField
from samskab.core.frozen import ApprovedVersion
from samskab.processes.models import Challenge, Participant, SubmittedOnce
from samskab.rounds.models import EvaluationRound


# Join codes: no 0/O or 1/I/L to mix up when read off a projector. 31 symbols, 6 of them.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 6


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def new_token() -> str:
    return secrets.token_urlsafe(32)


class WorkshopStatus(models.TextChoices):
    PLANNED = "planlagt", _("planned")
    RUNNING = "igang", _("running")
    CLOSED = "lukket", _("closed")


class Workshop(SubmittedOnce):
    """The evaluation workshop of a round ("workshop eller evalueringsmøde")."""

    round = models.OneToOneField(EvaluationRound, on_delete=models.CASCADE, related_name="workshop")
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("facilitators"), related_name="facilitated_workshops"
    )
    anonymous = models.BooleanField(
        _("anonymous"),
        default=True,
        help_text=_("Cards and ratings are stored without names. Participants see this when they join."),
    )
    min_group_size = models.PositiveSmallIntegerField(
        _("smallest group shown"),
        default=5,
        validators=[MinValueValidator(3), MaxValueValidator(50)],
        help_text=_("Averages and distributions of ratings are shown only for at least this many people (never under 3)."),
    )
    votes_per_participant = models.PositiveSmallIntegerField(
        _("votes per participant"), default=5, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    status = models.CharField(
        _("status"), max_length=20, choices=WorkshopStatus.choices, default=WorkshopStatus.PLANNED
    )
    join_code = models.CharField(_("join code"), max_length=12, unique=True, default=new_join_code, editable=False)
    joining_open = models.BooleanField(
        _("open for joining"), default=False, help_text=_("Participants can join with the code only while this is on.")
    )
    max_attendees = models.PositiveSmallIntegerField(
        _("people in the room"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(2000)],
        help_text=_("No more than this many can join with the code."),
    )
    current_section = models.ForeignKey(
        "Section", verbose_name=_("current section"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    current_challenge = models.ForeignKey(
        Challenge,
        verbose_name=_("challenge in the status round"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords(m2m_fields=[facilitators])

    class Meta:
        verbose_name = _("evaluation workshop")
        verbose_name_plural = _("evaluation workshops")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("workshops:workshop", args=[self.pk])


class SectionKind(models.TextChoices):
    STATUS = "status", _("status round")
    BOARD = "kortvaeg", _("card board")
    RATING = "vurdering", _("rating")


class Phase(models.TextChoices):
    """The phases a section moves through, controlled by the facilitator."""

    WRITE = "skriv", pgettext_lazy("workshop phase", "write")
    SHOW = "vis", pgettext_lazy("workshop phase", "show")
    GROUP = "grupper", pgettext_lazy("workshop phase", "group")
    VOTE = "stem", pgettext_lazy("workshop phase", "vote")
    DISCUSS = "droeft", pgettext_lazy("workshop phase", "discuss")
    CONCLUDE = "konkluder", pgettext_lazy("workshop phase", "conclude")


class Section(models.Model):
    """A part of the workshop: a status round, a card board or a rating."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(_("type"), max_length=20, choices=SectionKind.choices)
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(
        _("introduction"), max_length=2000, blank=True, help_text=_("Shown to everyone, for example reflection questions.")
    )
    order = models.PositiveSmallIntegerField(default=0)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices, default=Phase.WRITE)
    phase_ends_at = models.DateTimeField(_("phase timer ends"), null=True, blank=True)
    locked = models.BooleanField(_("locked"), default=False, help_text=_("Participants can no longer change their cards."))
    # A rating's figures as last published when the facilitator closed it (see workshops/ratings):
    # what the room has seen, so that reopening and closing again publishes nothing that differs
    # from it by fewer answers than the smallest group.
    published_results = models.JSONField(null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("workshops:section_edit", args=[self.pk])


class HeadingKind(models.TextChoices):
    COLUMN = "kolonne", _("column")  # a card board's columns: Gør igen, Gør anderledes, Undgå, or a question
    THEME = "tema", _("theme")  # a card board's rows: Metoden, Resultaterne, …


class SectionText(models.Model):
    """A text a section is made of, edited with the section: a board's heading or a rating's statement."""

    text = models.CharField(_("text"), max_length=300)
    order = models.PositiveSmallIntegerField(_("position"), default=0)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.text


class Heading(SectionText):
    """A card board's column or theme (a row): what the cards on the board are written under."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="headings")
    kind = models.CharField(_("kind"), max_length=20, choices=HeadingKind.choices)
    key = models.CharField(
        max_length=30, blank=True, help_text="Stable key of a template's heading (keep/change/avoid, a theme)."
    )

    class Meta:
        verbose_name = _("board heading")
        verbose_name_plural = _("board headings")
        ordering = ["kind", "order", "pk"]  # columns ("kolonne") before themes ("tema")


class Statement(SectionText):
    """A rating's statement, which each attendee rates on the 1–5 scale."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="statements")
    key = models.CharField(
        max_length=30, blank=True, help_text="Stable key of a template's statement (an anchoring factor)."
    )

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["order", "pk"]


class AttendanceStatus(models.TextChoices):
    ATTENDED = "fremmoede", _("attended")
    APOLOGIES = "afbud", _("sent apologies")


class Attendance(models.Model):
    """Fremmøde: which of the forløb's participants came, and who sent afbud."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="attendance")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="attendance")
    status = models.CharField(_("attendance"), max_length=20, choices=AttendanceStatus.choices)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["workshop", "participant"], name="unique_attendance")]


class AttendeeRole(models.TextChoices):
    LEADER = "leder", _("leader")
    EMPLOYEE = "medarbejder", _("employee")
    TR = "tr", _("union representative (TR)")
    AMR = "amr", _("health and safety representative (AMR)")
    OTHER = "andet", _("other")


class Attendee(models.Model):
    """Someone who joined the workshop with the code, usually on their own phone.

    In an anonymous workshop nothing links an attendee to a person: no user, no name, no IP
    address; only the random `token`, kept in the attendee's browser, lets them edit their own
    cards. The facilitator is an attendee too when typing in paper notes for someone.
    """

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="attendees")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    role = models.CharField(_("role"), max_length=20, choices=AttendeeRole.choices, blank=True)
    name = models.CharField(_("name"), max_length=100, blank=True, help_text=_("Only in a named workshop."))
    on_paper = models.BooleanField(default=False, help_text="Typed in by the facilitator from a paper note.")
    joined_at = CoarseDateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("workshop participant")
        verbose_name_plural = _("workshop participants")


class CardGroup(models.Model):
    """A named group of cards on a board, made while grouping."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField(_("name"), max_length=200)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name


CARD_MAX_LENGTH = 500


class Card(models.Model):
    """A kort: one input on a board. Stored once per client-made id, whatever the retries."""

    client_id = models.UUIDField(unique=True, editable=False)
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="cards")
    column = models.ForeignKey(
        Heading, verbose_name=_("column"), on_delete=models.SET_NULL, null=True, blank=True, related_name="cards"
    )
    theme = models.ForeignKey(
        Heading, verbose_name=_("theme"), on_delete=models.SET_NULL, null=True, blank=True, related_name="themed_cards"
    )
    attendee = models.ForeignKey(Attendee, on_delete=models.SET_NULL, null=True, blank=True, related_name="cards")
    text = models.TextField(_("text"), max_length=CARD_MAX_LENGTH)
    group = models.ForeignKey(CardGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="cards")
    hidden = models.BooleanField(
        _("hidden"), default=False, help_text=_("Hidden cards stay out of the board on the projector and out of the minutes.")
    )
    solutions = models.ManyToManyField(
        "processes.Solution",
        verbose_name=_("solutions"),
        blank=True,
        related_name="cards",
        help_text=_("The solutions the card is about: it is shown where the solution is analysed and decided on."),
    )
    created_at = CoarseDateTimeField(auto_now_add=True)
    updated_at = CoarseDateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("card")
        verbose_name_plural = _("cards")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class Vote(models.Model):
    """A dot vote on a card. Stored once per client-made id."""

    client_id = models.UUIDField(unique=True, editable=False)
    card = models.ForeignKey(Card, on_delete=models.CASCADE, related_name="votes")
    attendee = models.ForeignKey(Attendee, on_delete=models.CASCADE, related_name="votes")
    created_at = CoarseDateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")


class Rating(models.Model):
    """A rating of a statement on the 1–5 scale; one per attendee and statement (changing it replaces it)."""

    client_id = models.UUIDField(unique=True, editable=False)
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="ratings")
    attendee = models.ForeignKey(Attendee, on_delete=models.CASCADE, related_name="ratings")
    value = models.PositiveSmallIntegerField(_("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    updated_at = CoarseDateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [models.UniqueConstraint(fields=["statement", "attendee"], name="one_rating_per_statement")]


class Lesson(SubmittedOnce):
    """A læringspunkt: a conclusion the facilitator records while concluding a section."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="lessons")
    text = models.TextField(_("lesson"), max_length=1000)
    reusable = models.BooleanField(
        _("can be used elsewhere"),
        default=False,
        help_text=_("Marks the lesson for other workplaces in the municipality once the minutes are approved."),
    )
    theme = models.ForeignKey(
        Heading, verbose_name=_("theme"), on_delete=models.SET_NULL, null=True, blank=True, related_name="lessons"
    )
    cards = models.ManyToManyField(Card, verbose_name=_("cards"), blank=True, related_name="lessons")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class MinutesStatus(models.TextChoices):
    DRAFT = "kladde", _("draft")
    APPROVED = "godkendt", _("approved")


class Minutes(models.Model):
    """The workshop's referat: a draft (kladde) for the facilitators until they approve it."""

    workshop = models.OneToOneField(Workshop, on_delete=models.CASCADE, related_name="minutes")
    status = models.CharField(_("status"), max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT)
    summary = models.TextField(_("summary"), max_length=10000, blank=True)
    next_evaluation = models.DateField(_("next evaluation"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return str(_("Minutes of %(workshop)s") % {"workshop": self.workshop})

    @property
    def is_approved(self) -> bool:
        return self.status == MinutesStatus.APPROVED


class MinutesVersion(ApprovedVersion):
    """One approval of a referat, frozen: what the MED committee approved never changes afterwards.

    `content` is the referat's tree as it was at approval; the Word file and the PDF are the files
    printed from it then. `checksum` (SHA-256 of the content) is shown on the page and in the files.
    Reopening the referat starts work towards the next version; this one stays.
    """

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="versions")

    class Meta:
        verbose_name = _("approved version of the minutes")
        verbose_name_plural = _("approved versions of the minutes")
        ordering = ["minutes", "-number"]
        constraints = [models.UniqueConstraint(fields=["minutes", "number"], name="unique_minutes_version")]
