"""Daily activity per topic, so trending ranks a few hundred rows, not every post's activity.

A row holds, for one topic and day, the sums of PostActivity over the topic's
published posts. ``PostActivity.objects.add()`` (every counter goes through it)
adds to the rows of the post's topics as it adds to the post's own row.

What the running sums cannot follow (a post unpublished, retagged or deleted, a
topic merged, rows written in bulk by the demo and large-data loaders) is put
right by ``rebuild_topic_activity()``: posts.trending asks for it after such
changes and at least once a day.
"""

from datetime import date

from django.db import models, transaction
from django.db.models import F, Sum
from django.utils.translation import gettext_lazy as _


class TopicActivity(models.Model):
    tag = models.ForeignKey(
        "taggit.Tag", verbose_name=_("topic"), on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)
    saves = models.PositiveIntegerField(_("saves"), default=0)
    comments = models.PositiveIntegerField(_("comments"), default=0)
    downloads = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        app_label = "posts"
        verbose_name = _("daily topic activity")
        verbose_name_plural = _("daily topic activity")
        constraints = [
            models.UniqueConstraint(fields=["tag", "day"], name="one_topic_activity_row_per_day")
        ]
        indexes = [models.Index(fields=["day"], name="topic_activity_day_idx")]

    def __str__(self):
        return f"{self.tag_id} {self.day}"


def add_to_topics(post_id: int, day: date, counts: dict[str, int]) -> None:
    """Add a published post's counts to its topics' rows for the day (drafts add nothing)."""
    from .models import Post

    tag_ids = [
        tag_id
        for tag_id in Post.objects.published().filter(pk=post_id).values_list("tags", flat=True)
        if tag_id is not None
    ]
    if not tag_ids:
        return
    rows = TopicActivity.objects.filter(tag_id__in=tag_ids, day=day)
    changes = {kind: F(kind) + amount for kind, amount in counts.items()}
    if rows.update(**changes) == len(tag_ids):
        return
    # The day's first event for some topics. Two first events racing may lose one
    # count here (ignore_conflicts); the next rebuild puts it back.
    present = set(rows.values_list("tag_id", flat=True))
    TopicActivity.objects.bulk_create(
        [TopicActivity(tag_id=t, day=day, **counts) for t in tag_ids if t not in present],
        ignore_conflicts=True,
    )


def rebuild_topic_activity(since: date) -> int:
    """Recompute every topic's rows from ``since`` from PostActivity; returns the rows written."""
    from .models import Post, PostActivity

    sums = (
        PostActivity.objects.filter(day__gte=since, post__in=Post.objects.published().values("pk"))
        .exclude(post__tags=None)
        .order_by()
        .values("post__tags", "day")
        .annotate(**{kind: Sum(kind) for kind in PostActivity.KINDS})
    )
    rows = [TopicActivity(tag_id=row.pop("post__tags"), **row) for row in sums]
    with transaction.atomic():
        TopicActivity.objects.filter(day__gte=since).delete()
        TopicActivity.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
