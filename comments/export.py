"""The member's comments in "download my data"."""

from .models import Comment


def export_comments(user) -> list[dict]:
    return [
        {
            "post": comment.post.title,
            "url": comment.post.get_absolute_url(),
            "text": comment.body,
            "status": comment.status,
            "written": comment.created_at.isoformat(),
            "in_reply_to": comment.parent_id,
            "moderator_note": comment.moderation_reason,
        }
        for comment in Comment.objects.filter(user=user)
        .select_related("post")
        .order_by("created_at")
    ]
