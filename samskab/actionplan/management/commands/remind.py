from django.core.management.base import BaseCommand
from django.utils import timezone

from samskab.actionplan.reminders import send_due


class Command(BaseCommand):
    help = "Email reminders of actions due within 7 days or overdue, and of forløb due for evaluation. Run daily."

    def handle(self, *args, **options):
        sent = send_due(timezone.localdate())
        self.stdout.write(f"{sent} reminder(s) sent.")
