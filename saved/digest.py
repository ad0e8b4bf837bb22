"""The weekly email of new posts a member follows, with one-click unsubscribe.

Off by default; a member turns it on from the Following page. ``send_due_digests``
(the ``send_follow_digests`` command, or its task) sends one email per member whose
last digest is a week old, each by its own task, listing what was published since.
The unsubscribe link is signed, works without logging in, and takes a POST from
mail clients (RFC 8058, ``List-Unsubscribe-Post``).
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from portal.absolute import absolute_url

from .following import followed_posts
from .models import FollowDigest

INTERVAL = timedelta(days=7)
MAX_POSTS = 20
_SALT = "saved.digest.unsubscribe"


def set_weekly_digest(user, weekly: bool) -> None:
    FollowDigest.objects.update_or_create(user=user, defaults={"weekly": weekly})


def wants_weekly_digest(user) -> bool:
    return FollowDigest.objects.filter(user=user, weekly=True).exists()


def unsubscribe_token(user) -> str:
    return signing.dumps(user.pk, salt=_SALT)


def user_from_unsubscribe_token(token: str):
    try:
        pk = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return None
    return get_user_model().objects.filter(pk=pk).first()


def unsubscribe_url(user) -> str:
    return absolute_url(reverse("saved:unsubscribe", args=[unsubscribe_token(user)]))


def due_user_ids(now=None) -> list[int]:
    """Members with the digest on whose last one is at least a week old."""
    now = now or timezone.now()
    due = FollowDigest.objects.filter(
        Q(last_sent_at__isnull=True) | Q(last_sent_at__lte=now - INTERVAL),
        weekly=True,
        user__is_active=True,
    ).exclude(user__email="")
    return list(due.values_list("user_id", flat=True))


def send_digest(user_id: int, now=None) -> bool:
    """Email one member what was published since their last digest; True if sent."""
    now = now or timezone.now()
    subscription = (
        FollowDigest.objects.filter(user_id=user_id, weekly=True).select_related("user").first()
    )
    if subscription is None:
        return False
    user = subscription.user
    since = max(subscription.last_sent_at or now - INTERVAL, now - INTERVAL)
    posts = list(followed_posts(user, since=since).filter(published_at__lte=now)[:MAX_POSTS])
    # Marked even when nothing is new, so the member is asked again only next week.
    FollowDigest.objects.filter(pk=subscription.pk).update(last_sent_at=now)
    if not posts:
        return False
    link = unsubscribe_url(user)
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "posts": posts,
            "site_url": settings.SITE_URL,
            "following_url": absolute_url(reverse("saved:following")),
            "unsubscribe_url": link,
        }
        subject = render_to_string("saved/emails/digest_subject.txt", context).strip()
        body = render_to_string("saved/emails/digest.txt", context)
    EmailMessage(
        subject,
        body,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    ).send()
    return True
