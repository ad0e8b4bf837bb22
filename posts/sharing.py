"""What a shared link shows: the description and the picture of a post.

The social image is the editor's choice, else the featured image, else a card
generated with the post's title in the portal's colours (1200 × 630, the size
link previews ask for). Pages link to the card by a URL that changes with the
title; the first request for it draws it and keeps it in storage.
"""

import hashlib
import io
import textwrap
from dataclasses import dataclass

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from portal.absolute import absolute_url

CARD_SIZE = (1200, 630)
BRAND, ACCENT, WHITE, TINT = "#1d4e89", "#f2b84b", "#ffffff", "#e8f0f9"
TITLE_FONT = "fonts/inter/inter-latin-700-normal.woff2"
NAME_FONT = "fonts/inter/inter-latin-600-normal.woff2"
CARD_VERSION = "1"  # change to redraw every card after a change of design


@dataclass(frozen=True)
class SharedImage:
    url: str
    width: int
    height: int
    alt: str


def _font(name: str, size: int):
    from PIL import ImageFont

    path = finders.find(name)
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size=size)


def render_card(title: str, site_name: str) -> bytes:
    """A PNG: the title in white on the brand blue, an accent bar, the site's name."""
    from PIL import Image, ImageDraw

    width, height = CARD_SIZE
    image = Image.new("RGB", CARD_SIZE, BRAND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 24, height), fill=ACCENT)
    # The largest type at which the title fits in four lines.
    fits = [(s, textwrap.wrap(title, c) or [""]) for s, c in ((72, 26), (60, 32), (50, 40))]
    size, lines = next(((s, lines) for s, lines in fits if len(lines) <= 4), fits[-1])
    if len(lines) > 4:
        lines = [*lines[:3], textwrap.shorten(" ".join(lines[3:]), 37, placeholder=" …")]
    font = _font(TITLE_FONT, size)
    draw.multiline_text((96, 96), "\n".join(lines), font=font, fill=WHITE, spacing=size // 4)
    draw.text((96, height - 96), site_name, font=_font(NAME_FONT, 36), fill=TINT, anchor="ls")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def card_digest(post) -> str:
    """Changes with what the card shows, so a new title gets a new card (and URL)."""
    key = f"{CARD_VERSION}|{settings.SITE_NAME}|{post.title}".encode()
    return hashlib.sha256(key).hexdigest()[:16]


def stored_card(post) -> str:
    """The storage name of the post's title card, drawn and stored on first request."""
    name = f"cards/{post.pk}-{card_digest(post)}.png"
    if not default_storage.exists(name):
        card = ContentFile(render_card(post.title, settings.SITE_NAME))
        name = default_storage.save(name, card)
    return name


def shared_image(post, request=None) -> SharedImage:
    """The picture link previews, og:image and JSON-LD show for a post."""
    image = post.social_image or post.featured_image
    if image:
        largest = image.largest
        return SharedImage(
            absolute_url(image.url, request), largest["width"], largest["height"], image.alt_text
        )
    # A URL of the portal's, not of the storage: pages never draw or look for the card.
    card = reverse("posts:card", kwargs={"slug": post.slug, "digest": card_digest(post)})
    return SharedImage(absolute_url(card, request), *CARD_SIZE, post.title)
