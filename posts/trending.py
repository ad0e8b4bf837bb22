"""Trending topics: reader activity in a recent window, older activity fading.

Each kind of activity is a column of PostActivity with a weight here; a new
kind of activity is a new entry in WEIGHTS, not a new algorithm.

The ranking is never computed in a reader's request: ``refresh_trending_snapshot``
(the ``compute_trending`` command, the ``compute_trending_task`` task, and a
refresh queued when a post or topic changes) writes it into TrendingTopic, and
pages read that small table. Until the first refresh the pages show their
empty state.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import Case, Count, F, FloatField, Q, Sum, Value, When
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from portal import generations

from .models import Post, PostActivity, TopicActivity, TrendingTopic
from .topic_activity import rebuild_topic_activity

WEIGHTS = {"views": 1, "saves": 2, "comments": 3, "downloads": 1}
# Computed once for the longest list shown (the Trending topics page); panels take a slice.
MAX_TOPICS = 30
CACHE_KEY = "trending-topics:snapshot"
CACHE_SECONDS = 300
REFRESH_QUEUED_KEY = "trending-topics:refresh-queued"
REFRESH_DEBOUNCE_SECONDS = 10
# The per-topic sums are rebuilt when content changed, and at least this often.
REBUILD_NEEDED_KEY = "trending-topics:rebuild-needed"
REBUILT_KEY = "trending-topics:rebuilt"
REBUILD_EVERY_SECONDS = 24 * 60 * 60


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


def _topic_totals(today, limit: int) -> list[tuple]:
    """Each topic's score and figures over the window, from the per-topic daily sums.

    At most topics × window rows: fast at any number of posts (see posts.topic_activity).
    """
    window = settings.TRENDING_WINDOW_DAYS
    week = Q(day__gt=today - timedelta(days=7))
    weighted = sum(F(kind) * weight for kind, weight in WEIGHTS.items())
    return list(
        TopicActivity.objects.filter(day__gt=today - timedelta(days=window))
        .order_by()
        .values("tag_id")
        .annotate(
            total=Sum(weighted * _decay(today, window, settings.TRENDING_HALF_LIFE_DAYS)),
            reads_this_week=Sum("views", filter=week, default=0),
            **{kind: Sum(kind) for kind in PostActivity.KINDS},
        )
        .filter(total__gt=0)
        .order_by("-total", "tag_id")
        .values_list("tag_id", "total", "reads_this_week", *PostActivity.KINDS)[:limit]
    )


def compute_trending_topics(limit: int = MAX_TOPICS) -> list[TrendingTopic]:
    """The ranking as unsaved rows: three queries, none of them per topic."""
    today = timezone.localdate()
    now = timezone.now()
    totals = _topic_totals(today, limit)
    tag_ids = [row[0] for row in totals]
    tags = Tag.objects.in_bulk(tag_ids)
    post_counts = dict(
        TaggedItem.objects.filter(
            tag_id__in=tag_ids,
            content_type=ContentType.objects.get_for_model(Post),
            object_id__in=Post.objects.published().values("pk"),
        )
        .values_list("tag_id")
        .annotate(n=Count("pk"))
    )
    topics = [
        TrendingTopic(
            tag=tags[tag_id],
            score=round(score, 2),
            posts=post_counts.get(tag_id, 0),
            reads_this_week=week or 0,
            reads=views or 0,
            saves=saves or 0,
            comments=comments or 0,
            downloads=downloads or 0,
            computed_at=now,
        )
        for tag_id, score, week, views, saves, comments, downloads in totals
        if tag_id in tags
    ]
    topics.sort(key=lambda topic: (-topic.score, topic.name))
    for rank, topic in enumerate(topics, start=1):
        topic.rank = rank
    return topics


def refresh_topic_sums(force: bool = False) -> bool:
    """Rebuild the per-topic daily sums if content changed since, or a day went by."""
    if not (force or cache.get(REBUILD_NEEDED_KEY) or not cache.get(REBUILT_KEY)):
        return False
    cache.delete(REBUILD_NEEDED_KEY)  # before: a change during the rebuild asks again
    today = timezone.localdate()
    rebuild_topic_activity(today - timedelta(days=settings.TRENDING_WINDOW_DAYS))
    cache.set(REBUILT_KEY, 1, REBUILD_EVERY_SECONDS)
    return True


def refresh_trending_snapshot(rebuild: bool = False) -> int:
    """Recompute the ranking and replace the stored one; returns the number of topics."""
    refresh_topic_sums(force=rebuild)
    topics = compute_trending_topics(MAX_TOPICS)
    shown = snapshot_figures(topics)
    with transaction.atomic():
        changed = shown != snapshot_figures(TrendingTopic.objects.all())
        TrendingTopic.objects.all().delete()
        TrendingTopic.objects.bulk_create(topics)
        if changed:  # pages show the panel: only a different ranking makes them stale
            generations.bump()
    cache.delete(CACHE_KEY)
    return len(topics)


def snapshot_figures(topics) -> list[tuple]:
    """What readers see of a ranking: the order and the figures beside each topic."""
    return [
        (t.tag_id, t.posts, t.reads_this_week, t.reads, t.saves, t.comments, t.downloads)
        for t in topics
    ]


def trending_topics(limit: int = 10) -> list[TrendingTopic]:
    """The stored ranking; cached, so the panel on every list page costs at most one query."""
    topics = cache.get(CACHE_KEY)
    if topics is None:
        topics = list(TrendingTopic.objects.select_related("tag")[:MAX_TOPICS])
        cache.set(CACHE_KEY, topics, CACHE_SECONDS)
    return topics[:limit]


def queue_trending_refresh() -> None:
    """After the change commits, refresh the ranking in the background.

    A post unpublished or retagged leaves the ranking without waiting for the
    periodic run. A burst of edits (an admin action on fifty posts, the demo
    loader) queues one refresh per REFRESH_DEBOUNCE_SECONDS; the periodic run
    covers edits later in the burst.
    """

    def enqueue():
        from .tasks import compute_trending_task

        cache.set(REBUILD_NEEDED_KEY, 1, None)
        if cache.add(REFRESH_QUEUED_KEY, 1, REFRESH_DEBOUNCE_SECONDS):
            compute_trending_task.enqueue()

    transaction.on_commit(enqueue)
