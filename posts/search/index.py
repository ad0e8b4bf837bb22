"""What search matches against, kept up to date by posts.signals.

- PostgreSQL: ``Post.search_vector``, a weighted tsvector built with the text search
  configuration of the post's language (``<language>_unaccent``: accents folded).
- SQLite: ``Post.search_text``, a folded copy of the same words, in sections, so a
  match can be ranked by where it falls: title, then summary, then the rest.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.db.models import OuterRef, StringAgg, Subquery, TextField, Value
from django.db.models.functions import Coalesce

from ..models import Post, PostAuthor
from ..multilingual import search_config
from .folding import fold, plain_text

# Section marks in search_text: clean_query() strips control characters, so no
# query can match them.
END_OF_TITLE = "\x1e"
END_OF_SUMMARY = "\x1f"


def search_vector_expression():
    """A post's weighted vector: title A, summary B, body C, topics and authors D.

    Stemmed with its language's configuration, accents folded (posts.multilingual).
    """
    config = search_config()

    def part(expression, weight):
        return SearchVector(expression, weight=weight, config=config)

    return (
        part("title", "A")
        + part("summary", "B")
        + part("body", "C")
        + part(Coalesce("_topics", Value(""), output_field=TextField()), "D")
        + part(Coalesce("_authors", Value(""), output_field=TextField()), "D")
    )


def folded_search_text(title, summary, body, topics: list[str], authors: list[str]) -> str:
    """The SQLite copy: folded title, summary, then body, topics and authors."""
    rest = " ".join([plain_text(body), *topics, *authors])
    return (
        fold(" ".join(title.split()))
        + END_OF_TITLE
        + fold(" ".join(summary.split()))
        + END_OF_SUMMARY
        + fold(rest)
    )


def update_search_vectors(post_ids) -> None:
    """Recompute what search matches for some posts: the vector, or the folded copy."""
    post_ids = list(post_ids)
    if not post_ids:
        return
    if settings.USING_POSTGRES:
        _update_vectors(post_ids)
    else:
        _update_folded_text(post_ids)


def _update_vectors(post_ids) -> None:
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
    Post.objects.filter(pk__in=post_ids).update(search_vector=Subquery(vectors))


def _update_folded_text(post_ids) -> None:
    # Named columns only (no whole rows): the migration that adds search_text runs this too.
    topics, authors = defaultdict(list), defaultdict(list)
    tagged = Post.tags.through.objects.filter(object_id__in=post_ids, content_type__model="post")
    for post_id, name in tagged.values_list("object_id", "tag__name"):
        topics[post_id].append(name)
    links = PostAuthor.objects.filter(post_id__in=post_ids)  # in order: Meta.ordering
    for post_id, name in links.values_list("post_id", "author__name"):
        authors[post_id].append(name)
    rows = Post.objects.filter(pk__in=post_ids).values_list("pk", "title", "summary", "body")
    folded = [
        Post(pk=pk, search_text=folded_search_text(title, summary, body, topics[pk], authors[pk]))
        for pk, title, summary, body in rows
    ]
    Post.objects.bulk_update(folded, ["search_text"], batch_size=200)
