from django import template

from posts.models import Author

from ..digest import wants_weekly_digest
from ..following import is_following

register = template.Library()


@register.inclusion_tag("saved/includes/follow_button.html", takes_context=True)
def follow_button(context, thing, following=None):
    """Follow/Following for a topic or author. Readers get a login link: no CSRF token,
    so their page stays shareable in the page cache. ``following`` when already known."""
    request = context["request"]
    user = request.user
    if following is None:
        following = user.is_authenticated and is_following(user, thing)
    return {
        "thing": thing,
        "kind": "author" if isinstance(thing, Author) else "topic",
        "following": following,
        "user": user,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("saved/includes/digest_form.html", takes_context=True)
def digest_form(context):
    user = context["request"].user
    return {"weekly": wants_weekly_digest(user), "csrf_token": context.get("csrf_token")}
