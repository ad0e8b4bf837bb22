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
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="Rebuild the per-topic daily sums first (done anyway after content changes "
            "and once a day; needed after writing PostActivity rows in bulk).",
        )

    def handle(self, *args, loop=False, every=300, rebuild=False, **options):
        def once():
            return f"Trending: {refresh_trending_snapshot(rebuild=rebuild)} topics ranked."

        run_periodically(self, once, loop, every)
