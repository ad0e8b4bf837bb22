"""When members' reports send an approved comment back to the moderators.

One report never hides a comment: it stays visible until a moderator decides, or
until reports from distinct, established members add up to
COMMENTS_REPORT_HIDE_THRESHOLD. A reporter whose earlier reports moderators
dismissed counts for less: 1 / (1 + dismissed reports).
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from .models import Comment, CommentFlag, CommentReport, CommentStatus
from .rules import forget_standing
from .tasks import request_moderator_digest

DAY = timedelta(days=1)


def report_retry_after(user) -> int:
    """Seconds until the member may report again; 0 when they may now."""
    since = timezone.now() - DAY
    recent = CommentReport.objects.filter(user=user, created_at__gt=since)
    limit = settings.COMMENTS_REPORTS_PER_DAY
    if recent.count() < limit:
        return 0
    oldest = recent.order_by("-created_at")[limit - 1].created_at
    return max(1, int((oldest + DAY - timezone.now()).total_seconds()) + 1)


def report_weight(reporter) -> float:
    """0 for new accounts; else 1, less for each earlier report moderators dismissed."""
    joined_before = timezone.now() - timedelta(days=settings.COMMENTS_REPORTER_MIN_ACCOUNT_DAYS)
    if reporter is None or reporter.date_joined > joined_before:
        return 0.0
    counts = (
        get_user_model()
        .objects.filter(pk=reporter.pk)
        .aggregate(
            approved=Count(
                "comments", filter=Q(comments__status=CommentStatus.APPROVED), distinct=True
            ),
            dismissed=Count(
                "comment_reports",
                filter=Q(comment_reports__dismissed_at__isnull=False),
                distinct=True,
            ),
        )
    )
    if counts["approved"] < settings.COMMENTS_REPORTER_MIN_APPROVED:
        return 0.0
    return 1 / (1 + counts["dismissed"])


def reports_hide(comment: Comment) -> bool:
    """Do the open reports on this comment reach the threshold?"""
    reports = comment.reports.filter(dismissed_at__isnull=True).select_related("user")
    total = sum(report_weight(report.user) for report in reports)
    return total >= settings.COMMENTS_REPORT_HIDE_THRESHOLD


def report_comment(comment: Comment, user, reason: str) -> bool:
    """Record a member's report and tell the moderators; False if they already reported it."""
    try:
        with transaction.atomic():
            CommentReport.objects.create(comment=comment, user=user, reason=reason)
            flags = comment.flags
            if CommentFlag.REPORTED not in flags:
                flags = [*flags, str(CommentFlag.REPORTED)]
            changes = {"flags": flags, "moderators_notified_at": None}
            if reports_hide(comment):
                changes["status"] = CommentStatus.PENDING
            Comment.objects.filter(pk=comment.pk).update(**changes)
            if "status" in changes:
                Comment.objects.recount([comment.post_id])
                forget_standing([comment.user_id])  # hidden: now pending for its author
            transaction.on_commit(request_moderator_digest)
    except IntegrityError:
        return False  # this member already reported it
    return True


def dismiss_reports(comment_ids) -> int:
    """A moderator kept these comments: their open reports are dismissed."""
    return CommentReport.objects.filter(
        comment_id__in=comment_ids, dismissed_at__isnull=True
    ).update(dismissed_at=timezone.now())
