from django.core.management.base import BaseCommand

from posts.periodic import add_loop_arguments, run_periodically
from saved.digest import due_user_ids
from saved.tasks import enqueue_due_digests

HOUR = 60 * 60


class Command(BaseCommand):
    help = (
        "Queue the weekly email of new followed posts for every member who is due "
        "(digest on, last one a week ago). Idempotent: run it hourly or with --loop."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count who is due, send nothing."
        )
        add_loop_arguments(parser, every=HOUR)

    def handle(self, *args, dry_run=False, loop=False, every=HOUR, **options):
        def work() -> str:
            if dry_run:
                return f"{len(due_user_ids())} follow digest(s) due; nothing sent (dry run)."
            return f"Queued {enqueue_due_digests()} follow digest(s)."

        run_periodically(self, work, loop=loop and not dry_run, every=every)
