from django.core.management.base import BaseCommand

from portal import generations
from posts.models import Post
from posts.search.index import update_search_vectors

BATCH = 500


class Command(BaseCommand):
    help = (
        "Recompute what search matches for every post: the weighted vector on PostgreSQL, "
        "the accent-folded copy on SQLite. Saves keep it current; "
        "run this after bulk imports or raw SQL changes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the posts, change nothing."
        )

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        ids = list(Post.objects.order_by("pk").values_list("pk", flat=True))
        if not dry_run:
            for start in range(0, len(ids), BATCH):
                update_search_vectors(ids[start : start + BATCH])
                if verbosity >= 2:
                    done = min(start + BATCH, len(ids))
                    self.stdout.write(f"  {done} of {len(ids)} posts")
        if not dry_run:
            generations.bump()  # cached search pages showed the old index
        if verbosity:
            verb = "Would rebuild" if dry_run else "Rebuilt"
            self.stdout.write(self.style.SUCCESS(f"{verb} the search index of {len(ids)} posts."))
