"""Featured images: kept in private storage, shown only while their post is visible."""

import mimetypes

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from ..models import Post


@require_GET
def featured_image(request, name):
    post = get_object_or_404(Post.objects.visible_to(request.user), featured_image=name)
    try:
        handle = post.featured_image.open("rb")
    except FileNotFoundError as exc:
        raise Http404("The image is missing.") from exc
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    # Names are random and never reused, so a published image may be cached; a preview
    # of a draft must not be kept anywhere.
    if post.is_published:
        response["Cache-Control"] = "public, max-age=3600"
    else:
        response["Cache-Control"] = "private, no-store"
    return response
