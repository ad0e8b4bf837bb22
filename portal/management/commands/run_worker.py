from django.core.management import call_command
from django.core.management.base import BaseCommand

from portal.worker import reclaim_from


class Command(BaseCommand):
    help = (
        "Run the task worker (django-tasks-db's db_worker). Give each worker a stable "
        "--worker-id: when it starts again after a crash it first takes back the tasks "
        "it was running, so none is lost. Check it with: manage.py shell -c "
        "\"from portal.tasks import canary; canary.enqueue('check')\" (writes "
        "var/canary/check.done)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--worker-id", default=None, help="Unique per worker, stable.")
        parser.add_argument("--queue-name", default="default")
        parser.add_argument("--interval", type=float, default=1, help="Seconds between polls.")

    def handle(self, *args, worker_id, queue_name, interval, **options):
        extra = {}
        if worker_id:
            taken = reclaim_from(worker_id)
            self.stdout.write(f"Worker {worker_id}: {taken} interrupted task(s) back in the queue.")
            extra["worker_id"] = worker_id
        call_command(
            "db_worker",
            queue_name=queue_name,
            interval=interval,
            reload=False,
            startup_delay=False,
            verbosity=options["verbosity"],
            **extra,
        )
