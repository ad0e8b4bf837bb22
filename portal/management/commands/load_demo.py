"""The demo-data command lives in portal/: it composes posts, accounts and comments."""

import logging

from django.core.management.base import BaseCommand

from comments.demo import load_demo_comments
from posts.demo.loader import DemoLoader, summary_line
from posts.trending import refresh_trending_snapshot


class Command(BaseCommand):
    help = (
        "Load demo authors, posts, PDF files, reading activity and two demo accounts "
        "(editor@example.org / portal-editor, reader@example.org / portal-reader). "
        "Idempotent: only what is missing is created (on a later day, that includes "
        "the reading activity of the days since the last run)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would be created without changing anything.",
        )

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        # WeasyPrint narrates every layout step at INFO; the summary line is enough here.
        logging.getLogger("weasyprint").setLevel(logging.WARNING)
        created = DemoLoader(dry_run=dry_run).run()
        created += load_demo_comments(dry_run)
        if not dry_run:
            # The demo's activity shows in the trending panel at once, not after the first run
            # of compute_trending.
            refresh_trending_snapshot()
        if verbosity:
            self.stdout.write(self.style.SUCCESS(summary_line(created, dry_run)))
