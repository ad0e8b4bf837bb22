"""The print view and the PDF of a post (same template)."""

from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.views.decorators.http import require_GET

from ..models import Post, get_visible_post
from ..preview import never_cache_preview
from ..printing.render import post_pdf, print_context
from ..printing.response import pdf_response


@require_GET
def print_view(request, slug):
    post = get_visible_post(request, slug)
    # On paper the post speaks its own language: labels, dates and the lang attribute.
    with translation.override(post.language):
        response = render(request, "posts/print.html", print_context(request, post))
    return never_cache_preview(response, is_preview=not post.is_published)


@require_GET
def pdf(request, slug):
    # Just the post: a cached PDF needs nothing more, a render loads the page's shape.
    post = get_object_or_404(Post.objects.visible_to(request.user), slug=slug)
    response = pdf_response(post_pdf(request, post), f"{post.slug}.pdf", public=post.is_published)
    return never_cache_preview(response, is_preview=not post.is_published)
