"""PDFs rendered by WeasyPrint from the print templates, cached per post revision.

WeasyPrint is heavy to import, so it is imported only inside the functions that
render. Its URL fetcher reads nothing but the portal's own static and media
files: no network, no ``file://`` outside those folders.
"""

import atexit
import hashlib
import logging
import mimetypes
import secrets
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import OpenerDirector, url2pathname

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.core.exceptions import SuspiciousFileOperation
from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import gettext

from .models import Attachment, Post, PostAuthor, SavedPost
from .uploads import media_for_url

logger = logging.getLogger(__name__)

# How long a rendered PDF stays cached. Each revision has its own key, so a
# stale entry is never served: it only waits to expire.
CACHE_SECONDS = getattr(settings, "PDF_CACHE_SECONDS", 60 * 60 * 24 * 7)
# A render holding the lock longer than this is presumed dead.
LOCK_SECONDS = getattr(settings, "PDF_LOCK_SECONDS", 60)
# How long a second request waits for the first one's PDF before rendering itself.
LOCK_WAIT_SECONDS = getattr(settings, "PDF_LOCK_WAIT_SECONDS", 30)
LOCK_POLL_SECONDS = 0.05


class RefusedURL(ValueError):
    """The PDF asked for something that is not one of the portal's own files."""


def _url_path_prefix(url: str) -> str:
    return urlsplit(url).path if url else ""


def _inside(path: Path, roots: list[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved.is_relative_to(Path(root).resolve()) for root in roots)


def _static_file(name: str) -> Path | None:
    """A collected static file (STATIC_ROOT, manifest names) or one the finders know."""
    try:
        if staticfiles_storage.exists(name):
            return Path(staticfiles_storage.path(name))
    except (NotImplementedError, SuspiciousFileOperation):
        pass
    try:
        found = finders.find(name)
    except SuspiciousFileOperation:
        return None
    return Path(found) if found else None


def _static_roots() -> list[Path]:
    roots = [Path(settings.STATIC_ROOT)]
    for entry in settings.STATICFILES_DIRS:
        roots.append(Path(entry[1] if isinstance(entry, tuple | list) else entry))
    return roots


def local_file_for(url: str, site_origin: str) -> Path:
    """The file on disk a PDF may read for ``url``, or RefusedURL.

    Allowed: the site's own ``STATIC_URL`` addresses and ``file://`` paths inside
    the static folders. Media is read through the storage API (``media_for_url``).
    Everything else (other hosts, other schemes, paths that climb out with ``..``)
    is refused.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "file":
        path = Path(url2pathname(unquote(parts.path)))
        if path.is_file() and _inside(path, _static_roots()):
            return path
        raise RefusedURL(f"Refused file outside static: {url}")
    if scheme not in {"http", "https"}:
        raise RefusedURL(f"Refused scheme: {url}")
    origin = urlsplit(site_origin)
    if (scheme, parts.netloc.lower()) != (origin.scheme.lower(), origin.netloc.lower()):
        raise RefusedURL(f"Refused another host: {url}")
    path = unquote(parts.path)
    static_prefix = _url_path_prefix(settings.STATIC_URL)
    found = None
    if static_prefix and path.startswith(static_prefix):
        found = _static_file(path.removeprefix(static_prefix))
    if found is None or not found.is_file():
        raise RefusedURL(f"Refused: not one of the portal's static or media files: {url}")
    return found


def url_fetcher(site_origin: str):
    """A WeasyPrint URL fetcher limited to the portal's own files."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class PortalURLFetcher(URLFetcher):
        def __init__(self):
            # Skip URLFetcher's urllib handlers: we never open a connection, and
            # building its HTTPS context (loading CA certificates) costs ~0.1 s.
            OpenerDirector.__init__(self)
            self._fail_on_errors = False
            self._allowed_protocols = None
            self._request = None

        def fetch(self, url, headers=None):
            media = media_for_url(url, site_origin)
            if media is not None:
                content_type = mimetypes.guess_type(urlsplit(url).path)[0] or "image/png"
                return URLFetcherResponse(url, media, {"Content-Type": content_type})
            path = local_file_for(url, site_origin)
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})

    return PortalURLFetcher()


def _css_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def page_numbers_css() -> str:
    """The footer's "page X of Y", translated: CSS files cannot hold gettext strings."""
    # Translators: the PDF footer; keep {page} and {pages}.
    label = gettext("page {page} of {pages}")
    tokens = []
    for piece in label.replace("{pages}", "\0pages\0").replace("{page}", "\0page\0").split("\0"):
        if piece in {"page", "pages"}:
            tokens.append(f"counter({piece})")
        elif piece:
            tokens.append(_css_string(piece))
    return f"@page {{ @bottom-right {{ content: {' '.join(tokens)}; }} }}"


_loaded = threading.local()
# Parsed once per thread and passed to every render (the PDF template does not
# link them): the shipped fonts, then the paper layout.
PDF_STYLESHEETS = ("css/pdf-fonts.css", "css/pdf.css")
IMAGE_CACHE_SIZE = 64
# Drop the main thread's fonts before interpreter teardown, where WeasyPrint's
# cleanup of its temporary font folder would fail noisily.
atexit.register(_loaded.__dict__.clear)


def shared_styles():
    """(FontConfiguration, [stylesheets]) for PDFs, built once per thread.

    Decoding and registering the 18 WOFF2 faces and parsing the stylesheets
    costs more than laying out a post, so each worker thread does it once;
    Pango's font map is not thread-safe, hence per thread, not per process.
    In DEBUG the stylesheets are re-read when they change on disk.
    """
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    paths = [_static_file(name) for name in PDF_STYLESHEETS]
    stamp = tuple(path.stat().st_mtime_ns for path in paths) if settings.DEBUG else None
    styles = getattr(_loaded, "styles", None)
    if styles is None or styles[0] != stamp:
        font_config = FontConfiguration()
        fetcher = url_fetcher(settings.SITE_URL)
        sheets = [
            CSS(filename=str(path), font_config=font_config, url_fetcher=fetcher) for path in paths
        ]
        styles = _loaded.styles = (stamp, font_config, sheets)
    return styles[1], styles[2]


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
    images = getattr(_loaded, "images", None)
    if images is None or len(images) > IMAGE_CACHE_SIZE:
        images = _loaded.images = {}
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


def cached_render(key: str, render: Callable[[], bytes]) -> bytes:
    """The PDF under ``key``, rendering it at most once at a time across processes.

    The lock is a cache.add() on a second key: add is atomic on the database,
    Redis and memcached caches, so concurrent workers on several servers that
    share the cache agree on one renderer; the others poll for its result.
    """
    pdf = cache.get(key)
    if pdf is not None:
        return pdf
    lock_key = f"{key}:lock"
    token = secrets.token_hex(8)
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        if cache.add(lock_key, token, timeout=LOCK_SECONDS):
            try:
                # Another worker may have finished between our get() and add().
                pdf = cache.get(key)
                if pdf is None:
                    pdf = render()
                    cache.set(key, pdf, timeout=CACHE_SECONDS)
                    # One line per render: the cluster tests count them across servers.
                    logger.info("Rendered PDF %s", key)
                return pdf
            finally:
                if cache.get(lock_key) == token:
                    cache.delete(lock_key)
        time.sleep(LOCK_POLL_SECONDS)
        pdf = cache.get(key)
        if pdf is not None:
            return pdf
        if time.monotonic() > deadline:
            # The lock holder is stuck or gone: serve the reader rather than fail.
            return render()


def print_context(request, post) -> dict:
    context = {"post": post, "post_url": request.build_absolute_uri(post.get_absolute_url())}
    if not post.is_published:
        # Staff preview: a printed draft must not pass for the published post.
        context["header_note"] = gettext("Preview, not published")
    return context


def load_print_data(posts) -> None:
    """Authors, topics and files of the posts, in three queries, for printing."""
    prefetch_related_objects(
        posts,
        Prefetch(
            "post_authors",
            queryset=PostAuthor.objects.select_related("author").order_by("position", "pk"),
        ),
        "tags",
        Prefetch("attachments", queryset=Attachment.objects.order_by("position", "pk")),
    )


def render_post_pdf(request, post) -> bytes:
    load_print_data([post])
    context = {**print_context(request, post), "for_pdf": True}
    html = render_to_string("posts/print.html", context, request=request)
    return render_pdf(html, base_url=request.build_absolute_uri("/"))


def post_pdf(request, post) -> bytes:
    """The post's PDF, from the cache when this revision was rendered before."""
    key = post_cache_key(post, site_origin(request))
    return cached_render(key, lambda: render_post_pdf(request, post))


# The reading pack: a member's most recently saved posts in one PDF.
READING_PACK_LIMIT = 50


def reading_pack_posts(user) -> list:
    """The posts of the member's pack: newest saved first, still published, capped."""
    saved = SavedPost.objects.of(user).filter(post__in=Post.objects.published())
    saved = saved.select_related("post").order_by("-saved_at", "-pk")
    return [item.post for item in saved[:READING_PACK_LIMIT]]


def reading_pack_cache_key(user, posts, origin: str) -> str:
    # The pack changes when the list or any post in it changes: key on both.
    revisions = ",".join(f"{post.pk}@{post.updated_at.isoformat()}" for post in posts)
    return cache_key("pack", user.pk, revisions, origin)


def render_reading_pack(request, posts, total_saved: int) -> bytes:
    load_print_data(posts)
    entries = [
        {"post": post, "url": request.build_absolute_uri(post.get_absolute_url())} for post in posts
    ]
    context = {
        "entries": entries,
        "total_saved": total_saved,
        "limit": READING_PACK_LIMIT,
        "header_note": gettext("Reading pack"),
    }
    html = render_to_string("posts/reading_pack.html", context, request=request)
    return render_pdf(html, base_url=request.build_absolute_uri("/"))


def reading_pack_pdf(request, posts, total_saved: int) -> bytes:
    key = reading_pack_cache_key(request.user, posts, site_origin(request))
    return cached_render(key, lambda: render_reading_pack(request, posts, total_saved))
