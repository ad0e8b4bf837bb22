"""The signed-in member for each request, read from the cache instead of the database.

Django loads the user with one query per request. Here the user row is kept in
the cache for a minute under a per-user key (never served to anyone: only this
lookup reads it), and deleted whenever the row is saved or deleted, so a new
password, a deactivation or a deletion takes effect on the next request.

The fast path accepts only what Django itself would accept: the session names
a configured backend, the user is active, and the session's auth hash matches
the user's current one. Anything else (a rotated SECRET_KEY with fallbacks, a
changed password, a miss) goes through ``django.contrib.auth.get_user``, which
also flushes sessions it rejects.
"""

from django.conf import settings
from django.contrib import auth
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.crypto import constant_time_compare

USER_SECONDS = 60


def _key(user_id) -> str:
    return f"portal:user:{user_id}"


def get_user(request):
    session = request.session
    user_id = session.get(auth.SESSION_KEY)
    backend = session.get(auth.BACKEND_SESSION_KEY)
    session_hash = session.get(auth.HASH_SESSION_KEY)
    if user_id is None or backend not in settings.AUTHENTICATION_BACKENDS:
        return auth.get_user(request)
    user = cache.get(_key(user_id))
    if (
        user is not None
        and user.is_active
        and session_hash
        and constant_time_compare(session_hash, user.get_session_auth_hash())
    ):
        return user
    user = auth.get_user(request)
    if user.is_authenticated:
        cache.set(_key(user.pk), user, USER_SECONDS)
    return user


def forget_user(sender, instance, **kwargs) -> None:
    cache.delete(_key(instance.pk))


def connect(user_model) -> None:
    post_save.connect(forget_user, sender=user_model, dispatch_uid="cached_user_saved")
    post_delete.connect(forget_user, sender=user_model, dispatch_uid="cached_user_deleted")
