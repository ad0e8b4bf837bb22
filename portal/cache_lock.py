"""Compute a value once across processes: a cache.add() lock beside the cached value.

Generic: any expensive result (a PDF, a report) that every worker would
otherwise compute at the same moment after a deploy or a cache flush.
"""

import secrets
import time
from collections.abc import Callable

from django.core.cache import cache

POLL_SECONDS = 0.05


def compute_once[T](
    key: str,
    compute: Callable[[], T],
    *,
    timeout: int,
    lock_seconds: int = 60,
    wait_seconds: int = 30,
) -> T:
    """The value under ``key``, computing it at most once at a time across processes.

    The lock is a cache.add() on a second key: add is atomic on the database,
    Redis and memcached caches, so concurrent workers on several servers that
    share the cache agree on one computer; the others poll for its result.
    A holder older than ``lock_seconds`` is presumed dead; a waiter gives up
    after ``wait_seconds`` and computes the value itself.
    """
    value = cache.get(key)
    if value is not None:
        return value
    lock_key = f"{key}:lock"
    token = secrets.token_hex(8)
    deadline = time.monotonic() + wait_seconds
    while True:
        if cache.add(lock_key, token, timeout=lock_seconds):
            try:
                # Another worker may have finished between our get() and add().
                value = cache.get(key)
                if value is None:
                    value = compute()
                    cache.set(key, value, timeout=timeout)
                return value
            finally:
                if cache.get(lock_key) == token:
                    cache.delete(lock_key)
        time.sleep(POLL_SECONDS)
        value = cache.get(key)
        if value is not None:
            return value
        if time.monotonic() > deadline:
            # The lock holder is stuck or gone: serve the caller rather than fail.
            return compute()
