from django.core.management.base import BaseCommand

from portal.worker import exhausted_failures, reclaim_stale, retry_failed


class Command(BaseCommand):
    help = (
        "Put abandoned and failed tasks (with attempts left) back in the queue, and list "
        "the tasks that failed for good. run_periodic does the requeueing every 30 s."
    )

    def add_arguments(self, parser):
        parser.add_argument("--list", dest="only_list", action="store_true", help="Only list.")

    def handle(self, *args, only_list, **options):
        if not only_list:
            back, retried = reclaim_stale(), retry_failed()
            self.stdout.write(f"Requeued {back} abandoned and {retried} failed task(s).")
        failures = exhausted_failures()
        for result in failures:
            reason = result.exception_class_path or "unknown error"
            self.stdout.write(f"{result.finished_at:%Y-%m-%d %H:%M} {result.task_path}: {reason}")
        self.stdout.write(f"{len(failures)} task(s) failed for good (see admin: Task results).")
