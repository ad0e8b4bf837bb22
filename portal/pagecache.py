"""The shared page cache: whole public pages for anonymous readers.

It sits early in the middleware, before sessions, authentication, CSRF and
messages, so a hit costs one cache round trip and no database query. Only
readers without a session or messages cookie are served from it, and only
responses that are the same for every such reader are stored:

- the view is one of CACHED_VIEWS (public pages, feeds, the sitemap);
- a GET with status 200 that sets no cookie and carries no Cache-Control of
  its own (views that decided, e.g. never_cache or private, keep their choice);
- no CSRF token in the body (a form for anonymous readers would need one).

Entries are keyed by host, language, theme cookie and the normalised path and query, and
hold the content generation they were built at (portal.generations): a bump
makes them all stale. They also expire when the next scheduled post goes live.
Hits and fresh pages answer conditional requests (ETag, 304).
"""

import hashlib
import time
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.module_loading import import_string
from django.utils.translation import get_language_from_request

from . import generations
from .theme import chosen_theme

CACHED_VIEWS = {
    "posts:latest",
    "posts:detail",
    "posts:topic",
    "posts:author",
    "posts:trending",
    "posts:search",
    "posts:feed_latest",
    "posts:feed_latest_atom",
    "posts:feed_topic",
    "posts:feed_topic_atom",
    "posts:feed_author",
    "posts:feed_author_atom",
    "sitemap",
    "pages:page",  # pages.signals bumps the generation on every edit
    "sitemap_section",
}
# Stored files the view itself marks public (a published post's PDF): kept whole in the
# cache when small enough, so a reader's download costs one cache read, not a query
# and a storage read. Drafts' PDFs are private and never stored.
CACHED_FILES = {"posts:pdf"}
MAX_FILE_BYTES = 4 * 1024 * 1024
# Parameters that never change a page: campaign tags from newsletters.
IGNORED_PARAMS = ("utm_", "fbclid", "gclid", "mc_")
# Headers the outer middleware (CSP, security) adds again on every response.
SKIPPED_HEADERS = {
    "content-security-policy",
    "set-cookie",
    "cache-control",
    "etag",
    "expires",
    "content-length",
}


def cache_key(request) -> str:
    """Host, language, theme, path and the query with its parameters sorted and trimmed."""
    params = sorted(
        (name, " ".join(value.split()))
        for name, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        if not name.startswith(IGNORED_PARAMS)
    )
    language = get_language_from_request(request, check_path=False)
    theme = chosen_theme(request)  # the <html> class differs; no cookie shares the plain copy
    raw = f"{request.get_host()}|{language}|{theme}|{request.path}?{urlencode(params)}"
    return "portal:page:" + hashlib.sha256(raw.encode()).hexdigest()


def on_hit(response, dotted_path: str, *args) -> None:
    """Run ``dotted_path(request, *args)`` on every cache hit of this page too (count a view)."""
    response.page_cache_on_hit = (dotted_path, args)


def is_anonymous_reader(request) -> bool:
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
        and "HTTP_HX_REQUEST" not in request.META
    )


def public_headers(response, etag: str) -> None:
    response["ETag"] = etag
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
        s_maxage=settings.PAGE_CACHE_PROXY_SECONDS,
    )


def answer(request, status: int, content: bytes, headers: list, etag: str):
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
        headers = [(k, v) for k, v in headers if k.lower() == "vary"]
    else:
        response = HttpResponse(content, status=status)
        response["Content-Length"] = len(content)
    for name, value in headers:
        response[name] = value
    public_headers(response, etag)
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not is_anonymous_reader(request):
            return self.get_response(request)
        key = cache_key(request)
        found = cache.get_many([generations.GENERATION_KEY, key])
        generation = generations.current(found.get(generations.GENERATION_KEY))
        entry = found.get(key)
        if entry and entry["generation"] == generation and entry["until"] > time.time():
            if entry["on_hit"]:
                dotted_path, args = entry["on_hit"]
                import_string(dotted_path)(request, *args)
            return answer(request, 200, entry["content"], entry["headers"], entry["etag"])

        response = self.get_response(request)
        if self.storable(request, response):
            return self.store(request, response, key, generation)
        if self.storable_file(request, response):
            content = b"".join(response.streaming_content)
            # Not response.close(): that sends request_finished, which closes the
            # database connection in the middle of the request.
            if getattr(response, "file_to_stream", None):
                response.file_to_stream.close()
            return self.store(request, response, key, generation, content)
        return response

    @staticmethod
    def same_for_every_reader(request, response, views) -> bool:
        match = request.resolver_match
        return (
            request.method == "GET"
            and match is not None
            and match.view_name in views
            and response.status_code == 200
            and not response.cookies
        )

    @classmethod
    def storable(cls, request, response) -> bool:
        return (
            cls.same_for_every_reader(request, response, CACHED_VIEWS)
            and not response.streaming
            and not response.has_header("Cache-Control")
            and b"csrfmiddlewaretoken" not in response.content
        )

    @classmethod
    def storable_file(cls, request, response) -> bool:
        return (
            cls.same_for_every_reader(request, response, CACHED_FILES)
            and "public" in response.get("Cache-Control", "")
            and int(response.get("Content-Length") or MAX_FILE_BYTES + 1) <= MAX_FILE_BYTES
        )

    @staticmethod
    def store(request, response, key, generation, content=None):
        content = response.content if content is None else content
        now = time.time()
        until = generations.expiry(generation, settings.PAGE_CACHE_SECONDS)
        etag = f'"{hashlib.blake2b(content, digest_size=16).hexdigest()}"'
        headers = [(k, v) for k, v in response.items() if k.lower() not in SKIPPED_HEADERS]
        if until - now >= 1:
            entry = {
                "generation": generation,
                "until": until,
                "content": content,
                "headers": headers,
                "etag": etag,
                "on_hit": getattr(response, "page_cache_on_hit", None),
            }
            cache.set(key, entry, int(until - now))
        return answer(request, 200, content, headers, etag)
