"""Rendering a post's PDF from the print template, cached per post revision.

Also the building blocks other PDFs use (the reading pack of saved posts):
render_pdf, cache_key, load_print_data and cached_render.
"""

import atexit
import hashlib
import threading

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import gettext

from portal.absolute import absolute_url
from portal.cache_lock import compute_once

from ..models import post_page_prefetches
from .fetcher import url_fetcher
from .fonts import page_numbers_css, shared_styles

# How long a rendered PDF stays cached. Each revision has its own key, so a
# stale entry is never served: it only waits to expire.
CACHE_SECONDS = getattr(settings, "PDF_CACHE_SECONDS", 60 * 60 * 24 * 7)
# A render holding the lock longer than this is presumed dead.
LOCK_SECONDS = getattr(settings, "PDF_LOCK_SECONDS", 60)
# How long a second request waits for the first one's PDF before rendering itself.
LOCK_WAIT_SECONDS = getattr(settings, "PDF_LOCK_WAIT_SECONDS", 30)
IMAGE_CACHE_SIZE = 64

_images = threading.local()
# Emptied before interpreter teardown, with the fonts (see fonts.py).
atexit.register(_images.__dict__.clear)


def render_pdf(html: str, base_url: str) -> bytes:
    """HTML to PDF bytes, reading only the portal's own files."""
    from weasyprint import CSS, HTML

    font_config, stylesheets = shared_styles()
    fetcher = url_fetcher(base_url)
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    footer = CSS(string=page_numbers_css(), font_config=font_config, url_fetcher=fetcher)
    return document.write_pdf(
        stylesheets=[*stylesheets, footer], font_config=font_config, cache=image_cache()
    )


def image_cache() -> dict:
    """WeasyPrint's decoded images by URL, kept per thread between renders.

    The logo and portraits recur in most PDFs. Uploads never reuse a URL for new
    content (storages pick a fresh name), so entries cannot go stale; the cache
    is simply emptied when it grows past a few dozen images.
    """
    images = getattr(_images, "images", None)
    if images is None or len(images) > IMAGE_CACHE_SIZE:
        images = _images.images = {}
    return images


def site_origin(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


def cache_key(kind: str, *parts) -> str:
    """A key for one rendering; the layout's static URL (hashed in production) is in it
    so that deploying a new print stylesheet does not serve PDFs in the old layout."""
    raw = "|".join(
        str(part) for part in (*parts, translation.get_language(), static("css/pdf.css"))
    )
    return f"pdf:{kind}:{hashlib.sha256(raw.encode()).hexdigest()[:32]}"


def post_cache_key(post, origin: str) -> str:
    # updated_at moves when the post, its authors or its files change (posts.signals).
    # A scheduled post goes live without a save: its staff preview says "not
    # published", so whether it is published yet is part of the key too.
    return cache_key("post", post.pk, post.updated_at.isoformat(), post.is_published, origin)


def cached_render(key: str, render) -> bytes:
    """The PDF under ``key``, rendered at most once at a time across processes."""
    return compute_once(
        key,
        render,
        timeout=CACHE_SECONDS,
        lock_seconds=LOCK_SECONDS,
        wait_seconds=LOCK_WAIT_SECONDS,
    )


def print_context(request, post) -> dict:
    context = {"post": post, "post_url": absolute_url(post.get_own_language_url(), request)}
    if not post.is_published:
        # Staff preview: a printed draft must not pass for the published post.
        context["header_note"] = gettext("Preview, not published")
    return context


def load_print_data(posts) -> None:
    """Authors, topics and files of the posts, in three queries, for printing."""
    prefetch_related_objects(posts, *post_page_prefetches())


def render_post_pdf(request, post) -> bytes:
    load_print_data([post])
    context = {**print_context(request, post), "for_pdf": True}
    html = render_to_string("posts/print.html", context, request=request)
    return render_pdf(html, base_url=absolute_url("/", request))


def post_pdf(request, post) -> bytes:
    """The post's PDF in the post's language (labels, dates, hyphenation), from the
    cache when this revision was rendered before."""
    with translation.override(post.language):
        key = post_cache_key(post, site_origin(request))
        return cached_render(key, lambda: render_post_pdf(request, post))
