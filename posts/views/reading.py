"""The public reading pages: latest posts, a post, topics, authors, search."""

import unicodedata

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language_info, gettext
from taggit.models import Tag

from ..models import Author, Post, PostActivity, get_visible_post
from ..pagination import paginate
from ..preview import never_cache_preview
from ..search import clean_query, search_posts
from ..trending import MAX_TOPICS, trending_topics


def search_terms(raw: str | None) -> str:
    """The reader's query without control characters (PostgreSQL rejects NUL), cleaned."""
    text = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in (raw or "")[:1000]
    )
    return clean_query(text)


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
    return {
        "page": paginate(request, posts.with_card_data()),
        "lang_filter": chosen,
        "language_filter": language_filter(request, chosen),
        **context,
    }


def latest(request):
    context = list_context(request, Post.objects.published(), nav="latest")
    return render(request, "posts/latest.html", context)


def detail(request, slug):
    post = get_visible_post(request, slug)
    if post.is_published:
        PostActivity.objects.record(post.pk, "views")
    # Asked only when the flag says there is something: no query for a post alone.
    translations = post.published_translations() if post.has_translations else []
    response = render(request, "posts/detail.html", {"post": post, "translations": translations})
    return never_cache_preview(response, is_preview=not post.is_published)


def topic(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    posts = Post.objects.published().filter(tags__slug=slug)
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
    return render(
        request,
        "posts/trending.html",
        {"topics": trending_topics(limit=MAX_TOPICS), "nav": "trending"},
    )


def search(request):
    query = search_terms(request.GET.get("q"))
    page = paginate(request, search_posts(query).with_card_data()) if query else None
    return render(request, "posts/search.html", {"query": query, "page": page})
