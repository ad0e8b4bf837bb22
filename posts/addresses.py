"""Old addresses of posts: a renamed post's earlier slugs redirect to it.

Slugs change only while a post is a draft (the admin locks them once
published), but a draft may have been published before, shared and bookmarked.
Every rename is remembered; the redirect answers only once the post is live,
so an old slug never reveals a draft.
"""

from django.db import models
from django.db.models.signals import post_save, pre_save
from django.http import HttpResponsePermanentRedirect
from django.utils.translation import gettext_lazy as _


class SlugRedirect(models.Model):
    old_slug = models.SlugField(_("old slug"), max_length=220, unique=True)
    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="old_slugs")
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")

    def __str__(self):
        return self.old_slug


def redirect_from_old_slug(slug: str, published_posts) -> HttpResponsePermanentRedirect | None:
    """A 301 to the live post that used to be at ``slug``, or None."""
    link = (
        SlugRedirect.objects.filter(old_slug=slug, post__in=published_posts)
        .select_related("post")
        .first()
    )
    return HttpResponsePermanentRedirect(link.post.get_absolute_url()) if link else None


def remember_slug(sender, instance, raw=False, **kwargs):
    if raw or not instance.pk:
        return
    instance._previous_slug = (
        sender.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
    )


def record_rename(sender, instance, raw=False, **kwargs):
    if raw:
        return
    # The post owns its current slug: no redirect may point elsewhere from it.
    SlugRedirect.objects.filter(old_slug=instance.slug).delete()
    previous = getattr(instance, "_previous_slug", None)
    if previous and previous != instance.slug:
        SlugRedirect.objects.update_or_create(old_slug=previous, defaults={"post": instance})
    instance._previous_slug = instance.slug


pre_save.connect(remember_slug, sender="posts.Post", dispatch_uid="posts-remember-slug")
post_save.connect(record_rename, sender="posts.Post", dispatch_uid="posts-record-rename")
