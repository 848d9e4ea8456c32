"""manage.py sync_organisation: the unit tree, people and leaders from OS2mo or a CSV export.

Safe to run every night: it changes only what differs, and deactivates (never deletes) what
disappeared from the source.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from samskab.organisations.models import Organisation
from samskab.organisations.sync import csv_export
from samskab.organisations.sync.apply import organisation_sync
from samskab.organisations.sync.os2mo import OS2moClient
from samskab.organisations.sync.source import SyncError


class Command(BaseCommand):
    help = "Update a municipality's units, people and leaders from OS2mo (settings OS2MO_*) or from a CSV file."

    def add_arguments(self, parser):
        parser.add_argument("organisation", help="the municipality's short name (slug)")
        parser.add_argument("--csv", type=Path, help="read this CSV export instead of OS2mo")
        parser.add_argument("--dry-run", action="store_true", help="print what would change, change nothing")

    def handle(self, *args, organisation, csv=None, dry_run=False, **options):
        try:
            municipality = Organisation.objects.get(slug=organisation)
        except Organisation.DoesNotExist:
            raise CommandError(f"No municipality is called {organisation!r}.") from None
        try:
            source = csv_export.read(csv.read_bytes()) if csv else self._os2mo().organisation()
            changes = organisation_sync(organisation=municipality, source=source, dry_run=dry_run)
        except (SyncError, OSError) as error:
            raise CommandError(f"Nothing was changed: {error}") from None
        for change in changes:
            self.stdout.write(str(change))
        counted = f"{len(changes)} change{'' if len(changes) == 1 else 's'}"
        self.stdout.write(f"{municipality}: {counted}" + (" would be made (dry run; nothing changed)." if dry_run else " made."))

    def _os2mo(self) -> OS2moClient:
        if not settings.OS2MO_URL:
            raise CommandError("Set OS2MO_URL (and OS2MO_TOKEN_URL, OS2MO_CLIENT_ID, OS2MO_CLIENT_SECRET), or give --csv.")
        return OS2moClient(
            url=settings.OS2MO_URL,
            token_url=settings.OS2MO_TOKEN_URL,
            client_id=settings.OS2MO_CLIENT_ID,
            client_secret=settings.OS2MO_CLIENT_SECRET,
        )
