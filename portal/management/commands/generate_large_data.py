"""generate_large_data: 100,000 posts and everything around them, for bench/large_data.py."""

import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from portal.large_data import SAVER_EMAIL, SAVER_PASSWORD, LargeDataGenerator, Sizes


class Command(BaseCommand):
    help = (
        "Generate a large, realistic data set: posts with topics, authors and file metadata "
        "(no real files), comments in every state, daily activity and one member's saved "
        f"posts ({SAVER_EMAIL} / {SAVER_PASSWORD}). Use an empty database; a second run "
        "does nothing."
    )

    def add_arguments(self, parser):
        defaults = Sizes()
        for name in ("posts", "authors", "members", "comments", "active_posts", "days", "saved"):
            parser.add_argument(
                f"--{name.replace('_', '-')}",
                type=int,
                default=getattr(defaults, name),
                help=f"How many {name.replace('_', ' ')} (default {getattr(defaults, name)}).",
            )
        parser.add_argument("--batch", type=int, default=defaults.batch, help="Rows per INSERT.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (same data again).")

    def handle(self, *args, seed=1, **options):
        sizes = Sizes(**{name: options[name] for name in Sizes.__dataclass_fields__})
        generator = LargeDataGenerator(sizes, seed=seed)
        if generator.already_generated():
            self.stdout.write("Large data set already present: nothing to do.")
            return
        started = time.monotonic()
        with transaction.atomic():
            created = generator.run()
        # Visibility map and statistics for the planner (not possible inside a test's transaction).
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        summary = ", ".join(f"{count:,} {name}" for name, count in created.items())
        self.stdout.write(f"Created {summary} in {time.monotonic() - started:.0f} s.")
