"""Moderators can stop a member from commenting; the member sees the reason instead of the form."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SuspensionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(lifted_at__isnull=True)

    def current_for(self, user):
        """The member's suspension in force, or None."""
        if not user.is_authenticated:
            return None
        return self.active().filter(user=user).order_by("-created_at", "-pk").first()


class CommentingSuspension(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="commenting_suspensions",
    )
    reason = models.TextField(
        _("reason for the member"), help_text=_("The member sees this instead of the form.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("suspended by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("suspended at"), default=timezone.now)
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)

    objects = SuspensionQuerySet.as_manager()

    class Meta:
        app_label = "comments"
        verbose_name = _("commenting suspension")
        verbose_name_plural = _("commenting suspensions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.user}: {self.reason[:40]}"


def suspend(users, reason: str, moderator) -> int:
    """Suspend each member not already suspended; returns how many were."""
    already = set(CommentingSuspension.objects.active().values_list("user_id", flat=True))
    fresh = [user for user in users if user.pk not in already]
    CommentingSuspension.objects.bulk_create(
        CommentingSuspension(user=user, reason=reason, created_by=moderator) for user in fresh
    )
    return len(fresh)
