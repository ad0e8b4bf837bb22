from django.core.management.base import BaseCommand

from posts.counting import flush_activity_counts
from posts.periodic import add_loop_arguments, run_periodically


class Command(BaseCommand):
    help = (
        "Move the view and download counters kept in the cache into the daily activity "
        "table. Run every minute, e.g. with --loop; also posts.tasks.flush_view_counts_task."
    )

    def add_arguments(self, parser):
        add_loop_arguments(parser, every=60)

    def handle(self, *args, loop=False, every=60, **options):
        run_periodically(
            self, lambda: f"Flushed {flush_activity_counts()} counted events.", loop, every
        )
