"""Daily activity counters: one cheap UPDATE per event, no row per view."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

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


def test_later_events_cost_one_update(django_assert_num_queries):
    post = PostFactory()
    PostActivity.objects.record(post.pk, "views")

    with django_assert_num_queries(1):
        PostActivity.objects.record(post.pk, "views")
    with django_assert_num_queries(1):
        PostActivity.objects.record(post.pk, "downloads", amount=2)

    row = PostActivity.objects.get()
    assert (row.views, row.downloads) == (2, 2)


def test_first_event_of_the_day_costs_at_most_three_queries(django_assert_max_num_queries):
    post = PostFactory()

    with django_assert_max_num_queries(3):  # UPDATE (no row), INSERT, UPDATE
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


def test_reading_a_published_post_counts_a_view(client):
    post = PostFactory()

    client.get(post.get_absolute_url())
    client.get(post.get_absolute_url())

    assert PostActivity.objects.get(post=post).views == 2


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_hidden_posts_gather_no_activity(editor_client, trait):
    post = PostFactory(**{trait: True})

    assert Client().get(post.get_absolute_url()).status_code == 404
    assert editor_client.get(post.get_absolute_url()).status_code == 200  # preview

    assert not PostActivity.objects.exists()
