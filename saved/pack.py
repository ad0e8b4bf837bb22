"""The reading pack: a member's most recently saved posts in one PDF."""

from django.template.loader import render_to_string
from django.utils.translation import gettext

from portal.absolute import absolute_url
from posts.printing.render import cache_key, cached_render, load_print_data, render_pdf, site_origin

from .models import SavedPost

READING_PACK_LIMIT = 50


def reading_pack_posts(user) -> list:
    """The posts of the member's pack: newest saved first, still published, capped."""
    return [item.post for item in SavedPost.objects.published_of(user)[:READING_PACK_LIMIT]]


def reading_pack_cache_key(user, posts, origin: str) -> str:
    # The pack changes when the list or any post in it changes: key on both.
    revisions = ",".join(f"{post.pk}@{post.updated_at.isoformat()}" for post in posts)
    return cache_key("pack", user.pk, revisions, origin)


def render_reading_pack(request, posts, total_saved: int) -> bytes:
    load_print_data(posts)
    entries = [
        {"post": post, "url": absolute_url(post.get_own_language_url(), request)} for post in posts
    ]
    context = {
        "entries": entries,
        "total_saved": total_saved,
        "limit": READING_PACK_LIMIT,
        "header_note": gettext("Reading pack"),
    }
    html = render_to_string("saved/reading_pack.html", context, request=request)
    return render_pdf(html, base_url=absolute_url("/", request))


def reading_pack_pdf(request, posts, total_saved: int) -> bytes:
    key = reading_pack_cache_key(request.user, posts, site_origin(request))
    return cached_render(key, lambda: render_reading_pack(request, posts, total_saved))
