"""The print view and the PDF of a post (same template)."""

from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from ..models import Post, get_visible_post
from ..preview import never_cache_preview
from ..printing.render import print_context
from ..printing.response import pdf_filename, pdf_response, preparing_response
from ..printing.tasks import request_post_pdf


@require_GET
def print_view(request, slug):
    post = get_visible_post(request, slug)
    # On paper the post speaks its own language: labels, dates and the lang attribute.
    with translation.override(post.language):
        response = render(request, "posts/print.html", print_context(request, post))
    return never_cache_preview(response, is_preview=not post.is_published)


@require_GET
def pdf(request, slug):
    """The stored PDF of this revision, or "Preparing your PDF…" after asking for it.

    Never renders here (the immediate backend in development renders inside the
    enqueue); just the post: a stored PDF needs nothing more.
    """
    post = get_object_or_404(Post.objects.visible_to(request.user), slug=slug)
    published = post.is_published
    found = request_post_pdf(post, published)
    if found is None or request.htmx:
        title = gettext("Preparing the PDF of “%(title)s”…") % {"title": post.title}
        return preparing_response(request, title=title, url=request.path, ready=found is not None)
    response = pdf_response(request, found, pdf_filename(post), public=published)
    return never_cache_preview(response, is_preview=not published)
