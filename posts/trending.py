"""Trending topics: reader activity in a recent window, older activity fading.

Each kind of activity is a column of PostActivity with a weight here; a new
kind of activity is a new entry in WEIGHTS, not a new algorithm.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Case, Count, F, FloatField, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from taggit.models import TaggedItem

from .models import Post, PostActivity

WEIGHTS = {"views": 1, "saves": 2, "comments": 3, "downloads": 1}
CACHE_SECONDS = 300
# Computed once for the longest list shown (the Trending topics page); panels take a slice.
MAX_TOPICS = 30


@dataclass(frozen=True)
class TrendingTopic:
    name: str
    slug: str
    score: float
    posts: int
    reads_this_week: int


def _decay(today, window_days: int, half_life: int) -> Case:
    """Weight of a day's activity: 1 today, halving every half_life days."""
    return Case(
        *[
            When(day=today - timedelta(days=age), then=Value(0.5 ** (age / half_life)))
            for age in range(window_days)
        ],
        default=Value(0.0),
        output_field=FloatField(),
    )


def compute_trending_topics(limit: int = 10) -> list[TrendingTopic]:
    """One query: score, weekly reads and post count per topic."""
    today = timezone.localdate()
    window = settings.TRENDING_WINDOW_DAYS
    activity = sum(F(kind) * weight for kind, weight in WEIGHTS.items())
    published = Post.objects.published()
    post_type = ContentType.objects.get_for_model(Post)
    post_counts = (
        TaggedItem.objects.filter(
            tag_id=OuterRef("tag_id"),
            content_type=post_type,
            object_id__in=published.values("pk"),
        )
        .values("tag_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rows = (
        PostActivity.objects.filter(
            day__gt=today - timedelta(days=window),
            post__in=published,
            post__tags__isnull=False,
        )
        .values(tag_id=F("post__tags__id"), name=F("post__tags__name"), slug=F("post__tags__slug"))
        .annotate(
            score=Sum(activity * _decay(today, window, settings.TRENDING_HALF_LIFE_DAYS)),
            reads=Coalesce(Sum("views", filter=Q(day__gt=today - timedelta(days=7))), 0),
            posts=Subquery(post_counts),
        )
        .filter(score__gt=0)
        .order_by("-score", "name")[:limit]
    )
    return [
        TrendingTopic(
            name=row["name"],
            slug=row["slug"],
            score=round(row["score"], 2),
            posts=row["posts"] or 0,
            reads_this_week=row["reads"],
        )
        for row in rows
    ]


def _cache_key() -> str:
    # The day is in the key: decay weights change at midnight.
    return f"trending-topics:{timezone.localdate().isoformat()}"


def trending_topics(limit: int = 10) -> list[TrendingTopic]:
    """Cached for a few minutes: the panel is on every list page (one cache read)."""
    topics = cache.get(_cache_key())
    if topics is None:
        topics = compute_trending_topics(MAX_TOPICS)
        cache.set(_cache_key(), topics, CACHE_SECONDS)
    return topics[:limit]


def forget_trending_topics() -> None:
    """Drop the cached ranking, e.g. when a post is unpublished or its topics change."""
    cache.delete(_cache_key())
