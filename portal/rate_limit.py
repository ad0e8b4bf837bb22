"""A per-key limit on how often something may happen, kept in the shared cache."""

import time

from django.core.cache import cache


def over_limit(key: str, limit: int, window_seconds: int) -> int | None:
    """Count one use of ``key``: None while within ``limit`` per window, else the
    seconds until the window ends (for Retry-After).

    A fixed window that starts at the first use; cache.incr is atomic on Redis,
    so workers on several servers count together.
    """
    now = int(time.time())
    count_key, since_key = f"ratelimit:{key}", f"ratelimit:{key}:since"
    cache.add(since_key, now, timeout=window_seconds)
    cache.add(count_key, 0, timeout=window_seconds)
    try:
        count = cache.incr(count_key)
    except ValueError:  # expired between add and incr
        cache.set(count_key, count := 1, timeout=window_seconds)
    if count <= limit:
        return None
    return max(1, cache.get(since_key, now) + window_seconds - now)
