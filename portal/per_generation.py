"""Values built once per content generation, kept in this process in front of the shared cache.

Whatever is stored under a key that holds the generation never changes: a bump
(portal.generations) gives every such value a new key. So each app server may
keep its own copy in memory and skip the round trip to the shared cache; the
copy still goes when the next scheduled post goes live, like the shared one.
Fragments of pages, a post as readers see it, a page of a comment thread.
"""

import threading
import time
from collections import OrderedDict

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


class LocalObjects:
    """This process's own bounded store of live objects, least recently used out first.

    For values that cannot be pickled or must not leave the process: a page
    skeleton holds the template nodes of its holes (portal.templatetags.skeletons).
    """

    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self._entries: OrderedDict[str, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str):
        with self._lock:
            found = self._entries.get(key)
            if found is None or found[0] <= time.time():
                self._entries.pop(key, None)
                return None
            self._entries.move_to_end(key)
            return found[1]

    def set(self, key: str, value, until: float) -> None:
        with self._lock:
            self._entries[key] = (until, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


# Page skeletons and posts as pages show them are large and one per address or post: a
# few hundred at most, so a flood of made-up query strings costs memory that stays bounded.
objects = LocalObjects(max_entries=500)
# Built HTML: a string is never changed in place, so it is kept as it is, with no pickling.
strings = LocalObjects(max_entries=2000)


def get_or_build_here(key: str, generation: int, build):
    """Like get_or_build(), kept in this process only and never copied or pickled."""
    found = objects.get(key)
    if found is None:
        until = generations.expiry(generation, settings.PAGE_CACHE_SECONDS)
        found = build()
        if until - time.time() >= 1:
            objects.set(key, found, until)
    return found


def get_or_build(key: str, generation: int, build, *, as_is: bool = False):
    """The value under ``key`` (which must hold ``generation``), built once if needed.

    This process keeps a pickled copy, and a copy for each request; ``as_is`` keeps the
    very object and hands it to every request, for values no request changes (a post
    as its page shows it: unpickling it cost more than the rest of a member's page).
    Strings are always kept as they are.
    """
    key = f"portal:per-generation:{key}"  # its own names: stored as (until, value)
    kept = (objects if as_is else strings).get(key)
    if kept is not None:
        return kept
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
        if as_is:
            objects.set(key, found[1], found[0])
        elif isinstance(found[1], str):
            strings.set(key, found[1], found[0])
        elif left >= 1:
            local.set(key, found, int(left))
    return found[1]
