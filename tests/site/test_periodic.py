"""The periodic runner: every registered task exists, and each is enqueued once per interval."""

import pytest
from django.tasks import Task
from django.utils.module_loading import import_string

from portal.management.commands.run_periodic import enqueue_due
from portal.periodic import PERIODIC_TASKS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("path", "seconds"), PERIODIC_TASKS)
def test_every_periodic_entry_names_a_task(path, seconds):
    assert isinstance(import_string(path), Task)
    assert seconds > 0


def test_a_due_task_is_enqueued_once_per_interval_even_with_two_runners():
    schedule = [("portal.tasks.canary", 60)]

    first_runner, second_runner = enqueue_due(schedule), enqueue_due(schedule)

    assert first_runner == ["portal.tasks.canary"]
    assert second_runner == []  # the claim in the shared cache holds for 60 s
