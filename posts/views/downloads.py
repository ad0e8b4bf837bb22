"""File downloads: only for visible posts, counted, never sniffed."""

import unicodedata
from pathlib import PurePath
from urllib.parse import quote

from django.db.models import F
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from ..models import Attachment, Post, PostActivity
from ..printing.response import pdf_filename


def content_disposition(filename: str) -> str:
    """RFC 6266: an ASCII `filename` for old clients, `filename*` in UTF-8 for the rest."""
    ascii_name = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode("ascii")
    # Inside a quoted string only printable ASCII is safe; quotes and backslashes go.
    ascii_name = "".join(c for c in ascii_name if c.isprintable() and c not in '"\\')
    ascii_name = " ".join(ascii_name.split()) or "download"
    if ascii_name == filename:
        return f'attachment; filename="{ascii_name}"'
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def download_name(attachment: Attachment) -> str:
    """The file's own name; never the name the post's PDF downloads under."""
    suffix = PurePath(attachment.original_name or attachment.file.name).suffix.lower()
    name = (
        attachment.original_name or f"{slugify(attachment.title) or attachment.post.slug}{suffix}"
    )
    if name.lower() == pdf_filename(attachment.post).lower():
        name = f"{PurePath(name).stem}-attachment{suffix}"
    return name


@require_GET
def download(request, slug, pk):
    attachment = get_object_or_404(
        Attachment.objects.select_related("post").filter(
            post__in=Post.objects.visible_to(request.user)
        ),
        post__slug=slug,
        pk=pk,
    )
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("The file is missing.") from exc
    # Staff previewing a draft or scheduled post do not count as readers.
    if attachment.post.is_published:
        Attachment.objects.filter(pk=attachment.pk).update(download_count=F("download_count") + 1)
        PostActivity.objects.record(attachment.post_id, "downloads")
    content_type = attachment.content_type or "application/octet-stream"
    if content_type.startswith("text/"):
        content_type += "; charset=utf-8"  # uploads checks made sure it is UTF-8
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = content_disposition(download_name(attachment))
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
