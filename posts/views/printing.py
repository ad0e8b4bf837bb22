"""The print view and the PDF of a post (same template), and the reading pack."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from ..models import Post, SavedPost
from ..pdf import (
    READING_PACK_LIMIT,
    post_pdf,
    print_context,
    reading_pack_pdf,
    reading_pack_posts,
)
from .reading import get_visible_post


def pdf_response(pdf: bytes, filename: str, *, public: bool, download=False) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(download, filename)
    if public:
        patch_cache_control(response, public=True, max_age=300)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
def print_view(request, slug):
    post = get_visible_post(request, slug)
    # On paper the post speaks its own language: labels, dates and the lang attribute.
    with translation.override(post.language):
        return render(request, "posts/print.html", print_context(request, post))


@require_GET
def pdf(request, slug):
    # Just the post: a cached PDF needs nothing more, a render loads the rest.
    post = get_object_or_404(Post.objects.visible_to(request.user), slug=slug)
    return pdf_response(post_pdf(request, post), f"{post.slug}.pdf", public=post.is_published)


@login_required
@require_GET
def reading_pack(request):
    """The member's most recently saved posts as one PDF: private, never shared."""
    posts = reading_pack_posts(request.user)
    if not posts:
        messages.info(request, gettext("Save some posts first: the reading pack collects them."))
        return redirect("posts:saved")
    total = len(posts)
    if total == READING_PACK_LIMIT:  # there may be more than fit
        total = SavedPost.objects.for_list_page(request.user).count()
    filename = f"reading-pack-{timezone.localdate():%Y-%m-%d}.pdf"
    pdf = reading_pack_pdf(request, posts, total)
    return pdf_response(pdf, filename, public=False, download=True)
