"""Values built once per content generation, kept in this process in front of the shared cache.

Whatever is stored under a key that holds the generation never changes: a bump
(portal.generations) gives every such value a new key. So each app server may
keep its own copy in memory and skip the round trip to the shared cache; the
copy still goes when the next scheduled post goes live, like the shared one.
Fragments of pages, a post as readers see it, a page of a comment thread.
"""

import time

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.locmem import LocMemCache

from . import generations

# Bounded: the least recently used entries go first. Old generations' entries are
# never asked for again and age out.
local = LocMemCache("portal-per-generation", {"OPTIONS": {"MAX_ENTRIES": 2000}})


def shared_cache():
    """The shared cache, or None where it is the database (SQLite and no Redis, as with
    `make run`): there a fragment stored costs more queries than building it again."""
    return None if isinstance(caches["default"], DatabaseCache) else cache


def get_or_build(key: str, generation: int, build):
    """The value under ``key`` (which must hold ``generation``), built once if needed."""
    key = f"portal:per-generation:{key}"  # its own names: stored as (until, value)
    found = local.get(key)
    if found is None:
        shared = shared_cache()
        found = shared.get(key) if shared else None
        if found is None:
            until = generations.expiry(generation, settings.PAGE_CACHE_SECONDS)
            found = (until, build())
            if shared and until - time.time() >= 1:
                shared.set(key, found, int(until - time.time()))
        left = found[0] - time.time()
        if left >= 1:
            local.set(key, found, int(left))
    return found[1]
