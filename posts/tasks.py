"""Periodic work of the posts app, as django.tasks tasks.

Django's tasks have no scheduler: run them from a loop (``manage.py
compute_trending --loop``, ``manage.py flush_view_counts --loop``) or a
periodic-task runner that enqueues them.
"""

from django.tasks import task

from .counting import flush_activity_counts
from .trending import refresh_trending_snapshot


@task
def compute_trending_task() -> int:
    return refresh_trending_snapshot()


@task
def flush_view_counts_task() -> int:
    return flush_activity_counts()
