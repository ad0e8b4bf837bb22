"""The one allowlist for editor HTML. Everything not listed here is dropped."""

import re
from html import unescape
from urllib.parse import urlsplit

import nh3
from django.conf import settings

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "a", "ul", "ol", "li", "blockquote", "code", "pre", "figure", "figcaption", "img",
    "table", "thead", "tbody", "tr", "th", "td", "caption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    # data-file: the Image id the editor's figure came from (posts.templatetags.images_tags).
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "data-file"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# nh3's output is normalised: every attribute value is double-quoted, with any
# quote inside escaped, so this matches whole <img> tags exactly.
IMG_TAG = re.compile(r'<img(?:\s+[^\s=>]+(?:="[^"]*")?)*\s*/?>')
IMG_SRC = re.compile(r'\ssrc="([^"]*)"')
IMG_SRCSET = re.compile(r'\ssrcset="([^"]*)"')


def is_own_media(src: str) -> bool:
    """An image the portal serves itself: under MEDIA_URL, nothing from elsewhere.

    Foreign images would tell another host who reads what (and when); data:
    URLs can carry anything.
    """
    media_url = settings.MEDIA_URL
    if ".." in src or "\\" in src or not src.startswith(media_url):
        return False
    if urlsplit(media_url).netloc:  # media on another host (object storage)
        return True
    return not urlsplit(src).netloc  # "/media/…", never "//elsewhere/media/…"


def _srcset_urls(srcset: str) -> list[str]:
    """The URLs of a srcset: "a.jpg 400w, b.jpg 800w" → ["a.jpg", "b.jpg"]."""
    return [part.split()[0] for part in srcset.split(",") if part.strip()]


def _keep_own_images(match: re.Match) -> str:
    tag = match.group(0)
    src = IMG_SRC.search(tag)
    srcset = IMG_SRCSET.search(tag)
    urls = [src.group(1)] if src else []
    urls += _srcset_urls(unescape(srcset.group(1))) if srcset else []
    return tag if src and all(is_own_media(unescape(url)) for url in urls) else ""


def sanitize_html(html: str) -> str:
    """Return editor HTML with scripts, event handlers, unsafe URLs and foreign images removed."""
    if not html:
        return ""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return IMG_TAG.sub(_keep_own_images, cleaned)
