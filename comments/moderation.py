"""Every change of a comment's status goes through here, so counts, trending and
notifications stay right whichever path (form, admin, report) changed it."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from posts.models import PostActivity

from .models import Comment, CommentFlag, CommentReport, CommentStatus
from .rules import assess
from .tasks import notify_comment_author, request_moderator_digest


def post_comment(*, post, user, body, parent=None, honeypot="", token=None):
    """Store a member's comment once per form token; returns (comment, created)."""
    if token:
        existing = Comment.objects.filter(idempotency_token=token, user=user).first()
        if existing:
            return existing, False
    verdict = assess(user, body, honeypot)
    try:
        with transaction.atomic():
            comment = Comment.objects.create(
                post=post,
                user=user,
                parent=parent,
                body=body,
                status=verdict.status,
                flags=[str(flag) for flag in verdict.flags],
                rule_notes="\n".join(verdict.notes),
                idempotency_token=token,
            )
    except IntegrityError:
        # Two clicks raced past the check above: the first one won.
        existing = Comment.objects.filter(idempotency_token=token, user=user).first()
        if existing is None:
            raise
        return existing, False
    if comment.status == CommentStatus.APPROVED:
        Comment.objects.recount([post.pk])
        PostActivity.objects.record(post.pk, "comments")
    elif comment.status == CommentStatus.PENDING:
        transaction.on_commit(request_moderator_digest)
    return comment, True


def moderate(comments, status: str, moderator, reason: str = "") -> int:
    """Set the status of some comments; returns how many changed."""
    changed = [comment for comment in comments if comment.status != status]
    if not changed:
        return 0
    Comment.objects.filter(pk__in=[c.pk for c in changed]).update(
        status=status, moderated_by=moderator, moderated_at=timezone.now(), moderation_reason=reason
    )
    Comment.objects.recount({c.post_id for c in changed})
    for comment in changed:
        if status == CommentStatus.APPROVED:
            PostActivity.objects.record(comment.post_id, "comments")
        if status in CommentStatus.told_to_author() and comment.user_id:
            transaction.on_commit(lambda pk=comment.pk: notify_comment_author.enqueue(pk))
    return len(changed)


def report_comment(comment: Comment, user, reason: str) -> bool:
    """Send an approved comment back to the queue with the member's reason."""
    try:
        with transaction.atomic():
            CommentReport.objects.create(comment=comment, user=user, reason=reason)
    except IntegrityError:
        return False  # this member already reported it
    flags = (
        comment.flags
        if CommentFlag.REPORTED in comment.flags
        else [*comment.flags, str(CommentFlag.REPORTED)]
    )
    Comment.objects.filter(pk=comment.pk).update(
        status=CommentStatus.PENDING, flags=flags, moderators_notified_at=None
    )
    Comment.objects.recount([comment.post_id])
    transaction.on_commit(request_moderator_digest)
    return True


def delete_comment(comment: Comment) -> None:
    """A member removes their own comment (and the replies under it)."""
    post_id = comment.post_id
    comment.delete()
    Comment.objects.recount([post_id])
