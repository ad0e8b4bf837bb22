"""File downloads: only for visible posts, counted, never sniffed."""

from django.db.models import F
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from ..models import Attachment, Post, PostActivity


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
    if attachment.post.is_published:
        Attachment.objects.filter(pk=attachment.pk).update(download_count=F("download_count") + 1)
        PostActivity.objects.record(attachment.post_id, "downloads")
    download_name = attachment.original_name or f"{attachment.post.slug}-{attachment.pk}"
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=download_name,
        content_type=attachment.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
