"""Periodic work: Django's tasks have no scheduler, so `manage.py run_periodic` enqueues
these tasks every so many seconds, and a worker runs them.

Add one line per task: its dotted path (a function decorated with @task) and the
interval in seconds. Several runners may run (one per box): each due run is claimed
in the shared cache first, so a task is enqueued once per interval.
"""

PERIODIC_TASKS: list[tuple[str, int]] = [
    ("posts.tasks.flush_view_counts_task", 60),  # cached view counts → daily activity
    ("posts.tasks.compute_trending_task", 300),  # the trending ranking the pages read
]
