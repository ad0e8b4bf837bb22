"""Reader counts off the hot path: views and downloads go to the cache, not the database.

A view is one cache.add (have we seen this visitor today?) and one cache.incr
on a counter per post, kind and day. ``flush_activity_counts`` (the
``flush_view_counts`` command and task) moves the counters into PostActivity.
The cache is Redis in production (atomic increments); the database cache on
one box may drop an increment under a race, never add one.

Each counter is registered once in a numbered slot per day, so the flush finds
it without scanning the cache. The flush writes the amount it read, then takes
exactly that amount off the counter: increments made meanwhile wait for the
next flush.

Issue 12: at most one view per visitor, post and day; HEAD requests, prefetches
and obvious robots never count. The visitor is only ever a keyed hash (session
for members, IP and User-Agent for the rest): nothing personal lands in the cache.
"""

import re
from contextlib import suppress
from datetime import date, timedelta

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import PostActivity

COUNTED_KINDS = ("views", "downloads")
# Counters live long enough for a flush that was down a day or two to catch up.
COUNTER_DAYS = 3
COUNTER_SECONDS = COUNTER_DAYS * 24 * 60 * 60
ROBOTS = re.compile(
    r"bot|crawl|spider|slurp|scrap|fetch|curl|wget|httpie|python-|python/|java/|go-http|"
    r"okhttp|libwww|axios|node-fetch|headless|phantomjs|lighthouse|pagespeed|preview|"
    r"monitor|uptime|pingdom|facebookexternalhit|embedly|whatsapp|validator|checker",
    re.IGNORECASE,
)
PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")


def is_countable(request) -> bool:
    """A person reading: a GET, not a prefetch or prerender, not an obvious robot."""
    if request.method != "GET":
        return False
    if any("prefetch" in request.META.get(h, "").lower() for h in PREFETCH_HEADERS):
        return False
    if request.META.get("HTTP_X_PURPOSE", "").lower() == "preview":
        return False
    agent = request.META.get("HTTP_USER_AGENT", "")
    return bool(agent.strip()) and not ROBOTS.search(agent)


def visitor_hash(request, day: date) -> str:
    """Who is reading, as a keyed hash: the session for members, else IP + User-Agent + day."""
    # A page-cache hit is answered before sessions and users exist: an anonymous reader.
    session_key = getattr(request, "session", None) and request.session.session_key
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and session_key:
        visitor = f"session:{session_key}"
    else:
        ip = get_adapter(request).get_client_ip(request) or ""
        visitor = f"anon:{ip}:{request.META.get('HTTP_USER_AGENT', '')}:{day.isoformat()}"
    return salted_hmac("posts.counting.visitor", visitor, algorithm="sha256").hexdigest()


def _counter_key(kind: str, post_id: int, day: date) -> str:
    return f"activity:{day.isoformat()}:{kind}:{post_id}"


def _slots_key(day: date) -> str:
    return f"activity:{day.isoformat()}:slots"


def _slot_key(day: date, number: int) -> str:
    return f"activity:{day.isoformat()}:slot:{number}"


def count(post_id: int, kind: str, day: date | None = None) -> None:
    """Add one to a post's counter for today, in the cache only."""
    if kind not in COUNTED_KINDS:
        raise ValueError(f"Not counted in the cache: {kind}")
    day = day or timezone.localdate()
    key = _counter_key(kind, post_id, day)
    if cache.add(key, 1, COUNTER_SECONDS):
        cache.add(_slots_key(day), 0, COUNTER_SECONDS)
        number = cache.incr(_slots_key(day))
        cache.set(_slot_key(day, number), (kind, post_id), COUNTER_SECONDS)
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr: start it again
        count(post_id, kind, day)


def count_view(request, post_id: int) -> bool:
    """Count a reader's view of a post, once per visitor and day; True when counted."""
    if not is_countable(request):
        return False
    day = timezone.localdate()
    seen = f"activity:{day.isoformat()}:seen:{post_id}:{visitor_hash(request, day)}"
    if not cache.add(seen, 1, 24 * 60 * 60):
        return False
    count(post_id, "views", day)
    return True


def flush_activity_counts() -> int:
    """Move the cached counters of the last few days into PostActivity; returns the total."""
    today = timezone.localdate()
    moved = 0
    for age in range(COUNTER_DAYS):
        moved += _flush_day(today - timedelta(days=age))
    return moved


def _flush_day(day: date) -> int:
    slots = cache.get(_slots_key(day)) or 0
    entries = cache.get_many([_slot_key(day, n) for n in range(1, slots + 1)]).values()
    keys = {_counter_key(kind, post_id, day): (kind, post_id) for kind, post_id in entries}
    amounts = {key: value for key, value in cache.get_many(list(keys)).items() if value}
    per_post: dict[int, dict[str, int]] = {}
    for key, amount in amounts.items():
        kind, post_id = keys[key]
        per_post.setdefault(post_id, {})[kind] = amount
    with transaction.atomic():
        for post_id, counts in per_post.items():
            PostActivity.objects.add(post_id, day, counts)
    for key, amount in amounts.items():
        with suppress(ValueError):  # expired since: nothing left to take off
            cache.decr(key, amount)
    return sum(amounts.values())
