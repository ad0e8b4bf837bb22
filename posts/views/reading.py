"""The public reading pages: latest posts, a post, topics, authors, search."""

import unicodedata

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from portal import generations
from portal.pagecache import on_hit

from ..models import Attachment, Author, Post, PostActivity
from ..pagination import paginate
from ..search import clean_query, search_posts
from ..trending import trending_topics


def get_visible_post(request, slug: str) -> Post:
    """The post a reader may see, with everything its page shows, or 404.

    Staff see drafts and scheduled posts too: that is the editor's preview.
    Published posts are kept in the cache per content generation (any change
    to a post, its authors, files, topics or comments starts a new one).
    """
    posts = (
        Post.objects.visible_to(request.user)
        .with_card_data()
        .prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.order_by("position", "pk"))
        )
    )
    if request.user.is_staff:
        return get_object_or_404(posts, slug=slug)
    key = f"portal:post:{generations.current()}:{slug}"
    post = cache.get(key)
    if post is None:
        post = get_object_or_404(posts, slug=slug)
        cache.set(key, post, settings.PAGE_CACHE_SECONDS)
    return post


def search_terms(raw: str | None) -> str:
    """The reader's query without control characters (PostgreSQL rejects NUL), cleaned."""
    text = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in (raw or "")[:1000]
    )
    return clean_query(text)


def latest(request):
    page = paginate(request, Post.objects.published().newest_first().with_card_data())
    return render(request, "posts/latest.html", {"page": page, "nav": "latest"})


def record_view(post_id: int) -> None:
    PostActivity.objects.record(post_id, "views")


def detail(request, slug):
    post = get_visible_post(request, slug)
    context = {"post": post, "generation": generations.current()}
    response = render(request, "posts/detail.html", context)
    if post.is_published:
        record_view(post.pk)
        # Readers served from the page cache are counted too.
        on_hit(response, "posts.views.reading.record_view", post.pk)
    return response


def topic(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    posts = Post.objects.published().filter(tags__slug=slug).newest_first().with_card_data()
    page = paginate(request, posts)
    if page.paginator.count == 0:
        raise Http404("No published posts on this topic.")
    return render(request, "posts/topic.html", {"topic": tag, "page": page})


def author(request, slug):
    person = get_object_or_404(Author.objects.visible_to(request.user), slug=slug)
    posts = Post.objects.published().filter(post_authors__author=person).newest_first()
    page = paginate(request, posts.with_card_data())
    return render(request, "posts/author.html", {"author": person, "page": page})


def trending(request):
    return render(
        request, "posts/trending.html", {"topics": trending_topics(limit=30), "nav": "trending"}
    )


def search(request):
    query = search_terms(request.GET.get("q"))
    page = paginate(request, search_posts(query).with_card_data()) if query else None
    return render(request, "posts/search.html", {"query": query, "page": page})
