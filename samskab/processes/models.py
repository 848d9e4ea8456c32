import uuid
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskab.organisations.models import Role, Unit


class SubmittedOnce(models.Model):
    """A record created from a form carries the id the form was given when it was shown.

    Submitting the same form twice finds the first record instead of making a second.
    """

    submission_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        abstract = True


class Step(models.IntegerChoices):
    INTRO = 1, _("1. Introduction and common language")
    CHALLENGES = 2, _("2. Identify, examine and prioritise the challenges")
    SOLUTIONS = 3, _("3. Develop solutions")
    TEST = 4, _("4. Test and implement solutions")
    EVALUATE = 5, _("5. Evaluate whether solutions have an effect")
    LEARN = 6, _("6. Learn from the process and decide the next step")


class Process(SubmittedOnce):
    """A forløb: one unit's run of co-created governance."""

    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="processes")
    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(_("purpose"), max_length=5000, blank=True)
    frame = models.TextField(
        _("frame"), max_length=5000, blank=True, help_text=_("For example laws, the budget or agreements that stay as they are.")
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    step = models.PositiveSmallIntegerField(_("current step"), choices=Step.choices, default=Step.INTRO)
    next_evaluation = models.DateField(_("next evaluation"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("process")
        verbose_name_plural = _("processes")
        ordering = ["-start_date", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("processes:process", args=[self.pk])

    def clean(self) -> None:
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if self.start_date and self.next_evaluation and self.next_evaluation < self.start_date:
            errors["next_evaluation"] = _("The next evaluation cannot be before the start date.")
        if errors:
            raise ValidationError(errors)


class Participant(models.Model):
    """A person taking part in a forløb, with their role in it."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="participations"
    )
    role = models.CharField(_("role in the process"), max_length=20, choices=Role.choices)
    is_ambassador = models.BooleanField(
        _("ambassador"), default=False, help_text=_("Carries the results to colleagues.")
    )
    tells_about = models.CharField(
        _("can tell about"),
        max_length=300,
        blank=True,
        help_text=_("What the ambassador can tell others about, for example the board meetings."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["user__first_name", "user__last_name"]
        constraints = [models.UniqueConstraint(fields=["process", "user"], name="unique_participant")]

    def __str__(self) -> str:
        return f"{self.user}, {self.get_role_display()}"


class Challenge(SubmittedOnce):
    """An udfordring: governance that gets in the way of the core task ("bøvl")."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="challenges")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    why_problem = models.TextField(_("why is it a problem?"), max_length=5000, blank=True)
    affected = models.CharField(_("who is affected?"), max_length=300, blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=1, validators=[MinValueValidator(1)], help_text=_("1 is the highest priority.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        ordering = ["priority", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("processes:challenge", args=[self.pk])

    def status(self) -> "SolutionStatus | None":
        """A challenge's status is read from its solutions (prefetched where it is listed)."""
        return challenge_status([solution.status for solution in self.solutions.all()])


class SolutionStatus(models.TextChoices):
    NOT_STARTED = "ikke_startet", _("not started")
    TRIAL = "afproeves", _("being tried")
    IMPLEMENTED = "implementeret", _("implemented")
    STALLED = "haenger", _("stalled")
    STOPPED = "stoppet", _("stopped")


UNDER_WAY = (SolutionStatus.NOT_STARTED, SolutionStatus.TRIAL, SolutionStatus.STALLED)


def challenge_status(statuses: list[str]) -> SolutionStatus | None:
    """The status of a challenge, read from the statuses of its solutions.

    Stopped solutions do not count unless every solution is stopped; one stalled solution
    stalls the challenge; it is implemented when every remaining solution is.
    """
    if not statuses:
        return None
    active = [SolutionStatus(s) for s in statuses if s != SolutionStatus.STOPPED]
    if not active:
        return SolutionStatus.STOPPED
    if SolutionStatus.STALLED in active:
        return SolutionStatus.STALLED
    if all(s == SolutionStatus.IMPLEMENTED for s in active):
        return SolutionStatus.IMPLEMENTED
    if any(s in (SolutionStatus.TRIAL, SolutionStatus.IMPLEMENTED) for s in active):
        return SolutionStatus.TRIAL
    return SolutionStatus.NOT_STARTED


class Solution(SubmittedOnce):
    """A løsning to a challenge; a challenge can have several."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="solutions")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    expected_effect = models.TextField(_("expected effect"), max_length=5000, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_solutions",
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=SolutionStatus.choices, default=SolutionStatus.NOT_STARTED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("solution")
        verbose_name_plural = _("solutions")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("processes:solution", args=[self.pk])

    def get_status_enum(self) -> SolutionStatus:
        return SolutionStatus(self.status)

    def is_stalled(self) -> bool:
        return self.status == SolutionStatus.STALLED

    def is_silent(self, last_follow_up: date | None, today: date, days: int) -> bool:
        """Under way, and nothing has been followed up for more than `days` days ("uden opfølgning")."""
        return is_silent(self.status, last_follow_up or timezone.localdate(self.created_at), today, days)


def is_silent(status: str, since: date, today: date, days: int) -> bool:
    """A solution with `status`, last followed up (or created) on `since`: is it "uden opfølgning"?"""
    return status in UNDER_WAY and since < today - timedelta(days=days)


class FollowUp(SubmittedOnce):
    """An opfølgning: a dated entry on how a solution is going."""

    solution = models.ForeignKey(Solution, on_delete=models.CASCADE, related_name="follow_ups")
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=20, choices=SolutionStatus.choices)
    happened = models.TextField(_("what has happened?"), max_length=5000)
    blockers = models.TextField(_("what is holding it back?"), max_length=5000, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="follow_ups",
    )
    from_workshop = models.BooleanField(
        _("from a workshop"), default=False, help_text=_("Confirmed in the status round of an evaluation workshop.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["-date", "-pk"]
        # The newest follow-up of each solution is looked up for every row of the forløb page.
        indexes = [models.Index(fields=["solution", "-date", "-id"], name="follow_up_newest")]

    def __str__(self) -> str:
        return f"{self.solution} · {self.date}"

    def get_status_enum(self) -> SolutionStatus:
        return SolutionStatus(self.status)


class Indicator(SubmittedOnce):
    """How we know whether a solution works ("hvordan ved vi, at det virker?")."""

    solution = models.ForeignKey(Solution, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit of measurement"), max_length=50, blank=True, help_text=_("For example minutes per week."))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class MeasurementPhase(models.TextChoices):
    BEFORE = "foer", _("before")
    AFTER = "efter", _("after")


class Measurement(SubmittedOnce):
    """A måling of an indicator, before or after the solution."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    phase = models.CharField(_("before or after"), max_length=10, choices=MeasurementPhase.choices)
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measurements",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"
