from django.core.management.base import BaseCommand
from django.utils import timezone

from samskab.privacy.leavers import erase_leavers
from samskab.privacy.purge import purge


class Command(BaseCommand):
    help = (
        "Delete the personal data whose retention period has run out (each municipality's periods under "
        "Administration > Personal data), with every history row that would keep it, and erase the people "
        "who left the organisation longer ago than their municipality's period (not one who still owns open "
        "actions: they are listed and need a new owner first). Run daily. "
        "--dry-run lists what would be deleted and deletes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what is due; delete nothing.")

    def handle(self, *args, dry_run=False, **options):
        def report(label, counts):
            rows = ", ".join(f"{count} {model}" for model, count in sorted(counts.items()))
            self.stdout.write(f"{label}: {rows}")

        now = timezone.now()
        erased = erase_leavers(now, dry_run=dry_run, say=self.stdout.write)
        if erased:
            self.stdout.write(f"{erased} person(s) who left {'would be erased' if dry_run else 'erased'}.")
        total = purge(now, dry_run=dry_run, report=report)
        verb = "would be deleted" if dry_run else "deleted"
        self.stdout.write(f"{sum(total.values())} row(s) {verb}.")
