"""The weekly follow digest as django.tasks tasks: one per member, and one that finds who
is due (run by ``manage.py send_follow_digests``, from cron or with --loop)."""

from django.tasks import task

from .digest import due_user_ids, send_digest


@task
def send_follow_digest(user_id: int) -> bool:
    return send_digest(user_id)


def enqueue_due_digests() -> int:
    """Queue one digest task per member who is due; returns how many."""
    ids = due_user_ids()
    for user_id in ids:
        send_follow_digest.enqueue(user_id)
    return len(ids)


@task
def send_follow_digests_task() -> int:
    return enqueue_due_digests()
