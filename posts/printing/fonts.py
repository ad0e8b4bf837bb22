"""Fonts and stylesheets of PDFs, set up once per thread.

WeasyPrint is heavy to import, so it is imported only inside the functions.
"""

import atexit
import threading

from django.conf import settings
from django.utils.translation import gettext

from .fetcher import static_file, url_fetcher

_loaded = threading.local()
# Parsed once per thread and passed to every render (the PDF template does not
# link them): the shipped fonts, then the paper layout.
PDF_STYLESHEETS = ("css/pdf-fonts.css", "css/pdf.css")
# Drop the main thread's fonts before interpreter teardown, where WeasyPrint's
# cleanup of its temporary font folder would fail noisily.
atexit.register(_loaded.__dict__.clear)


def shared_styles():
    """(FontConfiguration, [stylesheets]) for PDFs, built once per thread.

    Decoding and registering the 31 WOFF2 faces and parsing the stylesheets
    costs more than laying out a post, so each worker thread does it once;
    Pango's font map is not thread-safe, hence per thread, not per process.
    In DEBUG the stylesheets are re-read when they change on disk.
    """
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    paths = [static_file(name) for name in PDF_STYLESHEETS]
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
