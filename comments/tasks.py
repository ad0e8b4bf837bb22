"""Emails about comments, sent through django.tasks so a worker can take them over.

Moderator digest (batching): every new pending comment asks for a digest. The
digest task looks at the newest ``moderators_notified_at`` in the Comment table:
if a digest went out less than COMMENTS_DIGEST_MINUTES ago it sends nothing, and
the waiting comments ride along in the next one. So moderators get at most one
email per window, listing every comment that arrived since the last. With a
backend that supports deferred runs (a real worker), a follow-up digest is
scheduled for the end of the window; with the immediate backend the next
comment after the window, or ``manage.py send_comment_digest`` from cron,
sends it.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Max, Q
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import Comment, CommentStatus

MODERATORS_GROUP = "Moderators"


def moderator_emails() -> list[str]:
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    moderators = users.filter(groups__name=MODERATORS_GROUP).distinct()
    if not moderators.exists():
        moderators = users.filter(is_superuser=True)
    return sorted(moderators.values_list("email", flat=True))


def digest_window() -> timedelta:
    return timedelta(minutes=settings.COMMENTS_DIGEST_MINUTES)


def next_digest_at():
    """None when a digest may go out now; else the end of the current window."""
    last = Comment.objects.aggregate(last=Max("moderators_notified_at"))["last"]
    if last and timezone.now() - last < digest_window():
        return last + digest_window()
    return None


@task
def send_moderator_digest() -> int:
    """One email listing every pending comment moderators have not heard about yet."""
    if next_digest_at():
        return 0
    waiting = list(
        Comment.objects.pending()
        .filter(moderators_notified_at__isnull=True)
        .select_related("post", "user")
        .order_by("created_at", "pk")
    )
    recipients = moderator_emails()
    if not waiting or not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {"comments": waiting, "site_url": settings.SITE_URL}
        subject = render_to_string("comments/emails/digest_subject.txt", context).strip()
        body = render_to_string("comments/emails/digest.txt", context)
    send_mail(subject, body, None, recipients)
    Comment.objects.filter(pk__in=[c.pk for c in waiting]).update(
        moderators_notified_at=timezone.now()
    )
    return len(waiting)


def request_moderator_digest() -> None:
    """Called after a comment lands in the queue; sends now or leaves it to the next digest."""
    backend = send_moderator_digest.get_backend()
    later = next_digest_at()
    if later is None:
        send_moderator_digest.enqueue()
    elif backend.supports_defer:
        send_moderator_digest.using(run_after=later).enqueue()


@task
def notify_comment_author(comment_id: int) -> bool:
    """Tell a member their comment was approved or rejected, with the moderator's reason."""
    comment = (
        Comment.objects.filter(
            pk=comment_id, status__in=CommentStatus.told_to_author(), user__isnull=False
        )
        .exclude(Q(user__email="") | Q(user__is_active=False))
        .select_related("post", "user")
        .first()
    )
    if comment is None:
        return False
    # In the member's language (their profile), as every email to a member is.
    with translation.override(comment.user.language or settings.LANGUAGE_CODE):
        context = {"comment": comment, "site_url": settings.SITE_URL}
        subject = render_to_string("comments/emails/outcome_subject.txt", context).strip()
        body = render_to_string("comments/emails/outcome.txt", context)
    send_mail(subject, body, None, [comment.user.email])
    return True
