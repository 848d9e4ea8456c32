from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from samskab.demo import kommune as demo


class Command(BaseCommand):
    help = "Load Demo Kommune once (running it again changes nothing) and print the demo logins."

    def handle(self, *args, **options) -> None:
        refuse_outside_a_demo()
        if demo.load():
            self.stdout.write(self.style.SUCCESS("Demo Kommune loaded."))
        else:
            self.stdout.write("Demo Kommune is already loaded; nothing changed.")
        self.stdout.write(f"\nSamskab runs on {settings.SITE_URL} — demo logins (password: {demo.DEMO_PASSWORD}):")
        for persona in demo.PERSONAS:
            self.stdout.write(f"  {persona.username:<12} {persona.first_name} {persona.last_name}: {persona.description}")
        self.stdout.write("")


def refuse_outside_a_demo() -> None:
    """Demo accounts (`admin` among them) have a published password: only in a demo installation."""
    if not settings.DEMO:
        raise CommandError(
            "This installation is not a demo: the demo's accounts, admin among them, have a published "
            "password. Set SAMSKAB_DEMO=1 only on a demo server (make run does)."
        )
