"""Compute a value once across processes: a cache.add() lock beside the cached value;
and a few places across processes (slot_of), for work that must not all run at once.

Generic: any expensive result (a PDF, a report) that every worker would
otherwise compute at the same moment after a deploy or a cache flush.
"""

import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

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


@contextmanager
def slot_of(name: str, slots: int, *, seconds: int) -> Iterator[bool]:
    """Hold one of ``slots`` places across processes: a semaphore in the cache.

    Yields True while holding a place, or False at once when all are taken (the
    caller decides whether to come back later); it never waits. A holder that
    dies frees its place after ``seconds``.
    """
    token = secrets.token_hex(8)
    held = next(
        (
            key
            for key in (f"{name}:slot:{index}" for index in range(max(slots, 1)))
            if cache.add(key, token, timeout=seconds)
        ),
        None,
    )
    try:
        yield held is not None
    finally:
        if held and cache.get(held) == token:
            cache.delete(held)
