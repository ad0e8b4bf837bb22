"""Following: the Follow buttons on topic and author pages, the Following page,
the weekly digest choice and its one-click unsubscribe."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from taggit.models import Tag

from posts.models import Author
from posts.pagination import paginate

from .digest import set_weekly_digest, user_from_unsubscribe_token
from .following import follow, followed_posts, followed_things, unfollow

private = cache_control(private=True, no_store=True)


def _toggle(request, thing):
    """Follow or unfollow, as the form says ("follow"/"unfollow"): a repeated click cannot
    flip it back. htmx gets the button; a plain browser goes back to the page."""
    wanted = request.POST.get("action") == "follow"
    if wanted:
        follow(request.user, thing)
    else:
        unfollow(request.user, thing)
    if request.htmx:
        context = {"thing": thing, "following": wanted, "kind": kind_of(thing)}
        return render(request, "saved/includes/follow_button.html#follow_button", context)
    return HttpResponseRedirect(thing_url(thing))


def kind_of(thing) -> str:
    return "author" if isinstance(thing, Author) else "topic"


def thing_url(thing) -> str:
    if isinstance(thing, Author):
        return thing.get_absolute_url()
    return reverse("posts:topic", args=[thing.slug])


@login_required
@private
@require_POST
def follow_topic(request, slug):
    return _toggle(request, get_object_or_404(Tag, slug=slug))


@login_required
@private
@require_POST
def follow_author(request, slug):
    return _toggle(request, get_object_or_404(Author.objects.published(), slug=slug))


@login_required
@private
@require_GET
def following(request):
    page = paginate(request, followed_posts(request.user).with_card_data())
    context = {"page": page, "follows": followed_things(request.user), "nav": "following"}
    return render(request, "saved/following.html", context)


@login_required
@private
@require_POST
def digest(request):
    weekly = request.POST.get("weekly") == "on"
    set_weekly_digest(request.user, weekly)
    if weekly:
        messages.success(request, _("You will get a weekly email of new posts you follow."))
    else:
        messages.success(request, _("You will not get the weekly email any more."))
    return redirect("saved:following")


@csrf_exempt  # the signed token is the credential; mail clients post without a session (RFC 8058)
@private
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    user = user_from_unsubscribe_token(token)
    if user is None:
        raise Http404("Unknown or damaged unsubscribe link.")
    if request.method == "POST":
        set_weekly_digest(user, False)
        return render(request, "saved/unsubscribed.html", {"done": True})
    return render(request, "saved/unsubscribed.html", {"done": False, "token": token})
