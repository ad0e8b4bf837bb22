"""Query budgets: a post page with 3 or 300 comments costs the same."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment, CommentStatus
from portal import generations
from tests.comments.conftest import HTMX
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def fill(post, count):
    """count top-level approved comments by different members, each with a reply."""
    users = UserFactory.create_batch(min(count, 30))
    start = timezone.now() - timedelta(days=2)
    top = Comment.objects.bulk_create(
        Comment(
            post=post,
            user=users[n % len(users)],
            body=f"Comment {n}",
            status=CommentStatus.APPROVED,
            created_at=start + timedelta(minutes=n),
        )
        for n in range(count)
    )
    Comment.objects.bulk_create(
        Comment(
            post=post,
            user=users[(n + 1) % len(users)],
            parent=parent,
            body=f"Reply {n}",
            status=CommentStatus.APPROVED,
            created_at=start + timedelta(minutes=n, seconds=30),
        )
        for n, parent in enumerate(top)
    )
    Comment.objects.recount([post.pk])
    return users


def queries_for(client, url, **extra):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **extra)
    assert response.status_code == 200
    return len(ctx.captured_queries), response


@pytest.mark.parametrize("count", [3, 300])
def test_post_page_query_budget(client, member, post, count, django_assert_max_num_queries):
    fill(post, count)

    with django_assert_max_num_queries(10):
        response = client.get(post.get_absolute_url())
    assert f"Comments ({count * 2})" in response.text
    assert "Comment 0" in response.text and "Reply 0" in response.text

    client.force_login(member)
    # The member, saved ids (cached), may they comment (cached), their pending comments.
    with django_assert_max_num_queries(5):
        client.get(post.get_absolute_url())


def test_cost_does_not_grow_with_comments(client, member, post):
    from tests.factories import PostFactory

    other = PostFactory()
    fill(post, 3)
    fill(other, 300)
    client.force_login(member)
    client.get(PostFactory().get_absolute_url())  # the member's own cached facts, read once

    small, _ = queries_for(client, post.get_absolute_url())
    large, page = queries_for(client, other.get_absolute_url())
    generations.bump()  # the partials fresh too, not the thread pages cached just now
    small_partial, _ = queries_for(client, reverse("comments:page", args=[post.slug]), **HTMX)
    generations.bump()
    large_partial, _ = queries_for(
        client, reverse("comments:page", args=[other.slug]) + "?comments_page=2", **HTMX
    )

    assert small == large
    assert small_partial == large_partial
    assert "Show more comments" in page.text
    assert "?comments_page=2#comments" in page.text  # the no-JS link


def test_show_more_returns_the_next_page_in_place(client, post, settings):
    settings.COMMENTS_PER_PAGE = 2
    fill(post, 5)
    url = reverse("comments:page", args=[post.slug])

    second = client.get(url + "?comments_page=2", **HTMX)
    last = client.get(url + "?comments_page=3", **HTMX)
    plain = client.get(url + "?comments_page=2")

    assert "Comment 2" in second.text and "Comment 3" in second.text
    assert "Comment 1" not in second.text and "<section" not in second.text
    assert "comments_page=3" in second.text
    assert "Comment 4" in last.text and "Show more comments" not in last.text
    assert plain["Location"] == f"{post.get_absolute_url()}?comments_page=2#comments"
    page = client.get(plain["Location"]).text
    assert "Comment 2" in page and "Earlier comments" in page
