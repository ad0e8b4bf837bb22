"""A few places across processes (slot_of), for work that must not all run at once.

Generic: PDF renders take them today; any expensive job that every worker might
start at the same moment (after a deploy or a cache flush) can. The places are
cache.add() keys, atomic on the database, Redis and memcached caches, so they
hold across every server that shares the cache.
"""

import secrets
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.cache import cache


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
