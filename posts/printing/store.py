"""Rendered PDFs kept in storage under a revision key: what the PDF views serve.

PDFs run to megabytes with images, too big for a cache meant for small values,
so they live in the private ``pdfs`` storage (never a public URL: drafts are
printed too). A small "ready" entry in the shared cache says a file is complete:
a storage write is not atomic, so a reader never opens a file still being
written. Nothing here imports WeasyPrint: serving a stored PDF stays cheap.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.templatetags.static import static

from .fonts import PDF_STYLESHEETS

# How long a stored PDF's "ready" entry lives; the file is then checked again.
READY_SECONDS = getattr(settings, "PDF_CACHE_SECONDS", 60 * 60 * 24 * 7)


@dataclass(frozen=True)
class StoredPDF:
    name: str

    @property
    def etag(self) -> str:
        return f'"{self.name.rsplit("/", 1)[-1].removesuffix(".pdf")}"'

    def open(self):
        return storages["pdfs"].open(self.name, "rb")


def pdf_language(post) -> str:
    """The language a post is printed in: labels, dates, hyphenation and <html lang>."""
    return post.language


def revision_name(folder: str, *parts) -> str:
    """A file name for one rendering. The stylesheets' static URLs (hashed in production)
    are part of it so that a new layout or font set does not serve PDFs made with the old."""
    raw = "|".join(str(part) for part in (*parts, *(static(css) for css in PDF_STYLESHEETS)))
    return f"{folder}/{hashlib.sha256(raw.encode()).hexdigest()[:32]}.pdf"


def post_pdf_name(post, published: bool) -> str:
    # updated_at moves when the post, its authors or its files change (posts.signals).
    # A scheduled post goes live without a save, and its staff preview says "not
    # published": whether it prints as published is part of the name too.
    return revision_name(
        f"posts/{post.pk}", post.pk, post.updated_at.isoformat(), published, pdf_language(post)
    )


def _ready_key(name: str) -> str:
    return f"pdf:ready:{name}"


def stored(name: str) -> StoredPDF | None:
    """The complete PDF under ``name``, or None while it is not (yet) there."""
    return StoredPDF(name) if cache.get(_ready_key(name)) else None


def store(name: str, pdf: bytes) -> StoredPDF:
    storage = storages["pdfs"]
    if storage.exists(name):
        storage.delete(name)
    storage.save(name, ContentFile(pdf))
    cache.set(_ready_key(name), True, timeout=READY_SECONDS)
    return StoredPDF(name)


def recover(name: str) -> StoredPDF | None:
    """A file written before the cache lost its "ready" entry: mark it ready again."""
    storage = storages["pdfs"]
    if not storage.exists(name):
        return None
    with storage.open(name, "rb") as handle:
        handle.seek(max(0, storage.size(name) - 1024))
        complete = b"%%EOF" in handle.read()
    if not complete:
        return None
    cache.set(_ready_key(name), True, timeout=READY_SECONDS)
    return StoredPDF(name)


def prune(folder: str, keep: set[str]) -> None:
    """Delete a folder's older renderings (each revision has its own name)."""
    storage = storages["pdfs"]
    try:
        _, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for filename in files:
        name = f"{folder}/{filename}"
        if name not in keep:
            cache.delete(_ready_key(name))
            storage.delete(name)
