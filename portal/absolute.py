"""Absolute URLs, built one way for pages, feeds, metadata, PDFs and emails."""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path: str, request=None) -> str:
    """``path`` on this site as a full URL.

    With a request, the address the reader used (host checked by ALLOWED_HOSTS,
    scheme by SECURE_PROXY_SSL_HEADER); without one (emails, tasks), SITE_URL.
    A URL that is already absolute (media on object storage) is left alone.
    """
    if request is not None:
        return request.build_absolute_uri(path)
    if urlsplit(path).scheme:
        return path
    return f"{settings.SITE_URL}{path}"
