"""The generated title card of a post without an image of its own (posts.sharing)."""

from django.core.files.storage import default_storage
from django.shortcuts import get_object_or_404, redirect

from ..models import Post
from ..preview import never_cache_preview
from ..sharing import card_digest, stored_card


def title_card(request, slug, digest):
    post = get_object_or_404(Post.objects.visible_to(request.user), slug=slug)
    if digest != card_digest(post):  # an old title's card: send to the current one
        return redirect("posts:card", slug=post.slug, digest=card_digest(post))
    response = redirect(default_storage.url(stored_card(post)))
    return never_cache_preview(response, is_preview=not post.is_published)
