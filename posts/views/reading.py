"""The public reading pages: latest posts, a post, topics, authors, search."""

import unicodedata

from django.http import Http404
from django.shortcuts import get_object_or_404, render
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


def latest(request):
    page = paginate(request, Post.objects.published().with_card_data())
    return render(request, "posts/latest.html", {"page": page, "nav": "latest"})


def detail(request, slug):
    post = get_visible_post(request, slug)
    if post.is_published:
        PostActivity.objects.record(post.pk, "views")
    response = render(request, "posts/detail.html", {"post": post})
    return never_cache_preview(response, is_preview=not post.is_published)


def topic(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    posts = Post.objects.published().filter(tags__slug=slug).with_card_data()
    page = paginate(request, posts)
    if page.paginator.count == 0:
        raise Http404("No published posts on this topic.")
    return render(request, "posts/topic.html", {"topic": tag, "page": page})


def author(request, slug):
    person = get_object_or_404(Author.objects.visible_to(request.user), slug=slug)
    posts = Post.objects.published().filter(post_authors__author=person)
    page = paginate(request, posts.with_card_data())
    response = render(request, "posts/author.html", {"author": person, "page": page})
    # No published post means the author is not public yet: only a previewer gets here.
    return never_cache_preview(response, is_preview=not page.paginator.count)


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
