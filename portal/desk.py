"""The editorial desk on the admin index: what editors and moderators act on today.

Each list is bounded and costs one query; the counts beside them one more each.
Posts and comments both feed it, so it lives here, above both apps.
"""

from datetime import timedelta

from django.db.models import IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from comments.models import Comment
from comments.one_click import can_moderate
from posts.models import Post, PostActivity
from posts.preview import can_preview

LIST_SIZE = 5


def week_views():
    """Each post's views over the last seven days, as a correlated subquery."""
    since = timezone.localdate() - timedelta(days=6)
    total = (
        PostActivity.objects.filter(post=OuterRef("pk"), day__gte=since)
        .order_by()
        .values("post")
        .annotate(total=Sum("views"))
        .values("total")
    )
    return Coalesce(Subquery(total, output_field=IntegerField()), 0)


def missing_basics():
    return Q(featured_image__isnull=True) | Q(summary="")


def editor_desk(now=None) -> dict:
    now = now or timezone.now()
    incomplete = Post.objects.filter(missing_basics())
    return {
        "top_posts": Post.objects.published(at=now)
        .annotate(week_views=week_views())
        .filter(week_views__gt=0)
        .order_by("-week_views", "-published_at")[:LIST_SIZE],
        "scheduled": Post.objects.scheduled(at=now).order_by("published_at")[:LIST_SIZE],
        "scheduled_count": Post.objects.scheduled(at=now).count(),
        "drafts": Post.objects.drafts().order_by("-updated_at")[:LIST_SIZE],
        "drafts_count": Post.objects.drafts().count(),
        "incomplete": incomplete.order_by("-updated_at")[:LIST_SIZE],
        "incomplete_count": incomplete.count(),
    }


def desk_for(user) -> dict:
    """What this person's desk shows: posts for editors, the queue for moderators."""
    desk = {"editor": can_preview(user), "moderator": can_moderate(user)}
    if desk["editor"]:
        desk.update(editor_desk())
    if desk["moderator"]:
        desk["pending_count"] = Comment.objects.pending().count()
    return desk
