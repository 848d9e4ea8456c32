from django.conf import settings
from django.db import models


class SentReminder(models.Model):
    """A reminder that has gone out, so that `manage.py remind` never sends the same one twice.

    A reminder is about one thing (`kind`, `object_id`) falling due on one date (`due`): when a
    deadline moves, the new date is reminded of anew.
    """

    kind = models.CharField(max_length=30)
    object_id = models.PositiveIntegerField()
    due = models.DateField()
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "due", "recipient"], name="one_reminder_per_due_date")
        ]
