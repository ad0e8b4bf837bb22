"""Saving posts: the one place that adds or removes a save.

A reader who is not signed in when pressing Save gets the save remembered in
their session; it is done as soon as they log in (or sign up), so they come
back to the post with it saved.
"""

from django.contrib import messages
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from posts.models import Post, PostActivity

from .models import SavedPost

# Named when saves lived in posts; kept so a save pending across a deploy completes.
PENDING_SAVE_KEY = "posts:pending_save"
# The member's saved ids, for the Save toggles: a per-user key, never served to others,
# deleted on every save or removal, short-lived in case a bulk change bypasses signals.
SAVED_IDS_SECONDS = 300


def _saved_ids_key(user_id) -> str:
    return f"portal:saved-ids:{user_id}"


def saved_post_ids(user) -> frozenset:
    """Ids of every post the member saved (any state: they only decide a toggle's label)."""
    key = _saved_ids_key(user.pk)
    ids = cache.get(key)
    if ids is None:
        ids = frozenset(SavedPost.objects.of(user).values_list("post_id", flat=True))
        cache.set(key, ids, SAVED_IDS_SECONDS)
    return ids


def forget_saved_ids(sender, instance, **kwargs) -> None:
    """post_save / post_delete of a SavedPost; after commit too, so no reader re-caches the old set."""
    key = _saved_ids_key(instance.user_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key), robust=True)


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
