"""The content generation: one number in the shared cache that every page depends on.

Anything that changes what a public page shows (a post, its authors, files or
topics, a comment's status) calls ``bump()``. Cached pages and fragments carry
the generation they were built at, so a bump on one app server makes every
server's copies stale at once, with no list of keys to delete.

The number starts from the clock, not from 1: if the cache loses it (eviction,
restart), a new start can never match a generation some stale entry still has.

Scheduled posts need no cron: ``next_publication()`` says when the next one goes
live, and cached pages never outlive that moment.
"""

import time
from datetime import datetime

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

GENERATION_KEY = "portal:generation"
_NEXT_KEY = "portal:next-publication:{}"
_NONE = 0.0  # "no scheduled post": cached as a number, None would read as a miss


def current(stored=None) -> int:
    """The generation now; ``stored`` is a value already read with get_many()."""
    if stored is not None:
        return stored
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), None)
        value = cache.get(GENERATION_KEY)
    return value


def _incr() -> None:
    try:
        generation = cache.incr(GENERATION_KEY)
    except ValueError:  # lost from the cache: start again from the clock
        cache.add(GENERATION_KEY, time.time_ns(), None)
        generation = current()
    # Looked up here, on the rare write, so that pages built next need no extra query.
    _remember_next_publication(generation)


def bump() -> None:
    """Make every cached page and fragment stale, here and on every other server.

    Once now, and again when the transaction commits: a request that read the old
    rows in between must not leave a copy under the new generation.
    """
    _incr()
    transaction.on_commit(_incr, robust=True)


def next_publication(generation: int) -> float | None:
    """When the next scheduled post goes live (a timestamp), or None.

    Cached per generation: publishing, editing or scheduling a post bumps it.
    Once that moment has passed, it is looked up again. This process also keeps the
    answer for the last few generations: every fragment built asks.
    """
    when = _known.get(generation)
    if when is None:
        when = cache.get(_NEXT_KEY.format(generation))
    if when is None or (when != _NONE and when <= time.time()):
        when = _remember_next_publication(generation)
    if len(_known) >= 8:
        _known.clear()
    _known[generation] = when
    return None if when == _NONE else when


_known: dict[int, float] = {}  # generation -> next publication, as cached


def _remember_next_publication(generation: int) -> float:
    from posts.models import Post, PostStatus  # portal is below posts: import when asked

    at: datetime | None = (
        Post.objects.filter(status=PostStatus.PUBLISHED, published_at__gt=timezone.now())
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    when = at.timestamp() if at else _NONE
    cache.set(_NEXT_KEY.format(generation), when, 24 * 60 * 60)
    return when


def expiry(generation: int, seconds: int) -> float:
    """When something built at ``generation`` to last ``seconds`` must go: then, or
    earlier when a scheduled post goes live first (a timestamp)."""
    until = time.time() + seconds
    scheduled = next_publication(generation)
    return until if scheduled is None else min(until, scheduled)
