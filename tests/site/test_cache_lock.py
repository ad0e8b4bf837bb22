"""portal.cache_lock.compute_once (the PDF render lock) on every cache a deployment may use.

The lock relies on cache.add() being atomic, which the in-memory cache gives
within one process only: the database cache and Redis are what several servers
share, so the same tests run on them too.
"""

import os
import threading
import time
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections

from portal import cache_lock
from portal.cache_lock import compute_once

REDIS_URL = "redis://127.0.0.1:6379/2"
# Committed rows: the database cache's other threads must see them.
pytestmark = pytest.mark.django_db(transaction=True)


def redis_reachable() -> bool:
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true" or os.environ.get("PORTAL_CI") == "1"


@pytest.fixture(params=["locmem", "database", "redis"])
def shared_cache(request, settings):
    """The default cache switched to one backend, empty."""
    if request.param == "locmem":
        backend = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    elif request.param == "database":
        backend = {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "test_cache_lock",
        }
    else:
        if not redis_reachable():
            if in_ci():
                pytest.fail(f"Redis is not reachable at {REDIS_URL}")
            pytest.skip(f"Redis is not reachable at {REDIS_URL} (required under CI=true)")
        backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    settings.CACHES = {"default": {**backend, "KEY_PREFIX": "cache-lock-test"}}
    if request.param == "database":
        call_command("createcachetable", verbosity=0)
    cache.clear()
    yield request.param
    cache.clear()


def run_together(count: int, target) -> None:
    start = threading.Barrier(count)

    def run():
        try:
            start.wait()
            target()
        finally:
            connections.close_all()  # each thread's own database connection

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_cache_add_is_first_come_only(shared_cache):
    assert cache.add("lock-key", "first", timeout=60)
    assert not cache.add("lock-key", "second", timeout=60)
    assert cache.get("lock-key") == "first"


def test_simultaneous_callers_compute_once(shared_cache):
    calls, results = [], []

    def slow_compute():
        calls.append(1)
        time.sleep(0.3)
        return b"%PDF-rendered"

    run_together(4, lambda: results.append(compute_once("same-post", slow_compute, timeout=60)))

    assert len(calls) == 1
    assert results == [b"%PDF-rendered"] * 4
    assert cache.get("same-post") == b"%PDF-rendered"
    assert cache.get("same-post:lock") is None


def test_a_waiter_takes_the_holders_result(shared_cache):
    cache.add("report:lock", "another-worker", timeout=60)

    def holder_finishes(seconds):
        cache.set("report", "from the holder")

    compute = mock.Mock(return_value="computed here")
    with mock.patch.object(cache_lock.time, "sleep", side_effect=holder_finishes):
        assert compute_once("report", compute, timeout=60) == "from the holder"
    compute.assert_not_called()
    assert cache.get("report:lock") == "another-worker"  # not ours to release


def test_a_stuck_holder_does_not_keep_the_caller_waiting(shared_cache):
    cache.add("report:lock", "stuck-worker", timeout=60)

    with mock.patch.object(cache_lock.time, "sleep"):
        value = compute_once("report", lambda: "computed here", timeout=60, wait_seconds=0)

    assert value == "computed here"
    assert cache.get("report:lock") == "stuck-worker"


def test_the_lock_is_released_when_computing_fails(shared_cache):
    def broken():
        raise RuntimeError("render failed")

    with pytest.raises(RuntimeError):
        compute_once("report", broken, timeout=60)

    assert cache.get("report:lock") is None
    assert compute_once("report", lambda: "second try", timeout=60) == "second try"


def test_a_cached_value_is_served_without_computing(shared_cache):
    cache.set("report", "cached")

    assert compute_once("report", mock.Mock(side_effect=AssertionError), timeout=60) == "cached"
