"""Reader activity: daily counters per post, and the trending ranking computed from them."""

from datetime import date

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .topic_activity import add_to_topics


class ActivityQuerySet(models.QuerySet):
    def record(self, post_id: int, kind: str, amount: int = 1, day: date | None = None) -> None:
        """Add to today's counter for a post: one UPDATE, plus one INSERT once a day."""
        self.add(post_id, day or timezone.localdate(), {kind: amount})

    def add(self, post_id: int, day: date, counts: dict[str, int]) -> None:
        """Add several counts to a post's day at once (the cache flush adds views and downloads).

        A post deleted since the counts were taken gets no row.
        """
        if unknown := set(counts) - set(PostActivity.KINDS):
            raise ValueError(f"Unknown activity: {', '.join(sorted(unknown))}")
        changes = {kind: F(kind) + amount for kind, amount in counts.items()}
        if not self.filter(post_id=post_id, day=day).update(**changes):
            if (
                not self.model._meta.get_field("post")
                .related_model.objects.filter(pk=post_id)
                .exists()
            ):
                return
            self.bulk_create([PostActivity(post_id=post_id, day=day)], ignore_conflicts=True)
            self.filter(post_id=post_id, day=day).update(**changes)
        add_to_topics(post_id, day, counts)  # trending's sums per topic, kept in step


class PostActivity(models.Model):
    """Daily counters of what readers did with a post; the input of trending."""

    KINDS = ("views", "saves", "comments", "downloads")

    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="activity")
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)
    saves = models.PositiveIntegerField(_("saves"), default=0)
    comments = models.PositiveIntegerField(_("comments"), default=0)
    downloads = models.PositiveIntegerField(_("downloads"), default=0)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("daily activity")
        verbose_name_plural = _("daily activity")
        constraints = [
            models.UniqueConstraint(fields=["post", "day"], name="one_activity_row_per_day")
        ]
        indexes = [models.Index(fields=["day"], name="activity_day_idx")]

    def __str__(self):
        return f"{self.post_id} {self.day}"


class TrendingTopic(models.Model):
    """One row of the latest trending ranking, written by posts.trending; pages only read it.

    The counts beside the score are what drives the order, shown to readers.
    """

    rank = models.PositiveSmallIntegerField(_("rank"), unique=True)
    tag = models.ForeignKey(
        "taggit.Tag", verbose_name=_("topic"), on_delete=models.CASCADE, related_name="+"
    )
    score = models.FloatField(_("score"))
    posts = models.PositiveIntegerField(_("published posts"))
    reads_this_week = models.PositiveIntegerField(_("reads in the last 7 days"))
    reads = models.PositiveIntegerField(_("reads"))
    saves = models.PositiveIntegerField(_("saves"))
    comments = models.PositiveIntegerField(_("comments"))
    downloads = models.PositiveIntegerField(_("downloads"))
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("trending topic")
        verbose_name_plural = _("trending topics")
        ordering = ["rank"]

    def __str__(self):
        return f"{self.rank}. {self.tag_id}"

    @property
    def name(self) -> str:
        return self.tag.name

    @property
    def slug(self) -> str:
        return self.tag.slug
