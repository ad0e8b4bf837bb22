"""Library images on pages: responsive figures in the body, and what links share."""

import re
from html import unescape

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from ..library import Image
from ..sharing import shared_image

register = template.Library()

# The editor marks library images with data-file="<Image id>"; the body is
# sanitised, so attributes are double-quoted.
LIBRARY_IMG = re.compile(r'<img\b[^>]*\sdata-file="(\d+)"[^>]*>')
ALT = re.compile(r'\salt="([^"]*)"')
BODY_SIZES = "(min-width: 48rem) 42rem, 100vw"


@register.filter
def responsive_images(html: str) -> str:
    """The sanitised body with each library image as a responsive <picture>.

    One query for all of them. The alt text written in the body wins (the
    editor may describe the picture for this post); images no longer in the
    library stay as they were.
    """
    ids = {int(match) for match in LIBRARY_IMG.findall(html or "")}
    if not ids:
        return mark_safe(html)
    images = Image.objects.in_bulk(ids)

    def picture(match: re.Match) -> str:
        image = images.get(int(match.group(1)))
        if image is None:
            return match.group(0)
        if alt := ALT.search(match.group(0)):
            image.alt_text = unescape(alt.group(1))  # the template escapes it again
        return render_to_string("includes/picture.html", {"image": image, "sizes": BODY_SIZES})

    return mark_safe(LIBRARY_IMG.sub(picture, html))


@register.simple_tag(takes_context=True)
def share_image(context, post):
    """``{% share_image post as shared %}``: url, width, height, alt (posts.sharing)."""
    return shared_image(post, context.get("request"))
