from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from posts.models import Post, authors_prefetch
from posts.querysets import published_q


class SavedPostQuerySet(models.QuerySet):
    def of(self, user):
        """A member's own list: the only way views reach saved posts."""
        return self.filter(user=user) if user.is_authenticated else self.none()

    def published_of(self, user, card_data: bool = True):
        """A member's saved posts still published, newest saved first, with card data
        (or, without ``card_data``, with the post and its image: the list page fetches
        authors and topics only for cards it does not have yet).

        The one shape of the saved list, the reading pack and the data export: an
        unpublished post may since carry an editor's draft title readers must not see.
        """
        saved = (
            self.of(user)
            .filter(published_q("post__"))
            .select_related("post", "post__featured_image")
        )
        return (
            saved.prefetch_related(authors_prefetch("post__"), "post__tags") if card_data else saved
        )


class SavedPost(models.Model):
    """A post a member keeps on their private reading list."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_posts"
    )
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="saves")
    saved_at = models.DateTimeField(_("saved"), default=timezone.now)

    objects = SavedPostQuerySet.as_manager()

    class Meta:
        # Created by posts.0004 before saved posts had an app of their own; the
        # table keeps its name so no data moves (see saved/migrations/0001).
        db_table = "posts_savedpost"
        verbose_name = _("saved post")
        verbose_name_plural = _("saved posts")
        ordering = ["-saved_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "post"], name="one_save_per_user_and_post")
        ]
        indexes = [models.Index(fields=["user", "-saved_at"], name="saved_by_user_idx")]

    def __str__(self):
        return f"{self.user_id} → {self.post_id}"

    @property
    def updated_since_saved(self) -> bool:
        return self.post.updated_at > self.saved_at


class FollowQuerySet(models.QuerySet):
    def of(self, user):
        return self.filter(user=user) if user.is_authenticated else self.none()


class Follow(models.Model):
    """A member follows a topic or an author (exactly one of the two)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    tag = models.ForeignKey(
        "taggit.Tag", verbose_name=_("topic"), on_delete=models.CASCADE, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    author = models.ForeignKey(
        "posts.Author", verbose_name=_("author"), on_delete=models.CASCADE, null=True,
        blank=True, related_name="followers",
    )  # fmt: skip
    created_at = models.DateTimeField(_("followed since"), default=timezone.now)

    objects = FollowQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tag__isnull=False, author__isnull=True)
                | models.Q(tag__isnull=True, author__isnull=False),
                name="follow_topic_or_author",
            ),
            models.UniqueConstraint(
                fields=["user", "tag"],
                condition=models.Q(tag__isnull=False),
                name="one_follow_per_topic",
            ),  # fmt: skip
            models.UniqueConstraint(
                fields=["user", "author"],
                condition=models.Q(author__isnull=False),
                name="one_follow_per_author",
            ),  # fmt: skip
        ]

    def __str__(self):
        return f"{self.user_id} → {self.tag_id or self.author_id}"


class FollowDigest(models.Model):
    """A member's choice of the weekly email of new posts they follow (off by default)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follow_digest"
    )
    weekly = models.BooleanField(_("weekly email"), default=False)
    last_sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow digest")
        verbose_name_plural = _("follow digests")

    def __str__(self):
        return f"{self.user_id}: {'weekly' if self.weekly else 'off'}"
