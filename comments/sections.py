"""What the comments section of a post page shows, for the page and its htmx partials."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Page, Paginator
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from portal import generations, per_generation
from posts.groups import is_editor

from .forms import CommentForm, fills, one_time_values
from .models import Comment, CommentStatus
from .one_click import can_moderate
from .rules import comments_are_open, standing
from .suspensions import CommentingSuspension

# Outcomes the form area can show instead of a fresh form (?comment_sent=...).
SENT_STATES = {"thanks", "published", "duplicate"}


def thread_page(post, user, number, own_pending_replies, generation):
    """A page of the thread as ``user`` sees it.

    Without pending replies of their own, a member sees what every reader sees:
    that page comes from the cache, per content generation (approving, rejecting
    or deleting a comment starts a new one).
    """
    if user.is_authenticated and own_pending_replies:
        comments = Comment.objects.thread_page_for(post, user)
        return Paginator(comments, settings.COMMENTS_PER_PAGE).get_page(number)
    return shared_thread_page(post, number, generation)


def shared_thread_page(post, number, generation):
    def build():
        comments = Comment.objects.thread_page_for(post, AnonymousUser())
        page = Paginator(comments, settings.COMMENTS_PER_PAGE).get_page(number)
        return (page.number, list(page.object_list), page.paginator.count)

    key = f"portal:comments:{generation}:{post.pk}:{number}"
    number, comments, total = per_generation.get_or_build(key, generation, build)
    paginator = Paginator([], settings.COMMENTS_PER_PAGE)
    paginator.count = total  # a cached_property: the page's neighbours need only the total
    return Page(comments, number, paginator)


def member_standing(request) -> dict | None:
    """rules.standing() of the signed-in member, read once per request."""
    if not request.user.is_authenticated:
        return None
    if not hasattr(request, "_comment_standing"):
        request._comment_standing = standing(request.user)
    return request._comment_standing


def own_pending(request, post) -> list:
    """The member's comments and replies on this post that wait for a moderator; asked of
    the database only where their standing says there are some."""
    mine = member_standing(request)
    if not mine or post.pk not in mine["pending_on"]:
        return []
    return list(Comment.objects.own_pending_for(post, request.user, replies=True))


def has_own_comment(page, user) -> bool:
    """Whether ``user`` wrote a comment or reply on this page: theirs carry a Delete form,
    so the page is not the one every member sees."""
    if not user.is_authenticated:
        return False
    return any(
        comment.user_id == user.pk
        or any(reply.user_id == user.pk for reply in comment.replies.all())
        for comment in page.object_list
    )


def reply_target(post, pk):
    """The comment a reply attaches to: approved, on this post, top level (one level of replies)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    comment = Comment.objects.approved().filter(post=post, pk=pk).select_related("user").first()
    if comment and comment.parent_id:
        return (
            Comment.objects.approved().filter(pk=comment.parent_id).select_related("user").first()
        )
    return comment


def login_url(post) -> str:
    back = f"{post.get_absolute_url()}#comment-form"
    return f"{reverse('account_login')}?{urlencode({'next': back}, safe='/')}"


def barrier_message(user, barrier: str) -> str:
    """What a member who may not comment is told, for pages that show the form's errors."""
    if barrier == "suspended":
        reason = CommentingSuspension.objects.current_for(user).reason
        return _("The moderators have suspended your commenting: %(reason)s") % {"reason": reason}
    return _("Please confirm your email address before you comment.")


def form_and_fills(form, parent) -> dict:
    """The comment form, and what the cached unsent form is filled in with. An unsent
    form is only built when its fragment is: most requests find it kept."""
    if form is not None:
        return {"form": form, "fresh_values": form.fresh_values}
    values = one_time_values()
    unsent = SimpleLazyObject(lambda: CommentForm(parent=parent, one_time=values))
    return {"form": unsent, "fresh_values": fills(values)}


def form_area_context(request, post, *, form=None, parent=None, state=None):
    is_open = comments_are_open(post)
    user = request.user
    mine = member_standing(request) if is_open and not state else None
    barrier = (mine["barrier"] or None) if mine else None
    return {
        "post": post,
        "comments_open": is_open,
        "barrier": barrier,
        "suspension": CommentingSuspension.objects.current_for(user)
        if barrier == "suspended"
        else None,
        **form_and_fills(form, parent),
        "parent": parent,
        "state": state,
        "login_url": login_url(post),
        # Told on the form only when it is true: staff and trusted members skip the queue.
        "at_once": bool(mine and not barrier and mine["at_once"]),
        "max_length": settings.COMMENTS_MAX_LENGTH,
    }


def shown_at_once(request, post, comment, parent) -> dict:
    """A comment sent with JavaScript that awaits moderation, to show in the thread at once
    (an out-of-band swap: under its parent, or in the member's own pending list)."""
    if comment.status not in (CommentStatus.PENDING, CommentStatus.SPAM):
        return {}
    # Never saved: spam reads as pending to its sender, as the thank-you message says.
    comment.status = CommentStatus.PENDING
    comment.author_is_editor = is_editor(request.user)
    context = {"sent_pending": comment}
    if parent is None:
        own = list(Comment.objects.own_pending_for(post, request.user))
        context["own_pending"] = own if comment in own else [*own, comment]
    return context


def section_context(request, post, *, form=None, parent=None, generation=None):
    """Everything the section shows; reads its own query parameters from the page URL.
    ``generation``: the page's own reading of it, if it has one."""
    generation = generation or generations.current()
    query = request.GET
    if form is None and parent is None:
        parent = reply_target(post, query.get("reply_to"))
    state = query.get("comment_sent") if form is None else None
    pending = own_pending(request, post)
    pending_replies = any(c.parent_id for c in pending)
    page = thread_page(post, request.user, query.get("comments_page"), pending_replies, generation)
    return {
        **form_area_context(
            request, post, form=form, parent=parent, state=state if state in SENT_STATES else None
        ),
        "page": page,
        "thread_shared": not pending_replies and not has_own_comment(page, request.user),
        "generation": generation,
        "own_pending": [comment for comment in pending if not comment.parent_id],
        # Moderators only; their pages are private (portal.middleware), never in a shared cache.
        "moderation_queue": Comment.objects.pending_on(post) if can_moderate(request.user) else [],
        "reported": query.get("reported") == "1",
        "request": request,
        "user": request.user,
    }
