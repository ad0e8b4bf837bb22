"""Rendering a post's PDF from the print template, outside any request.

Also the building blocks other PDFs use (the reading pack of saved posts):
render_pdf and load_print_data. Renders run in the task queue (printing.tasks);
views only serve what printing.store holds.
"""

import atexit
import threading

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from portal.absolute import absolute_url

from ..models import post_page_prefetches
from .fetcher import url_fetcher
from .fonts import page_numbers_css, shared_styles
from .store import pdf_language

IMAGE_CACHE_SIZE = 64
# Tagged PDF/UA-1: a structure tree for screen readers, /Lang from <html lang>,
# the title shown instead of the file name. No image re-encoding (optimize_images
# off, the default): the uploads are already checked and sized.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "presentational_hints": False}

_images = threading.local()
# Emptied before interpreter teardown, with the fonts (see fonts.py).
atexit.register(_images.__dict__.clear)


def render_pdf(html: str, base_url: str | None = None) -> bytes:
    """HTML to tagged PDF bytes, reading only the portal's own files."""
    from weasyprint import CSS, HTML

    base_url = base_url or f"{settings.SITE_URL}/"
    font_config, stylesheets = shared_styles()
    fetcher = url_fetcher(base_url)
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    footer = CSS(string=page_numbers_css(), font_config=font_config, url_fetcher=fetcher)
    return document.write_pdf(
        stylesheets=[*stylesheets, footer],
        font_config=font_config,
        cache=image_cache(),
        **PDF_OPTIONS,
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


def print_context(request, post) -> dict:
    """The print view's context (in a browser, on the request's own host)."""
    return {
        "post": post,
        "post_url": absolute_url(post.get_own_language_url(), request),
        # Staff preview: a printed draft must not pass for the published post.
        "header_note": None if post.is_published else gettext("Preview, not published"),
    }


def load_print_data(posts) -> None:
    """Authors, topics and files of the posts, in three queries, for printing."""
    prefetch_related_objects(posts, *post_page_prefetches())


def render_post_pdf(post, published: bool) -> bytes:
    """The post's PDF; links point at PORTAL_SITE_URL, since no request is at hand.

    ``published`` False is the staff preview: a printed draft must not pass
    for the published post.
    """
    load_print_data([post])
    with translation.override(pdf_language(post)):
        context = {
            "post": post,
            "post_url": absolute_url(post.get_own_language_url()),
            "header_note": None if published else gettext("Preview, not published"),
            "for_pdf": True,
            "SITE_NAME": settings.SITE_NAME,
        }
        return render_pdf(render_to_string("posts/print.html", context))
