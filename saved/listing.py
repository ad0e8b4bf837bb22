"""My saved posts, a page at a time: read from the database once per change.

Kept per member under their own key (like the saved ids the Save toggles read,
saved.saving), never served to anyone else. A key holds the pages read at one
content generation; a save or removal deletes the key (forget_saved_ids), and
any change to what readers see starts a new generation, so a kept page is
exactly what the database would say. Short-lived besides.
"""

import time

from django.core.cache import cache
from django.core.paginator import Page

from portal import generations
from posts.pagination import counted_page, paginate_counted

from .models import SavedPost

LIST_SECONDS = 300
KEPT_PAGES = 5


def list_key(user_id) -> str:
    return f"portal:saved-list:{user_id}"


def saved_page(request) -> tuple[Page, int]:
    """The page of the member's saved posts this request asks for, and the generation
    it belongs to (the page's fragments are kept under it)."""
    key = list_key(request.user.pk)
    stored = cache.get_many([generations.GENERATION_KEY, key])
    generation = generations.current(stored.get(generations.GENERATION_KEY))
    kept = stored.get(key) or {}
    asked = (generation, request.GET.get("page", ""))
    if asked in kept:
        return counted_page(*kept[asked]), generation
    page = paginate_counted(request, SavedPost.objects.published_of(request.user, card_data=False))
    # Only this generation's pages: older ones are never asked for again.
    kept = {k: v for k, v in kept.items() if k[0] == generation}
    if len(kept) < KEPT_PAGES:
        kept[asked] = (list(page.object_list), page.number, page.paginator.counted)
        until = generations.expiry(generation, LIST_SECONDS)
        if until - time.time() >= 1:
            cache.set(key, kept, int(until - time.time()))
    return page, generation
