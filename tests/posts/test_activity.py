"""Daily activity counters: one cheap UPDATE per event, no row per view."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from posts.counting import flush_activity_counts
from posts.models import PostActivity
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def test_first_event_of_the_day_creates_the_row():
    post = PostFactory()

    PostActivity.objects.record(post.pk, "views")

    row = PostActivity.objects.get()
    assert (row.post_id, row.day, row.views, row.downloads) == (
        post.pk,
        timezone.localdate(),
        1,
        0,
    )


def test_later_events_cost_three_queries(django_assert_num_queries):
    post = PostFactory(topics=["Diaspora", "Remittances"])
    PostActivity.objects.record(post.pk, "views")

    # The post's row, its published topics, their rows (posts.topic_activity).
    with django_assert_num_queries(3):
        PostActivity.objects.record(post.pk, "views")
    with django_assert_num_queries(3):
        PostActivity.objects.record(post.pk, "downloads", amount=2)

    row = PostActivity.objects.get()
    assert (row.views, row.downloads) == (2, 2)


def test_first_event_of_the_day_costs_at_most_eight_queries(django_assert_max_num_queries):
    post = PostFactory(topics=["Diaspora"])

    # UPDATE (no row), post exists?, INSERT, UPDATE; topics; their UPDATE, which exist, INSERT
    with django_assert_max_num_queries(8):
        PostActivity.objects.record(post.pk, "saves")

    assert PostActivity.objects.get().saves == 1


def test_each_day_has_its_own_row():
    post = PostFactory()
    yesterday = timezone.localdate() - timedelta(days=1)

    PostActivity.objects.record(post.pk, "views", day=yesterday)
    PostActivity.objects.record(post.pk, "views")
    PostActivity.objects.record(post.pk, "views")

    counts = dict(PostActivity.objects.values_list("day", "views"))
    assert counts == {yesterday: 1, timezone.localdate(): 2}


def test_unknown_kind_is_refused():
    post = PostFactory()

    with pytest.raises(ValueError, match="Unknown activity"):
        PostActivity.objects.record(post.pk, "post_id")

    assert not PostActivity.objects.exists()


def test_deleted_post_gets_no_row():
    post = PostFactory()
    post_id = post.pk
    post.delete()

    PostActivity.objects.add(post_id, timezone.localdate(), {"views": 3})

    assert not PostActivity.objects.exists()


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_hidden_posts_gather_no_activity(editor_client, trait):
    post = PostFactory(**{trait: True})

    assert Client().get(post.get_absolute_url()).status_code == 404
    assert editor_client.get(post.get_absolute_url()).status_code == 200  # preview
    flush_activity_counts()

    assert not PostActivity.objects.exists()
