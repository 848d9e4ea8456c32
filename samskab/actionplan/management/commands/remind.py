from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from samskab.actionplan.reminders import send_due


class Command(BaseCommand):
    help = (
        "Email reminders of actions due within 7 days or overdue, and of forløb due or overdue for evaluation: one email "
        "per person per run. Run daily. An email that fails is logged and tried on the next run; the others are sent, "
        "and the command then exits 1."
    )

    def handle(self, *args, **options):
        result = send_due(timezone.localdate())
        self.stdout.write(f"{result.sent} reminder(s) sent.")
        self.stdout.write(f"{result.emails} email(s).")
        if result.failed:
            raise CommandError(f"{result.failed} reminder(s) failed (logged); they are tried again on the next run.")
