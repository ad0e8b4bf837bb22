"""Saving posts: the one place that adds or removes a save.

A reader who is not signed in when pressing Save gets the save remembered in
their session, with where they pressed it (a card's anchor or the post); it is
done as soon as they log in or sign up, and they come back there with it saved.
"""

from datetime import datetime

from django.contrib import messages
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from posts.models import Post, PostActivity

from .listing import list_key
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
    """post_save / post_delete of a SavedPost: the member's saved ids and kept list pages.
    After commit too, so no reader re-caches the old set."""
    keys = [_saved_ids_key(instance.user_id), list_key(instance.user_id)]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys), robust=True)


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


UNDO_SALT = "saved.undo"
UNDO_MAX_AGE = 24 * 3600  # an Undo left open in a tab for a day still works


def remove_with_undo(user, post: Post) -> str | None:
    """Remove a saved post; a signed token that puts it back in its place, or None.

    The token carries the original date saved, so an Undo restores the list as
    it was; signed for this member, so it restores nothing in anyone else's list.
    """
    saved = SavedPost.objects.of(user).filter(post=post).first()
    if saved is None:
        return None
    saved.delete()
    value = {"post": post.pk, "at": saved.saved_at.isoformat()}
    return signing.dumps(value, salt=f"{UNDO_SALT}:{user.pk}")


def undo_remove(user, token: str) -> Post | None:
    """Put back the post `token` removed (see remove_with_undo); None when it cannot."""
    try:
        value = signing.loads(token, salt=f"{UNDO_SALT}:{user.pk}", max_age=UNDO_MAX_AGE)
        saved_at = min(datetime.fromisoformat(value["at"]), timezone.now())
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    post = Post.objects.published().filter(pk=value.get("post")).first()
    if post is not None:
        SavedPost.objects.get_or_create(user=user, post=post, defaults={"saved_at": saved_at})
    return post


def remember_pending_save(request, post: Post, return_to: str) -> None:
    """Keep the save a visitor asked for, and where they pressed Save, in their session."""
    request.session[PENDING_SAVE_KEY] = {"post": post.pk, "next": return_to}


SAVE_FIELD = "save"  # the post's slug, carried by a visitor's Save link into login and sign-up


def _pending(request, data) -> dict | None:
    """The save this session remembers, else the one `data` (GET or POST) carries."""
    pending = getattr(request, "session", {}).get(PENDING_SAVE_KEY)
    if isinstance(pending, int):  # stored before the return address was kept
        return {"post": pending}
    if pending:
        return pending
    slug = data.get(SAVE_FIELD)
    return {"slug": slug} if slug else None


def _published_post(pending: dict | None) -> Post | None:
    if not pending:
        return None
    posts = Post.objects.published()
    if "post" in pending:
        return posts.filter(pk=pending["post"]).first()
    return posts.filter(slug=pending["slug"]).first()


def pending_save(request) -> Post | None:
    """The post waiting to be saved, for the login and sign-up pages to say so."""
    return _published_post(_pending(request, {**request.GET.dict(), **request.POST.dict()}))


def complete_pending_save(sender, request, user, **kwargs) -> None:
    """user_logged_in and user_signed_up receiver: finish the save asked for before.

    The save is remembered in the session (Save pressed after a session expired)
    or posted with the login or sign-up form (a visitor's Save link), so it always
    arrives through a CSRF-checked POST, never from a link alone. Done once, then
    forgotten. At sign-up it is done at once: confirming the email from another
    device loses nothing.
    """
    if request is None or not hasattr(request, "session"):
        return
    pending = _pending(request, request.POST)
    request.session.pop(PENDING_SAVE_KEY, None)
    post = _published_post(pending)
    if post is None:
        return
    save_post(user, post)
    if pending.get("next"):
        # Where to land when the login itself names no `next` (accounts.adapter).
        request.login_return_to = pending["next"]
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
