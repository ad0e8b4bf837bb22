"""Spam rules and rate limits: they hold or refuse comments without bothering honest people.

Each rule that fires records why on the comment (flags + rule_notes), so a
moderator can see what happened. Rate limits are counted from the Comment table,
so they hold across processes and app servers without a shared cache.
"""

import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Exists, OuterRef
from django.utils import timezone

from .models import Comment, CommentFlag, CommentStatus
from .suspensions import CommentingSuspension

LINK_RE = re.compile(r"(https?://|www\.)", re.IGNORECASE)


@dataclass
class Verdict:
    status: str
    flags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def flag(self, code: str, note: str) -> None:
        self.flags.append(code)
        self.notes.append(note)


def comments_are_open(post) -> bool:
    """Editors close comments per post; they also close by themselves after some days."""
    if not post.comments_enabled:
        return False
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    return not days or post.published_at > timezone.now() - timedelta(days=days)


def retry_after(user) -> int:
    """Seconds before the member may comment again (0: now). One comment per interval for
    everyone but staff; fewer a day for brand-new accounts."""
    if user.is_staff:
        return 0
    now = timezone.now()
    mine = Comment.objects.filter(user=user).order_by("-created_at")
    interval = timedelta(seconds=settings.COMMENTS_MIN_INTERVAL_SECONDS)
    latest = mine.filter(created_at__gt=now - interval).first()
    if latest:
        return seconds_until(latest.created_at + interval)
    day = timedelta(days=1)
    limit = settings.COMMENTS_NEW_ACCOUNT_DAILY_LIMIT
    if user.date_joined > now - day:
        today = list(mine.filter(created_at__gt=now - day).values_list("created_at", flat=True))
        if len(today) >= limit:
            return seconds_until(min(today[limit - 1] + day, user.date_joined + day))
    return 0


def seconds_until(moment) -> int:
    return max(1, int((moment - timezone.now()).total_seconds()) + 1)


def cannot_comment(user) -> str | None:
    """Why a logged-in member may not comment ("suspended", "unverified"), or None (one query)."""
    from allauth.account.models import EmailAddress

    row = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .values(
            suspended=Exists(CommentingSuspension.objects.active().filter(user=OuterRef("pk"))),
            verified=Exists(EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)),
        )
        .first()
    )
    if row is None:
        return None
    if row["suspended"]:
        return "suspended"
    if settings.ACCOUNT_EMAIL_VERIFICATION != "none" and not row["verified"]:
        return "unverified"
    return None


STANDING_SECONDS = 60


def _standing_key(user_id) -> str:
    return f"portal:comment-standing:{user_id}"


def standing(user) -> dict:
    """What the post page shows about a member's commenting, from a per-member cache
    entry (never shared between members): the barrier (cannot_comment()), whether
    their comments are published at once, and the posts where some of theirs wait
    for a moderator.

    Deleted when a suspension, an email address or one of the member's comments
    changes (forget_standing); posting a comment always asks the database itself.
    """
    key = _standing_key(user.pk)
    found = cache.get(key)
    if found is None:
        found = {
            "barrier": cannot_comment(user) or "",
            "at_once": publishes_at_once(user),
            "pending_on": set(
                Comment.objects.pending().filter(user=user).values_list("post_id", flat=True)
            ),
        }
        cache.set(key, found, STANDING_SECONDS)
    return found


def forget_standing(user_ids) -> None:
    cache.delete_many([_standing_key(user_id) for user_id in set(user_ids) if user_id])


def forget_standing_of_owner(sender, instance, **kwargs) -> None:
    """post_save / post_delete of a CommentingSuspension, an EmailAddress or a Comment."""
    forget_standing([instance.user_id])


def blocked_word(text: str) -> str | None:
    lowered = text.lower()
    for word in settings.COMMENTS_BLOCKED_WORDS:
        if re.search(rf"\b{re.escape(word.lower())}\b", lowered):
            return word
    return None


def is_duplicate(user, text: str) -> bool:
    since = timezone.now() - timedelta(seconds=settings.COMMENTS_DUPLICATE_WINDOW_SECONDS)
    return Comment.objects.filter(user=user, body=text, created_at__gt=since).exists()


def is_trusted(user) -> bool:
    needed = settings.COMMENTS_AUTO_APPROVE_AFTER
    if not needed:
        return False
    return Comment.objects.approved().filter(user=user).count() >= needed


def publishes_at_once(user) -> bool:
    """Whether this member's ordinary comments skip the queue (what assess() decides for a
    comment without flags): staff, and members with enough approved comments."""
    return user.is_staff or is_trusted(user)


def assess(user, text: str, honeypot: str = "", *, too_fast: bool = False) -> Verdict:
    """The status a new comment starts with, and the reasons behind it."""
    if honeypot:
        verdict = Verdict(CommentStatus.SPAM)
        verdict.flag(CommentFlag.HONEYPOT, "The hidden field was filled in.")
        return verdict
    if too_fast:
        verdict = Verdict(CommentStatus.SPAM)
        verdict.flag(
            CommentFlag.TOO_FAST, "Sent sooner after the form was shown than a person can."
        )
        return verdict
    if is_duplicate(user, text):
        verdict = Verdict(CommentStatus.REJECTED)
        verdict.flag(CommentFlag.DUPLICATE, "Identical to a comment posted moments before.")
        return verdict

    verdict = Verdict(CommentStatus.PENDING)
    word = blocked_word(text)
    if word:
        verdict.flag(CommentFlag.WORDS, f"Contains the blocked word “{word}”.")
    links = len(LINK_RE.findall(text))
    if links >= settings.COMMENTS_HOLD_AT_LINKS:
        verdict.flag(CommentFlag.LINKS, f"Contains {links} links.")

    if user.is_staff:
        verdict.status = CommentStatus.APPROVED
    elif word:
        verdict.status = CommentStatus.SPAM
    elif not verdict.flags and is_trusted(user):
        verdict.status = CommentStatus.APPROVED
    return verdict
