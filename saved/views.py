"""My saved posts: the private list, the Save toggle on cards and post pages, the reading pack."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from accounts.redirects import safe_next
from portal.rate_limit import over_limit
from posts.models import Post
from posts.printing.response import pdf_response, preparing_response
from posts.printing.store import stored
from posts.printing.tasks import is_queued, render_slot
from posts.querysets import card_data_on_demand

from .listing import saved_page
from .models import SavedPost
from .pack import (
    READING_PACK_LIMIT,
    post_pdfs_ready,
    reading_pack_name,
    reading_pack_posts,
    request_reading_pack,
    store_reading_pack,
    total_saved,
)
from .saving import (
    remember_pending_save,
    remove_with_undo,
    save_post,
    undo_remove,
    unsave_post,
)

private = cache_control(private=True, no_store=True)
# The Undo of the last removal made without JavaScript, shown once by the list.
UNDO_KEY = "saved:undo"
# The two Save toggles of a post page: under the byline and after the article.
PLACES = frozenset({"top", "bottom"})


@login_required
@private
@require_GET
def saved_list(request):
    page, generation = saved_page(request)
    # Every post listed here is saved: the toggles need no lookup of the whole list
    # (the context processor's query returns every saved id, thousands for some members).
    saved_ids = frozenset(saved.post_id for saved in page.object_list)
    context = {
        "page": page,
        "nav": "saved",
        "skeleton": "saved",  # the list itself is a hole: the page around it is shared
        "generation": generation,
        "pack_limit": READING_PACK_LIMIT,
        "saved_post_ids": saved_ids,
        "prepare_cards": card_data_on_demand(lambda: [saved.post for saved in page.object_list]),
    }
    undo = request.session.pop(UNDO_KEY, None)
    if undo:
        context.update(undo_token=undo["token"], removed_title=undo["title"])
    return render(request, "saved/list.html", context)


@private
@require_POST
def toggle(request, slug):
    """Save or remove one post for the signed-in member.

    The form says which state it wants ("save" or "remove"), so a repeated
    click cannot flip it back. The member is always request.user: nothing the
    client posts names whose list changes.
    """
    post = get_object_or_404(Post.objects.published(), slug=slug)
    # Where the reader pressed Save: the page (a card adds its #post-<id> anchor).
    # Only a path on this site; never redirect(), which would try to reverse "foo" as a name.
    next_url = request.POST.get("next", "")
    return_to = safe_next(
        request, next_url if next_url.startswith("/") else "", post.get_absolute_url()
    )
    if not request.user.is_authenticated:
        remember_pending_save(request, post, return_to)
        login_url = redirect_to_login(return_to).url
        if request.htmx:
            return HttpResponseClientRedirect(login_url)
        return HttpResponseRedirect(login_url)

    if request.POST.get("action") == "remove":
        unsave_post(request.user, post)
    else:
        save_post(request.user, post)

    if request.htmx:
        return render_toggles(request, post, next_url)
    return HttpResponseRedirect(return_to)


def render_toggles(request, post, next_url):
    """The pressed toggle; on a post page also the other one (top or bottom), out of band."""
    template = "saved/includes/save_toggle.html#save_toggle"
    context = {"post": post, "next": next_url}
    place = request.POST.get("place")
    if place not in PLACES:
        return render(request, template, context)
    html = render_to_string(template, {**context, "place": place}, request)
    for other in PLACES - {place}:
        html += render_to_string(template, {**context, "place": other, "oob": True}, request)
    return HttpResponse(html)


@login_required
@private
@require_POST
def remove(request, slug):
    """ "Remove" on the saved list: the card goes, an Undo takes its place."""
    post = get_object_or_404(Post.objects.published(), slug=slug)
    token = remove_with_undo(request.user, post)
    if request.htmx:
        context = {"post": post, "undo_token": token, "removed_title": post.title}
        return render(request, "saved/list.html#undo", context)
    if token:
        request.session[UNDO_KEY] = {"token": token, "title": post.title}
    return redirect("saved:list")


@login_required
@private
@require_POST
def restore(request):
    """Undo a removal: the post goes back on the list with its original date saved."""
    post = undo_remove(request.user, request.POST.get("token", ""))
    list_url = reverse("saved:list")
    if post is None:
        messages.error(
            request, gettext("That post could not be put back. Save it again from its page.")
        )
        return HttpResponseClientRedirect(list_url) if request.htmx else redirect(list_url)
    if request.htmx:
        saved = SavedPost.objects.published_of(request.user).get(post=post)
        return render(request, "saved/list.html#saved_item", {"saved": saved})
    return HttpResponseRedirect(f"{list_url}#post-{post.pk}")


@login_required
@require_GET
def reading_pack(request):
    """The member's most recently saved posts as one PDF: private, never shared.

    Served when stored; assembled here when every post's PDF is stored (cover and
    contents only are laid out); otherwise prepared in the background while the
    member sees "Preparing your PDF…". Building one counts against a per-member limit.
    """
    posts = reading_pack_posts(request.user)
    if not posts:
        messages.info(request, gettext("Save some posts first: the reading pack collects them."))
        return redirect("saved:list")
    name = reading_pack_name(request.user, posts, total_saved(request.user, posts))
    found = stored(name)
    if found is None and not request.htmx and not is_queued(name):
        retry_after = over_limit(
            f"reading-pack:{request.user.pk}", settings.READING_PACK_PER_HOUR, 60 * 60
        )
        if retry_after:
            return pack_limited(request, retry_after)
        if post_pdfs_ready(posts):
            with render_slot() as free:
                found = store_reading_pack(request.user, posts) if free else None
        found = found or request_reading_pack(request.user, posts, name)
    if found is None or request.htmx:
        title = gettext("Your reading pack of your saved posts.")
        return preparing_response(request, title=title, url=request.path, ready=found is not None)
    filename = f"reading-pack-{timezone.localdate():%Y-%m-%d}.pdf"
    return pdf_response(request, found, filename, public=False, download=True)


def pack_limited(request, retry_after: int):
    minutes = max(1, round(retry_after / 60))
    response = render(
        request, "saved/pack_limited.html", {"minutes": minutes, "nav": "saved"}, status=429
    )
    response["Retry-After"] = str(retry_after)
    return response
