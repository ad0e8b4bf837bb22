from django.core.management.base import BaseCommand

from posts.periodic import add_loop_arguments, run_periodically
from posts.trending import refresh_trending_snapshot


class Command(BaseCommand):
    help = (
        "Compute the trending topics ranking into its table (pages only read it). "
        "Run every few minutes, e.g. with --loop; also the posts.tasks.compute_trending_task task."
    )

    def add_arguments(self, parser):
        add_loop_arguments(parser, every=300)

    def handle(self, *args, loop=False, every=300, **options):
        run_periodically(
            self, lambda: f"Trending: {refresh_trending_snapshot()} topics ranked.", loop, every
        )
