"""Keeping the task queue (django-tasks-db) honest: nothing lost, failures retried.

django-tasks-db runs each task once: a task whose worker dies stays "running", a
task that raises stays "failed". The worker command and the periodic runner call
these to put such tasks back in the queue. Every run is listed in the admin under
"Task results", failures with their traceback.
"""

from datetime import timedelta

from django.conf import settings
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

RETRY_PAUSE = timedelta(seconds=30)  # doubled for each further attempt


def _back_in_queue(result: DBTaskResult, run_after) -> None:
    result.status = TaskResultStatus.READY
    result.run_after = run_after
    result.started_at = None
    result.finished_at = None
    result.save(update_fields=["status", "run_after", "started_at", "finished_at"])


def reclaim_from(worker_id: str) -> int:
    """A worker that starts under an id takes back the tasks it held when it died."""
    held = [r for r in DBTaskResult.objects.running() if r.worker_ids[-1:] == [worker_id]]
    for result in held:
        _back_in_queue(result, timezone.now())
    return len(held)


def reclaim_stale(now=None) -> int:
    """Tasks "running" for longer than PORTAL_TASKS_STALE_MINUTES: their worker is gone."""
    now = now or timezone.now()
    cutoff = now - timedelta(minutes=settings.TASKS_STALE_MINUTES)
    stale = list(DBTaskResult.objects.running().filter(started_at__lt=cutoff))
    for result in stale:
        _back_in_queue(result, now)
    return len(stale)


def retry_failed(now=None) -> int:
    """Failed tasks with attempts left run again after a pause that doubles each time."""
    now = now or timezone.now()
    retried = 0
    for result in DBTaskResult.objects.failed():
        attempts = len(result.worker_ids)
        if attempts >= settings.TASKS_MAX_ATTEMPTS:
            continue
        _back_in_queue(result, now + RETRY_PAUSE * 2 ** (attempts - 1))
        retried += 1
    return retried


def exhausted_failures():
    """Failed for good: every attempt used. The admin lists them too."""
    return [
        result
        for result in DBTaskResult.objects.failed().order_by("-finished_at")
        if len(result.worker_ids) >= settings.TASKS_MAX_ATTEMPTS
    ]
