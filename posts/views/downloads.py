"""File downloads: only for visible posts, counted, never sniffed, never run."""

from pathlib import PurePath

from django.db.models import F
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.csp import CSP
from django.utils.text import slugify
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_GET

from ..counting import count
from ..models import Attachment, Post
from ..preview import never_cache_preview
from ..printing.response import pdf_filename


def download_name(attachment: Attachment) -> str:
    """The file's own name; never the name the post's PDF downloads under."""
    suffix = PurePath(attachment.original_name or attachment.file.name).suffix.lower()
    name = (
        attachment.original_name or f"{slugify(attachment.title) or attachment.post.slug}{suffix}"
    )
    if name.lower() == pdf_filename(attachment.post).lower():
        name = f"{PurePath(name).stem}-attachment{suffix}"
    return name


# A file opened in the browser anyway (an HTML or SVG upload) runs in a sandbox,
# with no script and no access to this site's cookies or storage.
@csp_override({"default-src": [CSP.NONE], "sandbox": True})
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
    # Editors previewing a draft or scheduled post do not count as readers.
    if attachment.post.is_published:
        Attachment.objects.filter(pk=attachment.pk).update(download_count=F("download_count") + 1)
        count(attachment.post_id, "downloads")  # in the cache; flushed into PostActivity
    content_type = attachment.content_type or "application/octet-stream"
    if content_type.startswith("text/"):
        content_type += "; charset=utf-8"  # uploads checks made sure it is UTF-8
    response = FileResponse(
        handle, as_attachment=True, filename=download_name(attachment), content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return never_cache_preview(response, is_preview=not attachment.post.is_published)
