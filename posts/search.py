"""Full-text search: ranked PostgreSQL search, a plain fallback on SQLite."""

import unicodedata

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F, Q, TextField, Value
from django.db.models.functions import Coalesce

from .models import Post
from .multilingual import search_config

MAX_QUERY_LENGTH = 200
# Only the newest matches are ranked and counted: a word in every other post would
# otherwise rank and count tens of thousands of rows for a page of ten.
MAX_RESULTS = 1000


def clean_query(raw: str | None) -> str:
    """Trim, collapse whitespace and cap the length; absurd input becomes harmless.

    Control characters become spaces first: PostgreSQL refuses NUL in a string
    and SQLite's LIKE stops at it.
    """
    printable = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in raw or "")
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def newest_matches(matches):
    """At most MAX_RESULTS matching posts, the newest: what search ranks and counts."""
    return Post.objects.filter(pk__in=matches.values("pk")[:MAX_RESULTS])  # newest: Meta.ordering


def search_posts(query: str):
    """Published posts matching the query, best match first (among the newest MAX_RESULTS)."""
    posts = Post.objects.published()
    if not query:
        return posts.none()
    if settings.USING_POSTGRES:
        # Each post is matched and ranked with its own language's configuration.
        search_query = SearchQuery(query, search_type="websearch", config=search_config())
        return (
            newest_matches(posts.filter(search_vector=search_query))
            # F(), not the bare name: a string would be re-parsed with to_tsvector(),
            # losing the stored A-D weights and ranking a title like a body.
            .annotate(rank=SearchRank(F("search_vector"), search_query))
            .order_by("-rank", "-published_at", "-pk")
        )
    # One-letter words match nearly every post with LIKE (PostgreSQL drops most as stop words).
    words = [word for word in query.split() if len(word) > 1][:10]
    if not words:
        return posts.none()
    condition = Q()
    for word in words:
        # Topics and authors through subqueries: each word may match a different
        # topic or author, and no join multiplies the rows.
        condition &= (
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(body__icontains=word)
            | Q(pk__in=Post.objects.filter(tags__name__icontains=word).values("pk"))
            | Q(pk__in=Post.objects.filter(authors__name__icontains=word).values("pk"))
        )
    return newest_matches(posts.filter(condition))


def search_vector_expression():
    """What a post's search_vector holds, weighted: title A, summary B, body C, topics and authors D.

    Stemmed with the configuration of the post's language (posts.multilingual).
    """
    config = search_config()
    return (
        SearchVector("title", weight="A", config=config)
        + SearchVector("summary", weight="B", config=config)
        + SearchVector("body", weight="C", config=config)
        + SearchVector(
            Coalesce("_topics", Value(""), output_field=TextField()), weight="D", config=config
        )
        + SearchVector(
            Coalesce("_authors", Value(""), output_field=TextField()), weight="D", config=config
        )
    )


def update_search_vectors(post_ids) -> None:
    """Recompute the stored vector of some posts (PostgreSQL only)."""
    if not settings.USING_POSTGRES:
        return
    from django.db.models import OuterRef, StringAgg, Subquery

    from .models import PostAuthor

    topics = (
        Post.tags.through.objects.filter(object_id=OuterRef("pk"), content_type__model="post")
        .values("object_id")
        .annotate(text=StringAgg("tag__name", delimiter=Value(" ")))
        .values("text")
    )
    authors = (
        PostAuthor.objects.filter(post_id=OuterRef("pk"))
        .values("post_id")
        .annotate(text=StringAgg("author__name", delimiter=Value(" ")))
        .values("text")
    )
    vectors = (
        Post.objects.filter(pk=OuterRef("pk"))
        .annotate(_topics=Subquery(topics), _authors=Subquery(authors))
        .values(vector=search_vector_expression())
    )
    Post.objects.filter(pk__in=list(post_ids)).update(search_vector=Subquery(vectors))
