"""My saved posts: the private list and the Save toggle on cards and post pages."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from accounts.redirects import safe_next

from ..models import Post, SavedPost
from ..pagination import paginate
from ..saved import remember_pending_save, save_post, unsave_post

private = cache_control(private=True, no_store=True)


@login_required
@private
@require_GET
def saved_list(request):
    page = paginate(request, SavedPost.objects.for_list_page(request.user))
    # Every post listed here is saved: the toggles need no lookup of the whole list
    # (the context processor's query returns every saved id, thousands for some members).
    saved_ids = frozenset(saved.post_id for saved in page.object_list)
    context = {"page": page, "nav": "saved", "saved_post_ids": saved_ids}
    return render(request, "posts/saved.html", context)


@private
@require_POST
def toggle(request, slug):
    """Save or remove one post for the signed-in member.

    The form says which state it wants ("save" or "remove"), so a repeated
    click cannot flip it back. The member is always request.user: nothing the
    client posts names whose list changes.
    """
    post = get_object_or_404(Post.objects.published(), slug=slug)
    if not request.user.is_authenticated:
        remember_pending_save(request, post)
        if request.htmx:
            return HttpResponseClientRedirect(redirect_to_login(post.get_absolute_url()).url)
        return redirect_to_login(post.get_absolute_url())

    if request.POST.get("action") == "remove":
        unsave_post(request.user, post)
    else:
        save_post(request.user, post)

    if request.htmx:
        return render(
            request,
            "posts/includes/save_toggle.html#save_toggle",
            {"post": post, "next": request.POST.get("next", "")},
        )
    return redirect(safe_next(request, request.POST.get("next"), post.get_absolute_url()))
