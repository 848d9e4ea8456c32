from django.core.management.base import BaseCommand, CommandError

from samskab.demo import synthetic
from samskab.demo.management.commands.load_demo import refuse_outside_a_demo


class Command(BaseCommand):
    help = (
        "Make a synthetic municipality of a given size (units, forløb, rounds, workshops, lessons, actions, "
        "erfaringsbank items) for benchmarks and demos. The same --seed makes the same municipality. "
        "Demo Kommune is not touched."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--units", type=int, default=200, help="units in the tree, the municipality included (default 200)")
        parser.add_argument("--processes", type=int, default=1000, help="forløb (default 1000)")
        parser.add_argument("--items", type=int, default=100_000, help="erfaringsbank items (default 100000)")
        parser.add_argument("--seed", type=int, default=1, help="the same seed makes the same municipality (default 1)")
        parser.add_argument("--name", default=synthetic.DEFAULT_NAME, help=f"the municipality's name (default “{synthetic.DEFAULT_NAME}”)")

    def handle(self, *args, **options) -> None:
        refuse_outside_a_demo()  # its people share one published password too
        verbose = options["verbosity"] >= 1
        log = self.stdout.write if options["verbosity"] >= 2 else None
        if verbose:
            self.stdout.write(
                f"Making {options['name']}: {options['units']} units, {options['processes']} forløb, "
                f"{options['items']} bank items (seed {options['seed']}) …"
            )
        try:
            made = synthetic.generate(
                units=options["units"], processes=options["processes"], items=options["items"],
                seed=options["seed"], name=options["name"], log=log,
            )  # fmt: skip
        except ValueError as error:
            raise CommandError(str(error)) from None
        if not verbose:
            return
        self.stdout.write(self.style.SUCCESS(f"{made.organisation.name} made in {made.seconds:.1f} s:"))
        for label, count in made.counts.items():
            self.stdout.write(f"  {count:>8}  {label}")
        self.stdout.write(
            f"\nLog in as {made.central_username} (central konsulent; every synthetic person's password is "
            f"{synthetic.PASSWORD}). Other people are {made.organisation.slug}-00001 and onwards."
        )
