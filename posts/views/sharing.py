"""A draft or scheduled post shown through a share link, to someone without an account."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from ..models import Post
from ..share_links import ShareLink


def private_noindex(response):
    """For the holder of the link only: no cache may keep it, no search engine list it."""
    patch_cache_control(response, private=True, no_store=True, no_cache=True, max_age=0)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_GET
def shared_preview(request, token):
    link = ShareLink.objects.from_url_token(token)
    if link is None:
        raise Http404("No such preview link.")
    if not link.is_active:
        response = render(request, "posts/preview_link_gone.html", {"link": link}, status=410)
        return private_noindex(response)
    post = Post.objects.for_post_page().get(pk=link.post_id)
    if post.is_published:
        # Live now: the link's job is done, the reader gets the real (cacheable) page.
        return redirect(post)
    # The post page itself: exactly what readers will see, with the preview banner.
    response = render(request, "posts/detail.html", {"post": post, "shared_preview": True})
    return private_noindex(response)
