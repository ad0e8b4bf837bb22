"""Emails about comments, sent through django.tasks so a worker takes them over.

Moderator digest: at most one email per COMMENTS_DIGEST_MINUTES, listing every
comment awaiting moderators that they have not heard about. When a comment enters
the queue inside a window, a digest task is scheduled for the window's end
(``run_after``), once per window, so nothing waits for a second comment. The
immediate backend cannot defer: it sends at once when the window allows, and
``manage.py send_comment_digest`` (from cron) sends what is due.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.db.models import Max, Q
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .groups import MODERATORS
from .models import Comment, CommentStatus


def moderator_emails() -> dict[str, list[str]]:
    """Moderators' addresses by the language each reads the portal in."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    moderators = users.filter(groups__name=MODERATORS).distinct()
    if not moderators.exists():
        moderators = users.filter(is_superuser=True)
    by_language: dict[str, list[str]] = {}
    for email, language in moderators.order_by("email").values_list("email", "language"):
        by_language.setdefault(language or settings.LANGUAGE_CODE, []).append(email)
    return by_language


def digest_window() -> timedelta:
    return timedelta(minutes=settings.COMMENTS_DIGEST_MINUTES)


def next_digest_at():
    """None when a digest may go out now; else the end of the current window."""
    last = Comment.objects.aggregate(last=Max("moderators_notified_at"))["last"]
    if last and timezone.now() - last < digest_window():
        return last + digest_window()
    return None


def send_due_digest() -> int:
    """Send the digest if the window allows; returns how many comments it announced."""
    if next_digest_at():
        return 0
    waiting = list(
        Comment.objects.awaiting_moderators()
        .select_related("post", "user")
        .order_by("created_at", "pk")
    )
    recipients = moderator_emails()
    if not waiting or not recipients:
        return 0
    context = {"comments": waiting, "site_url": settings.SITE_URL}
    for language, emails in recipients.items():
        with translation.override(language):
            subject = render_to_string("comments/emails/digest_subject.txt", context).strip()
            body = render_to_string("comments/emails/digest.txt", context)
        send_mail(subject, body, None, emails)
    Comment.objects.filter(pk__in=[c.pk for c in waiting]).update(
        moderators_notified_at=timezone.now()
    )
    return len(waiting)


@task
def send_moderator_digest() -> int:
    """Send now if the window allows; a comment that arrived meanwhile gets the next window."""
    later = next_digest_at()
    if later is None:
        return send_due_digest()
    if Comment.objects.awaiting_moderators().exists():
        schedule_digest(later)
    return 0


def schedule_digest(when) -> None:
    """One digest task per window, across app servers (the cache is shared)."""
    if not send_moderator_digest.get_backend().supports_defer:
        return  # the immediate backend: send_comment_digest from cron sends it
    key = f"comments:digest-scheduled:{when.timestamp():.0f}"
    if cache.add(key, True, timeout=int(digest_window().total_seconds()) + 60):
        send_moderator_digest.using(run_after=when).enqueue()


def request_moderator_digest() -> None:
    """Called after a comment enters the queue: send now, or schedule one for the window's end."""
    later = next_digest_at()
    if later is None:
        send_moderator_digest.enqueue()
    else:
        schedule_digest(later)


@task
def notify_comment_author(comment_id: int) -> bool:
    """Tell a member their comment was approved or rejected, once per outcome."""
    comment = (
        Comment.objects.filter(
            pk=comment_id, status__in=CommentStatus.told_to_author(), user__isnull=False
        )
        .exclude(Q(user__email="") | Q(user__is_active=False))
        .select_related("post", "user")
        .first()
    )
    if comment is None or comment.author_told_status == comment.status:
        return False
    # In the member's language (their profile), as every email to a member is.
    with translation.override(comment.user.language or settings.LANGUAGE_CODE):
        context = {"comment": comment, "site_url": settings.SITE_URL}
        subject = render_to_string("comments/emails/outcome_subject.txt", context).strip()
        body = render_to_string("comments/emails/outcome.txt", context)
    send_mail(subject, body, None, [comment.user.email])
    Comment.objects.filter(pk=comment.pk).update(author_told_status=comment.status)
    return True
