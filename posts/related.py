"""More on this topic: published posts that share topics or authors with a post.

One query. Candidates are the newest CANDIDATES posts sharing anything with it
(index-friendly at 100,000 posts); among them, the most shared topics and authors
come first, then the newest.
"""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from taggit.models import TaggedItem

from .models import Post, PostAuthor

LIMIT = 4
CANDIDATES = 200


def related_to(post: Post, limit: int = LIMIT) -> list[Post]:
    tag_ids = [tag.pk for tag in post.tags.all()]  # prefetched with the post page
    author_ids = [author.pk for author in post.ordered_authors]
    if not tag_ids and not author_ids:
        return []
    tagged = TaggedItem.objects.filter(
        tag_id__in=tag_ids, content_type__app_label="posts", content_type__model="post"
    )
    written = PostAuthor.objects.filter(author_id__in=author_ids)
    # In the post's language, and never its own translations ("Also in" lists those).
    same_group = Post.objects.in_group(post.translation_group_id).values("pk")
    candidates = (
        Post.objects.published()
        .filter(Q(pk__in=tagged.values("object_id")) | Q(pk__in=written.values("post_id")))
        .filter(language=post.language)
        .exclude(pk__in=same_group)
        .exclude(pk=post.pk)
        .values("pk")[:CANDIDATES]
    )

    def shared(rows, column):
        counted = rows.filter(**{column: OuterRef("pk")}).order_by().values(column)
        return Coalesce(
            Subquery(counted.annotate(n=Count("pk")).values("n"), output_field=IntegerField()),
            Value(0),
        )

    return list(
        Post.objects.filter(pk__in=candidates)
        .annotate(shared=shared(tagged, "object_id") + shared(written, "post_id"))
        .order_by("-shared", "-published_at", "-pk")
        .only("pk", "title", "slug", "published_at", "summary")[:limit]
    )
