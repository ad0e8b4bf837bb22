"""Limits on uploaded images (portraits, featured images).

A PNG of a few kilobytes can declare 10,000 × 10,000 pixels: every page, PDF
and thumbnail that decodes it then needs gigabytes and seconds. Pillow reads
the size from the header alone, so the check is cheap.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image


def check_image_size(upload) -> None:
    """Raise ValidationError when the image is larger than the portal accepts."""
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            width, height = image.size
    except (OSError, Image.DecompressionBombError):
        raise ValidationError(
            _("This file is not an image the portal can read."), code="invalid_image"
        ) from None
    finally:
        upload.seek(0)
    max_side, max_pixels = settings.IMAGE_MAX_SIDE, settings.IMAGE_MAX_PIXELS
    if width > max_side or height > max_side or width * height > max_pixels:
        raise ValidationError(
            _(
                "This image is %(width)s × %(height)s pixels; images may be at most "
                "%(side)s pixels wide or high and %(megapixels)s megapixels in all. "
                "Save a smaller copy and upload that."
            ),
            code="image_too_large",
            params={
                "width": width,
                "height": height,
                "side": max_side,
                "megapixels": max_pixels // 1_000_000,
            },
        )


def image_upload_errors(instance, *field_names: str) -> dict[str, ValidationError]:
    """Errors for newly chosen images on these fields; stored ones were checked on arrival.

    Called from the models' clean(), so the admin and every ModelForm apply it
    without a field validator (and without a migration).
    """
    errors = {}
    for name in field_names:
        field_file = getattr(instance, name)
        if not field_file or field_file._committed:
            continue
        try:
            check_image_size(field_file.file)
        except ValidationError as error:
            errors[name] = error
    return errors
