"""Full-text search: ranked PostgreSQL search, a plain fallback on SQLite."""

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import Q, TextField, Value
from django.db.models.functions import Coalesce

from .models import Post

MAX_QUERY_LENGTH = 200


def clean_query(raw: str | None) -> str:
    """Trim, collapse whitespace and cap the length; absurd input becomes harmless."""
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def search_posts(query: str):
    """Published posts matching the query, best match first."""
    posts = Post.objects.published()
    if not query:
        return posts.none()
    if settings.USING_POSTGRES:
        search_query = SearchQuery(query, search_type="websearch", config="english")
        return (
            posts.filter(search_vector=search_query)
            .annotate(rank=SearchRank("search_vector", search_query))
            .order_by("-rank", "-published_at", "-pk")
        )
    words = query.split()[:10]
    condition = Q()
    for word in words:
        condition &= (
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(body__icontains=word)
            | Q(tags__name__icontains=word)
            | Q(authors__name__icontains=word)
        )
    matching = Post.objects.filter(condition).values("pk")
    return posts.filter(pk__in=matching).newest_first()


def search_vector_expression():
    """What a post's search_vector holds, weighted: title A, summary B, body C, topics and authors D."""
    return (
        SearchVector("title", weight="A", config="english")
        + SearchVector("summary", weight="B", config="english")
        + SearchVector("body", weight="C", config="english")
        + SearchVector(
            Coalesce("_topics", Value(""), output_field=TextField()), weight="D", config="english"
        )
        + SearchVector(
            Coalesce("_authors", Value(""), output_field=TextField()), weight="D", config="english"
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
