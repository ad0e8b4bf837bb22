from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from posts.models import Post, authors_prefetch


class SavedPostQuerySet(models.QuerySet):
    def of(self, user):
        """A member's own list: the only way views reach saved posts."""
        return self.filter(user=user) if user.is_authenticated else self.none()

    def published_of(self, user):
        """A member's saved posts still published, newest saved first, with card data.

        The one shape of the saved list, the reading pack and the data export: an
        unpublished post may since carry an editor's draft title readers must not see.
        """
        return (
            self.of(user)
            .filter(post__in=Post.objects.published())
            .select_related("post")
            .prefetch_related(authors_prefetch("post__"), "post__tags")
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
