"""The image files pages serve: a clean original and resized renditions, made once.

Pillow, not a thumbnail library: renditions are made when an image is uploaded,
never while a page renders, and their names, widths and heights are stored on
the Image row, so a page needs no file-system or object-storage call to build
its ``srcset``. Everything goes through the storage API (files may live on S3).
"""

import io
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.core.files.storage import Storage

WIDTHS = (400, 800, 1200)
JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
GIF_MAGICS = (b"GIF87a", b"GIF89a")
# Pillow's format name for each kind of file the library accepts, and its extension.
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}


def sniff_format(head: bytes) -> str | None:
    """The image format the bytes say, whatever the file is called."""
    if head.startswith(JPEG_MAGIC):
        return "JPEG"
    if head.startswith(PNG_MAGIC):
        return "PNG"
    if head.startswith(GIF_MAGICS):
        return "GIF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return None


def clean_original(upload, image_format: str) -> tuple[bytes, int, int]:
    """The upload re-encoded without its metadata (EXIF, GPS location, XMP, comments).

    The orientation tag is applied to the pixels first, so nothing turns sideways.
    The colour profile is kept: it is about colours, not about the photographer.
    """
    from PIL import Image, ImageOps

    upload.seek(0)
    with Image.open(upload) as source:
        if image_format == "GIF":
            # Keeps animation; GIF carries no EXIF, and re-saving drops comments and XMP.
            width, height = source.size
            buffer = io.BytesIO()
            source.save(buffer, "GIF", save_all=True)
            return buffer.getvalue(), width, height
        icc_profile = source.info.get("icc_profile")
        image = ImageOps.exif_transpose(source)
        image.load()
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if image_format == "JPEG":
        image = image.convert("RGB") if image.mode not in {"RGB", "L", "CMYK"} else image
        options |= {"quality": 90, "optimize": True}
    elif image_format == "WEBP":
        options |= {"quality": 90}
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue(), image.width, image.height


def rendition_widths(width: int) -> list[int]:
    """The widths worth making: never wider than the original, at most 1200."""
    return sorted({w for w in WIDTHS if w < width} | {min(width, WIDTHS[-1])})


def make_renditions(storage: Storage, name: str) -> list[dict]:
    """Resized WebP copies and a JPEG (or PNG, where transparent) fallback of each.

    Returns what the Image row stores: ``[{"width", "height", "webp", "fallback"}]``,
    narrowest first.
    """
    from PIL import Image

    with storage.open(name, "rb") as stored, Image.open(stored) as source:
        source.seek(0)  # the first frame of an animated GIF
        transparent = source.mode in {"RGBA", "LA", "PA"} or "transparency" in source.info
        original = source.convert("RGBA" if transparent else "RGB")
    stem = PurePath(name).stem
    fallback_format, fallback_extension = ("PNG", "png") if transparent else ("JPEG", "jpg")
    renditions = []
    for width in rendition_widths(original.width):
        height = max(1, round(original.height * width / original.width))
        resized = original.resize((width, height), Image.Resampling.LANCZOS)
        entry = {"width": width, "height": height}
        for key, image_format, extension, options in [
            ("webp", "WEBP", "webp", {"quality": 80}),
            ("fallback", fallback_format, fallback_extension, {"quality": 82, "optimize": True}),
        ]:
            buffer = io.BytesIO()
            resized.save(buffer, image_format, **options)
            target = f"images/renditions/{stem}-{width}.{extension}"
            entry[key] = storage.save(target, ContentFile(buffer.getvalue()))
        renditions.append(entry)
    return renditions


def delete_files(storage: Storage, names) -> None:
    for name in names:
        if name:
            storage.delete(name)
