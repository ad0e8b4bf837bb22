from urllib.parse import urlencode

from django import template

from ..saving import SAVE_FIELD
from ..saving import pending_save as pending_save_of

register = template.Library()


@register.simple_tag(takes_context=True)
def pending_save(context):
    """The post a logged-out visitor pressed Save on, waiting for them to log in or sign up."""
    return pending_save_of(context["request"])


@register.filter
def saved_in(post_id, saved_ids) -> bool:
    """Whether the member has saved this post (``saved_post_ids`` of the context)."""
    return post_id in saved_ids


@register.simple_tag
def carry_save(url: str, post) -> str:
    """`url` (login to sign-up and back) still carrying the pending save of `post`."""
    if post is None:
        return url
    return f"{url}{'&' if '?' in url else '?'}{urlencode({SAVE_FIELD: post.slug})}"
