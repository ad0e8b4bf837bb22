"""The URL fetcher of PDFs: the portal's own static and media files, nothing else.

No network, no ``file://`` outside the static folders, so a post's HTML cannot
make the server fetch a tracker or read its own settings. Media (on disk or S3) is
read through the storage API: ``posts.uploads.media_for_url``.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import OpenerDirector, url2pathname

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation

from ..uploads import media_for_url


class RefusedURL(ValueError):
    """The PDF asked for something that is not one of the portal's own files."""


def _url_path_prefix(url: str) -> str:
    return urlsplit(url).path if url else ""


def _inside(path: Path, roots: list[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved.is_relative_to(Path(root).resolve()) for root in roots)


def static_file(name: str) -> Path | None:
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
    the static folders. Everything else (other hosts, other schemes, paths that
    climb out with ``..``) is refused.
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
        found = static_file(path.removeprefix(static_prefix))
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
