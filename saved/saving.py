"""Saving posts: the one place that adds or removes a save.

A reader who is not signed in when pressing Save gets the save remembered in
their session; it is done as soon as they log in (or sign up), so they come
back to the post with it saved.
"""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from posts.models import Post, PostActivity

from .models import SavedPost

# Named when saves lived in posts; kept so a save pending across a deploy completes.
PENDING_SAVE_KEY = "posts:pending_save"


def save_post(user, post: Post) -> bool:
    """Save `post` for `user`; True when it was not saved before."""
    try:
        with transaction.atomic():
            _, created = SavedPost.objects.get_or_create(user=user, post=post)
    except IntegrityError:  # a double click raced us to the unique constraint
        created = False
    if created:
        PostActivity.objects.record(post.pk, "saves")
    return created


def unsave_post(user, post: Post) -> None:
    SavedPost.objects.of(user).filter(post=post).delete()


def remember_pending_save(request, post: Post) -> None:
    request.session[PENDING_SAVE_KEY] = post.pk


def complete_pending_save(sender, request, user, **kwargs) -> None:
    """user_logged_in receiver: finish the save a reader asked for before logging in."""
    session = getattr(request, "session", None)
    post_id = session.pop(PENDING_SAVE_KEY, None) if session is not None else None
    if post_id is None:
        return
    post = Post.objects.published().filter(pk=post_id).first()
    if post is None:
        return
    save_post(user, post)
    messages.success(request, _("“%(title)s” is in your saved posts.") % {"title": post.title})


def export_saved_posts(user) -> list[dict]:
    """For "download my data"; registered with accounts.export.

    Only posts still published, as on the list page (SavedPost.objects.published_of).
    """
    return [
        {
            "title": saved.post.title,
            "url": saved.post.get_absolute_url(),
            "saved_at": saved.saved_at.isoformat(),
        }
        for saved in SavedPost.objects.published_of(user)
    ]
