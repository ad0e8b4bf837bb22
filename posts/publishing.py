"""What a post needs before readers may see it: an author, a summary, alt text.

A draft may be saved unfinished. Publishing or scheduling it is refused until
these hold; the change form (posts.admin_forms) and the "Publish now" action
both ask here, so the rule is written once.
"""

import re
from html import unescape

from django.utils.translation import gettext_lazy as _

from .models import PostStatus

NEEDS_AUTHOR = _("Add at least one author before publishing or scheduling.")
NEEDS_SUMMARY = _("Write a summary before publishing or scheduling: readers see it first.")
NEEDS_FEATURED_ALT = _(
    "Give the featured image alt text (in the image library) before publishing or scheduling."
)
NEEDS_SOCIAL_ALT = _(
    "Give the social image alt text (in the image library) before publishing or scheduling."
)
NEEDS_BODY_ALT = _(
    "Every image in the body needs alt text before publishing or scheduling: "
    "select the image, press the image button and fill in “Alternative Text”."
)

# The body is sanitised (nh3): attributes are double-quoted, so this reads every <img>.
IMG_TAG = re.compile(r"<img\b[^>]*>")
ALT = re.compile(r'\salt="([^"]*)"')


def goes_public(post) -> bool:
    """Published now or scheduled: the checks apply."""
    return post.status == PostStatus.PUBLISHED


def body_images_without_alt(html: str) -> int:
    missing = 0
    for tag in IMG_TAG.findall(html or ""):
        alt = ALT.search(tag)
        if not alt or not unescape(alt.group(1)).strip():
            missing += 1
    return missing


def content_problems(post) -> dict[str, str]:
    """Field name → what to fix, for what the post form itself holds."""
    problems = {}
    if not post.summary.strip():
        problems["summary"] = NEEDS_SUMMARY
    if post.featured_image_id and not post.featured_image.alt_text.strip():
        problems["featured_image"] = NEEDS_FEATURED_ALT
    if post.social_image_id and not post.social_image.alt_text.strip():
        problems["social_image"] = NEEDS_SOCIAL_ALT
    if body_images_without_alt(post.body):
        problems["body"] = NEEDS_BODY_ALT
    return problems


def publication_problems(post) -> list[str]:
    """Everything missing for a stored post, authors included (the admin action)."""
    problems = list(content_problems(post).values())
    if not post.post_authors.exists():
        problems.insert(0, NEEDS_AUTHOR)
    return problems
