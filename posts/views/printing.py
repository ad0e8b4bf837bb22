"""The print view and the PDF of a post (same template)."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from ..models import Post
from ..printing.render import post_pdf, print_context
from ..printing.response import pdf_response
from .reading import get_visible_post


@require_GET
def print_view(request, slug):
    post = get_visible_post(request, slug)
    return render(request, "posts/print.html", print_context(request, post))


@require_GET
def pdf(request, slug):
    # Just the post: a cached PDF needs nothing more, a render loads the rest.
    post = get_object_or_404(Post.objects.visible_to(request.user), slug=slug)
    return pdf_response(post_pdf(request, post), f"{post.slug}.pdf", public=post.is_published)
