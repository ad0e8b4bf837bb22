"""Attachment: a post's downloadable file, private, served only through the download view."""

from pathlib import PurePath

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Migrations name these two by their place in posts.models.
from .models import attachment_storage, attachment_upload_to
from .uploads import validate_attachment_upload


class Attachment(models.Model):
    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=attachment_upload_to, storage=attachment_storage)
    original_name = models.CharField(_("original file name"), max_length=255, editable=False)
    content_type = models.CharField(_("content type"), max_length=120, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("file download")
        verbose_name_plural = _("file downloads")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title

    def save(self, **kwargs):
        # The counter moves only by F() in the download view; an edit never writes it back.
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "download_count"
            ]
        super().save(**kwargs)

    def get_absolute_url(self):
        return reverse("posts:download", kwargs={"slug": self.post.slug, "pk": self.pk})

    def clean(self):
        # A check, not a field validator: it also records the file's name, type and size.
        validate_attachment_upload(self)

    @property
    def extension(self) -> str:
        return PurePath(self.original_name or self.file.name).suffix.lstrip(".").upper()
