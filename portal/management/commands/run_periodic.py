import logging
import time

from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from portal.periodic import PERIODIC_TASKS
from portal.worker import reclaim_stale, retry_failed

logger = logging.getLogger(__name__)
REQUEUE_EVERY = 30  # seconds between looks for failed and abandoned tasks


def enqueue_due(schedule) -> list[str]:
    """Enqueue each task whose interval has passed. The claim lives in the shared
    cache, so runners on several boxes enqueue each run once."""
    enqueued = []
    for path, seconds in schedule:
        if cache.add(f"periodic:{path}", time.time(), timeout=seconds):
            import_string(path).enqueue()
            enqueued.append(path)
    return enqueued


class Command(BaseCommand):
    help = (
        "Enqueue the periodic tasks of portal/periodic.py when due, and put failed or "
        "abandoned tasks back in the queue. Runs until stopped; --once for one pass."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="One pass, then exit.")
        parser.add_argument("--tick", type=float, default=1.0, help="Seconds between passes.")

    def handle(self, *args, once, tick, **options):
        self.stdout.write(f"Periodic runner: {len(PERIODIC_TASKS)} task(s) scheduled.")
        while True:
            for path in enqueue_due(PERIODIC_TASKS):
                logger.info("Enqueued periodic task %s", path)
            if cache.add("periodic:requeue", 1, timeout=REQUEUE_EVERY):
                back, retried = reclaim_stale(), retry_failed()
                if back or retried:
                    logger.info("Requeued %s abandoned and %s failed task(s)", back, retried)
            if once:
                return
            time.sleep(tick)
