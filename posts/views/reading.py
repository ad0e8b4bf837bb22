"""The public reading pages: latest posts, a post, topics, authors, search."""

from urllib.parse import quote, urlencode

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language_info, gettext
from django.views.decorators.http import require_safe
from taggit.models import Tag

from portal import generations, per_generation
from portal.pagecache import on_hit

from .. import search as full_text
from ..addresses import redirect_from_old_slug
from ..counting import count_view
from ..forms import SearchForm
from ..models import Author, Post, get_visible_post
from ..pagination import paginate, paginate_ids
from ..preview import can_preview, never_cache_preview
from ..querysets import card_data_on_demand
from ..search import ranked_ids
from ..search.highlight import headlines
from ..search.suggest import did_you_mean
from ..trending import MAX_TOPICS, trending_topics


def reading_order(request, posts) -> tuple:
    """(posts, chosen language): one language if ?lang= names one, else all with the
    reader's language first. The template shows the filter from the second value."""
    chosen = request.GET.get("lang", "")
    if chosen in dict(settings.LANGUAGES):
        return posts.filter(language=chosen), chosen
    return posts.reader_language_first(request.LANGUAGE_CODE), ""


def language_filter(request, chosen: str) -> list[dict]:
    """The links above a list: all languages (reader's first), or one of them."""
    choices = [{"code": "", "name": gettext("All languages"), "url": request.path}]
    choices += [
        {"code": code, "name": get_language_info(code)["name_local"], "url": f"?lang={code}"}
        for code, _name in settings.LANGUAGES
    ]
    for choice in choices:
        choice["current"] = choice["code"] == chosen
    return choices


def list_context(request, posts, **context) -> dict:
    posts, chosen = reading_order(request, posts)
    page = paginate(request, posts.select_related("featured_image"), narrow=True)
    return {
        "page": page,
        "prepare_cards": card_data_on_demand(lambda: page.object_list),
        "lang_filter": chosen,
        "language_filter": language_filter(request, chosen),
        **context,
    }


def latest(request):
    context = list_context(request, Post.objects.published(), nav="latest")
    return render(request, "posts/latest.html", context)


def post_for_page(request, slug: str, generation: int) -> Post:
    """get_visible_post(), kept per content generation for readers.

    Any change to a post, its authors, files, topics or comments starts a new
    generation; previews are always read from the database.
    """
    if can_preview(request.user):
        return get_visible_post(request, slug)
    key = f"portal:post:{generation}:{slug}"
    return per_generation.get_or_build(
        key, generation, lambda: get_visible_post(request, slug), as_is=True
    )


@require_safe
def detail(request, slug):
    generation = generations.current()
    try:
        post = post_for_page(request, slug, generation)
    except Http404:
        # A published post renamed since: its old address still works.
        if moved := redirect_from_old_slug(slug, Post.objects.published()):
            return moved
        raise
    # Asked only when the flag says there is something, and only by the fragments that
    # show them when they are built: no query for a post alone or a page from cache.
    translations = SimpleLazyObject(post.published_translations) if post.has_translations else []
    context = {"post": post, "translations": translations, "generation": generation}
    if post.is_published and request.user.is_authenticated and not can_preview(request.user):
        context["skeleton"] = "post"  # the same page for every member, their parts in holes
    response = render(request, "posts/detail.html", context)
    if post.is_published:  # previews of drafts never count
        count_view(request, post.pk)
        # Readers served from the page cache are counted too, by the same rules.
        on_hit(response, "posts.counting.count_view", post.pk)
    return never_cache_preview(response, is_preview=not post.is_published)


def topic(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    # By id, not slug: the planner then knows a rare topic is rare and does not walk
    # every post newest first looking for its few.
    posts = Post.objects.published().filter(tags=tag)
    context = list_context(request, posts, topic=tag)
    if context["page"].paginator.count == 0 and not context["lang_filter"]:
        raise Http404("No published posts on this topic.")
    return render(request, "posts/topic.html", context)


def author(request, slug):
    person = get_object_or_404(Author.objects.visible_to(request.user), slug=slug)
    posts = Post.objects.published().filter(post_authors__author=person)
    context = list_context(request, posts, author=person)
    response = render(request, "posts/author.html", context)
    # No published post means the author is not public yet: only a previewer gets here.
    return never_cache_preview(response, is_preview=not context["page"].paginator.count)


def trending(request):
    context = {
        "topics": trending_topics(limit=MAX_TOPICS),
        "window_days": settings.TRENDING_WINDOW_DAYS,
        "nav": "trending",
    }
    return render(request, "posts/trending.html", context)


FILTER_PARAMS = ("topic", "author", "since", "until", "sort")


def search(request):
    form = SearchForm(request.GET or None)
    form.is_valid()  # each valid field counts; an invalid one is shown with its error
    query, filters = form.query, form.filters
    page, suggestion = None, None
    if query:
        found = Post.objects.published().with_card_data()
        page = paginate_ids(request, ranked_ids(query, filters), found)
        passages = headlines(query, page.object_list)
        for post in page.object_list:  # the same instances the cards render
            post.passage = passages.get(post.pk)
        if not page.paginator.count:
            suggestion = did_you_mean(query)
    # The page links keep the cleaned words and the filters the reader chose.
    kept = {name: request.GET[name] for name in FILTER_PARAMS if request.GET.get(name)}
    params = urlencode({"q": query, **kept}, quote_via=quote)
    context = {
        "form": form,
        "query": query,
        "page": page,
        "suggestion": suggestion,
        "page_params": params,
        "filters_open": bool(kept),
        "max_results": full_text.MAX_RESULTS,
    }
    return render(request, "posts/search.html", context)
