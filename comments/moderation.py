"""Every change of a comment's status goes through here, so counts, trending and
notifications stay right whichever path (form, admin, report) changed it.

The comments app owns ``Post.comment_count`` (``Comment.objects.recount``); posts
owns the activity counters, which we only feed through ``PostActivity.objects.record``.
"""

import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone

from posts.models import PostActivity

from .models import Comment, CommentStatus, ModerationLog
from .reports import dismiss_reports
from .rules import assess, forget_standing
from .tasks import notify_comment_author, request_moderator_digest


def post_comment(*, post, user, body, parent=None, honeypot="", too_fast=False, token=None):
    """Store a member's comment once per form token; returns (comment, created).

    The insert, the recount and the activity update commit together or not at all;
    the moderators hear about it only once it is committed.
    """
    if token:
        existing = Comment.objects.filter(idempotency_token=token).first()
        if existing and existing.user_id == user.pk:
            return existing, False
        if existing:
            token = uuid.uuid4()  # another member's token: not a double submit of this one
    verdict = assess(user, body, honeypot, too_fast=too_fast)
    fields = {
        "post": post,
        "user": user,
        "parent": parent,
        "body": body,
        "status": verdict.status,
        "flags": [str(flag) for flag in verdict.flags],
        "rule_notes": "\n".join(verdict.notes),
    }
    with transaction.atomic():
        try:
            with transaction.atomic():
                comment = Comment.objects.create(**fields, idempotency_token=token)
        except IntegrityError:
            # Two clicks raced past the check above: the first one won.
            existing = Comment.objects.filter(idempotency_token=token, user=user).first()
            if existing is not None:
                return existing, False
            comment = Comment.objects.create(**fields, idempotency_token=uuid.uuid4())
        if comment.status == CommentStatus.APPROVED:
            Comment.objects.recount([post.pk])
            PostActivity.objects.record(post.pk, "comments")
        elif comment.status == CommentStatus.PENDING:
            transaction.on_commit(request_moderator_digest)
    return comment, True


def moderate(comments, status: str, moderator, reason: str = "") -> int:
    """Set the status of some comments; returns how many changed.

    Approving also dismisses the comments' open reports: the moderator kept them.
    Every change is logged (who, from what to what, when, why).
    """
    if status == CommentStatus.APPROVED:
        dismiss_reports([c.pk for c in comments])
    changed = [comment for comment in comments if comment.status != status]
    if not changed:
        return 0
    now = timezone.now()
    Comment.objects.filter(pk__in=[c.pk for c in changed]).update(
        status=status, moderated_by=moderator, moderated_at=now, moderation_reason=reason
    )
    ModerationLog.objects.bulk_create(
        ModerationLog(
            comment=comment,
            moderator=moderator,
            from_status=comment.status,
            to_status=status,
            reason=reason,
            created_at=now,
        )
        for comment in changed
    )
    Comment.objects.recount({c.post_id for c in changed})
    forget_standing(c.user_id for c in changed)  # an update() sends no post_save
    for comment in changed:
        if status == CommentStatus.APPROVED:
            PostActivity.objects.record(comment.post_id, "comments")
        told = comment.author_told_status == status
        if status in CommentStatus.told_to_author() and comment.user_id and not told:
            transaction.on_commit(lambda pk=comment.pk: notify_comment_author.enqueue(pk))
    return len(changed)


def delete_comment(comment: Comment) -> None:
    """A member removes their own comment (and the replies under it)."""
    post_id = comment.post_id
    comment.delete()
    Comment.objects.recount([post_id])
