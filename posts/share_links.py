"""Links that show a draft or scheduled post to someone without an account.

The URL carries a random token, signed with the secret key, so a tampered or
invented address is refused before any query. Each link expires
(PORTAL_PREVIEW_LINK_DAYS) and an editor can revoke it at any time.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SALT = "posts.share-link"


def new_token() -> str:
    return secrets.token_urlsafe(24)


def default_expiry():
    return timezone.now() + timedelta(days=settings.PREVIEW_LINK_DAYS)


class ShareLinkQuerySet(models.QuerySet):
    def active(self, at=None):
        return self.filter(revoked_at__isnull=True, expires_at__gt=at or timezone.now())

    def from_url_token(self, signed: str) -> "ShareLink | None":
        """The link this signed token names (active or not), or None if it is not ours."""
        try:
            token = signing.Signer(salt=SALT).unsign(signed)
        except signing.BadSignature:
            return None
        return self.select_related("post").filter(token=token).first()


class ShareLink(models.Model):
    post = models.ForeignKey(
        "posts.Post", verbose_name=_("post"), on_delete=models.CASCADE, related_name="share_links"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    expires_at = models.DateTimeField(_("expires"), default=default_expiry)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return str(_("Preview link for “%(post)s”") % {"post": self.post})

    def get_absolute_url(self):
        signed = signing.Signer(salt=SALT).sign(self.token)
        return reverse("posts:shared_preview", kwargs={"token": signed})

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
