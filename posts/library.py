"""The image library: pictures with their alt text, caption and credit.

Posts use them as featured and social images and as figures in the body. An
upload is checked like an attachment (type by its bytes, size, pixel count),
stored without its metadata (no GPS location leaves the editor's camera), and
resized once into WebP renditions with a JPEG or PNG fallback.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .images import check_image_size
from .renditions import EXTENSIONS, clean_original, delete_files, make_renditions, sniff_format


def check_image_upload(upload) -> str:
    """Validate an uploaded picture; return its format (Pillow's name for it)."""
    upload.seek(0)
    image_format = sniff_format(upload.read(16))
    upload.seek(0)
    if image_format is None:
        raise ValidationError(
            _("Upload a JPEG, PNG, WebP or GIF picture; this file is none of these."),
            code="image_type",
        )
    limit = settings.IMAGE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("This picture is %(size)s; pictures may be at most %(limit)s."),
            code="image_size",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    check_image_size(upload)
    return image_format


def image_upload_to(instance, filename: str) -> str:
    return f"images/{uuid.uuid4().hex}.{EXTENSIONS.get(instance._format, 'img')}"


class Image(models.Model):
    file = models.ImageField(_("picture"), upload_to=image_upload_to)
    alt_text = models.CharField(
        _("alt text"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the picture shows, for readers who cannot see it. Needed before a post "
            "using it is published."
        ),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(
        _("credit"), max_length=200, blank=True, help_text=_("Photographer or source.")
    )
    width = models.PositiveIntegerField(_("width"), default=0, editable=False)
    height = models.PositiveIntegerField(_("height"), default=0, editable=False)
    # [{"width", "height", "webp", "fallback"}], narrowest first (posts.renditions).
    renditions = models.JSONField(_("renditions"), default=list, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created = models.DateTimeField(_("uploaded"), auto_now_add=True)

    _format = None  # set by clean() for the upload being saved

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-created", "-pk"]

    def __str__(self):
        return self.alt_text or self.caption or self.file.name.rsplit("/", 1)[-1]

    def save(self, *args, **kwargs):
        new_file = bool(self.file) and not self.file._committed
        if new_file:
            self._format = self._format or check_image_upload(self.file.file)
            data, self.width, self.height = clean_original(self.file.file, self._format)
            self.file = ContentFile(data, name=f"upload.{EXTENSIONS[self._format]}")
            stale = self._stored_names()
        super().save(*args, **kwargs)
        if new_file:
            storage = self.file.storage
            self.renditions = make_renditions(storage, self.file.name)
            type(self).objects.filter(pk=self.pk).update(renditions=self.renditions)
            transaction.on_commit(lambda: delete_files(storage, stale))

    def clean(self):
        if self.file and not self.file._committed:
            try:
                self._format = check_image_upload(self.file.file)
            except ValidationError as error:
                raise ValidationError({"file": error}) from error

    def _stored_names(self) -> list[str]:
        """The files of the stored row (before this save), to remove once replaced."""
        if not self.pk:
            return []
        old = type(self).objects.filter(pk=self.pk).values("file", "renditions").first() or {}
        return [old.get("file"), *names_of(old.get("renditions") or [])]

    # What templates need: URLs through the storage, sizes from the row.
    def _url(self, name: str) -> str:
        return self.file.storage.url(name)

    @property
    def webp_srcset(self) -> str:
        return ", ".join(f"{self._url(r['webp'])} {r['width']}w" for r in self.renditions)

    @property
    def fallback_srcset(self) -> str:
        return ", ".join(f"{self._url(r['fallback'])} {r['width']}w" for r in self.renditions)

    @property
    def largest(self) -> dict:
        """The widest rendition (the original's size if none were made)."""
        if self.renditions:
            return self.renditions[-1]
        return {"width": self.width, "height": self.height, "fallback": self.file.name}

    @property
    def smallest(self) -> dict:
        return self.renditions[0] if self.renditions else self.largest

    @property
    def small_url(self) -> str:
        """The narrowest rendition: for thumbnails in the admin."""
        return self._url(self.smallest["fallback"])

    @property
    def url(self) -> str:
        """A JPEG/PNG every reader, PDF renderer and link preview understands."""
        return self._url(self.largest["fallback"])


def names_of(renditions: list[dict]) -> list[str]:
    return [r[key] for r in renditions for key in ("webp", "fallback")]


def image_deleted(sender, instance, **kwargs):
    storage = instance.file.storage
    names = [instance.file.name, *names_of(instance.renditions)]
    transaction.on_commit(lambda: delete_files(storage, names))


models.signals.post_delete.connect(image_deleted, sender=Image)
