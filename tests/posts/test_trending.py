"""Trending topics: recent activity counts, older activity fades, drafts never count."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from posts.models import Post, PostActivity, PostStatus, TopicActivity, TrendingTopic
from posts.topic_activity import rebuild_topic_activity
from posts.trending import compute_trending_topics, refresh_trending_snapshot, trending_topics
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _decay_settings(settings):
    settings.TRENDING_WINDOW_DAYS = 14
    settings.TRENDING_HALF_LIFE_DAYS = 3


def days_ago(n: int):
    return timezone.localdate() - timedelta(days=n)


def activity(post, age: int = 0, **counts) -> None:
    PostActivity.objects.add(post.pk, days_ago(age), counts)


def ranking() -> list[str]:
    return [topic.name for topic in compute_trending_topics()]


@pytest.mark.parametrize(
    ("old_views", "expected"),
    [
        # 30 views 9 days ago weigh 30 / 2**3 = 3.75 < 10 views today.
        (30, ["Recent", "Older"]),
        # 100 views 9 days ago weigh 12.5 > 10: the decay says the old topic still leads.
        (100, ["Older", "Recent"]),
    ],
)
def test_recent_activity_beats_older_larger_activity_as_the_decay_says(old_views, expected):
    activity(PostFactory(topics=["Recent"]), age=0, views=10)
    activity(PostFactory(topics=["Older"]), age=9, views=old_views)

    assert ranking() == expected


def test_score_weights_each_kind_of_activity():
    activity(PostFactory(topics=["Busy"]), age=0, views=1, saves=1, comments=1, downloads=1)
    activity(PostFactory(topics=["Halved"]), age=3, views=4)  # one half-life ago: 2.0

    scores = {topic.name: topic.score for topic in compute_trending_topics()}

    assert scores == {"Busy": 7.0, "Halved": 2.0}


def test_comment_outweighs_two_views():
    activity(PostFactory(topics=["Discussed"]), comments=1)
    activity(PostFactory(topics=["Read"]), views=2)

    assert ranking() == ["Discussed", "Read"]


def test_activity_outside_the_window_is_ignored():
    activity(PostFactory(topics=["Ancient"]), age=14, views=1000)
    activity(PostFactory(topics=["Current"]), age=13, views=1)

    assert ranking() == ["Current"]


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_activity_of_hidden_posts_is_ignored(trait):
    hidden = PostFactory(topics=["Secret", "Shared"], **{trait: True})
    activity(hidden, views=1000, comments=50)
    visible = PostFactory(topics=["Shared"])
    activity(visible, views=3)

    topics = compute_trending_topics()

    assert [(t.name, t.score, t.posts, t.reads_this_week) for t in topics] == [
        ("Shared", 3.0, 1, 3)
    ]


def test_unpublished_post_leaves_the_stored_ranking_once_the_change_commits(
    django_capture_on_commit_callbacks,
):
    post = PostFactory(topics=["Withdrawn"])
    activity(post, views=5)
    refresh_trending_snapshot()
    assert [t.name for t in trending_topics()] == ["Withdrawn"]

    with django_capture_on_commit_callbacks(execute=True):
        post.status = PostStatus.DRAFT
        post.save()

    assert trending_topics() == []
    assert not TrendingTopic.objects.exists()


def test_pages_never_compute_the_ranking_they_read_the_stored_one(client):
    activity(PostFactory(topics=["Fresh"]), views=5)

    assert "Nothing is trending yet" in client.get(reverse("posts:trending")).text

    call_command("compute_trending", stdout=StringIO())

    assert "Fresh" in client.get(reverse("posts:trending")).text


def test_trending_page_shows_the_counts_behind_the_order(client):
    post = PostFactory(topics=["Diaspora"])
    activity(post, age=0, views=5, saves=2, comments=1, downloads=3)
    activity(post, age=10, views=4)
    refresh_trending_snapshot()

    (row,) = TrendingTopic.objects.all()
    text = client.get(reverse("posts:trending")).text

    assert (row.rank, row.reads, row.saves, row.comments, row.downloads) == (1, 9, 2, 1, 3)
    assert "<td>9</td>\n        <td>2</td>\n        <td>1</td>\n        <td>3</td>" in text


def test_why_a_topic_trends_counts_posts_and_reads_this_week(client):
    posts = [PostFactory(topics=["Diaspora"]) for _ in range(3)]
    PostFactory(topics=["Diaspora"], draft=True)
    activity(posts[0], age=0, views=5)
    activity(posts[1], age=3, views=7, saves=2)
    activity(posts[2], age=6, views=1)
    activity(posts[0], age=8, views=100)  # in the window, not this week

    (topic,) = compute_trending_topics()

    assert (topic.posts, topic.reads_this_week) == (3, 13)
    refresh_trending_snapshot()
    text = client.get(reverse("posts:latest")).text
    assert "3 posts · 13 reads this week" in text
    assert 'href="/topics/diaspora/"' in text


def test_singular_wording(client):
    activity(PostFactory(topics=["Return"]), views=1)
    refresh_trending_snapshot()

    text = client.get(reverse("posts:latest")).text  # the panel

    assert "1 post · 1 read this week" in text


def test_topics_are_ranked_and_limited():
    for i in range(12):
        activity(PostFactory(topics=[f"Topic {i:02}"]), views=i + 1)
    refresh_trending_snapshot()

    names = [topic.name for topic in trending_topics(limit=5)]

    assert names == ["Topic 11", "Topic 10", "Topic 09", "Topic 08", "Topic 07"]
    assert len(trending_topics(limit=30)) == 12


def test_nothing_trending_yet(client):
    PostFactory(topics=["Quiet"])

    text = client.get(reverse("posts:trending")).text

    assert "Nothing is trending yet" in text


@pytest.mark.parametrize("count", [2, 40])
def test_ranking_costs_three_queries_however_many_topics(django_assert_num_queries, count):
    ContentType.objects.get_for_model(Post)  # cached per process in real use
    for i in range(count):
        post = PostFactory(topics=[f"Topic {i}", f"Topic {i + 1}", "Common"])
        activity(post, views=i + 1, comments=1)

    # Activity per post joined to topics, the topics' names, their published post counts.
    with django_assert_num_queries(3):
        topics = compute_trending_topics(limit=30)

    assert topics[0].name == "Common"
    assert topics[0].posts == count


PANEL = Template("{% load posts_tags %}{% trending_panel %}")


def test_warm_panel_costs_no_query_with_a_memory_cache(django_assert_num_queries):
    activity(PostFactory(topics=["Diaspora"]), views=2)
    refresh_trending_snapshot()
    PANEL.render(Context())  # warms the cache

    with django_assert_num_queries(0):
        html = PANEL.render(Context())

    assert "Diaspora" in html


def test_warm_panel_costs_one_query_with_the_database_cache(settings, django_assert_num_queries):
    """Production without Redis uses the database cache: one SELECT for the whole panel."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        }
    }
    call_command("createcachetable", verbosity=0)  # the suite otherwise runs on locmem
    activity(PostFactory(topics=["Diaspora"]), views=2)
    refresh_trending_snapshot()
    PANEL.render(Context())

    with django_assert_num_queries(1):
        html = PANEL.render(Context())

    assert "Diaspora" in html


def test_a_recomputed_ranking_that_changed_nothing_keeps_cached_pages(client):
    from portal import generations

    activity(PostFactory(topics=["Fresh"]), views=5)
    call_command("compute_trending", stdout=StringIO())
    before = generations.current()

    call_command("compute_trending", stdout=StringIO())

    assert generations.current() == before


def topic_sums() -> set[tuple]:
    return set(TopicActivity.objects.values_list("tag__name", "day", "views", "saves"))


def test_running_topic_sums_match_a_rebuild_from_post_activity():
    first = PostFactory(topics=["Diaspora", "Remittances"])
    activity(first, age=0, views=3)
    activity(first, age=0, saves=1)
    activity(PostFactory(topics=["Diaspora"]), age=2, views=4)
    running = topic_sums()

    rebuild_topic_activity(days_ago(14))

    assert (
        running
        == topic_sums()
        == {
            ("Diaspora", days_ago(0), 3, 1),
            ("Remittances", days_ago(0), 3, 1),
            ("Diaspora", days_ago(2), 4, 0),
        }
    )


def test_a_retagged_post_takes_its_activity_along_once_the_change_commits(
    django_capture_on_commit_callbacks,
):
    post = PostFactory(topics=["Before"])
    activity(post, views=5)
    refresh_trending_snapshot()

    with django_capture_on_commit_callbacks(execute=True):
        post.tags.set(["After"])

    assert [t.name for t in trending_topics()] == ["After"]
