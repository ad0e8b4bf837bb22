"""portal.cache_lock.slot_of (the PDF render places) on every cache a deployment may use.

The lock relies on cache.add() being atomic, which the in-memory cache gives
within one process only: the database cache and Redis are what several servers
share, so the same tests run on them too.
"""

import os
import threading
import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections

from portal.cache_lock import slot_of

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


def test_simultaneous_workers_never_hold_more_places_than_there_are(shared_cache):
    if shared_cache == "database" and not settings.USING_POSTGRES:
        pytest.skip("SQLite's shared in-memory test database locks tables between threads")
    holding, most, guard = [0], [0], threading.Lock()
    admitted = []

    def work():
        with slot_of("renders", 2, seconds=60) as placed:
            admitted.append(placed)
            if placed:
                with guard:
                    holding[0] += 1
                    most[0] = max(most[0], holding[0])
                time.sleep(0.3)
                with guard:
                    holding[0] -= 1

    run_together(5, work)

    assert most[0] <= 2
    assert admitted.count(True) >= 1
    assert admitted.count(False) >= 1
    assert not any(cache.get(f"renders:slot:{index}") for index in range(2))


def test_a_place_is_freed_when_the_work_fails(shared_cache):
    with pytest.raises(RuntimeError), slot_of("renders", 1, seconds=60) as placed:
        assert placed
        raise RuntimeError("render failed")

    with slot_of("renders", 1, seconds=60) as again:
        assert again


def test_a_place_taken_by_another_worker_is_not_released_by_us(shared_cache):
    cache.add("renders:slot:0", "another-worker", timeout=60)

    with slot_of("renders", 1, seconds=60) as placed:
        assert not placed

    assert cache.get("renders:slot:0") == "another-worker"
