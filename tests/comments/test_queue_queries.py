"""The moderation queue costs the same with a handful of comments or hundreds."""

import pytest
from django.urls import reverse

from comments.models import Comment, CommentStatus
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:comments_comment_changelist")


def fill(count: int) -> None:
    posts = PostFactory.create_batch(3)
    users = UserFactory.create_batch(3)
    statuses = list(CommentStatus)
    Comment.objects.bulk_create(
        Comment(
            post=posts[n % 3],
            user=users[n % 3],
            body=f"Comment {n}",
            status=statuses[n % len(statuses)],
        )
        for n in range(count)
    )


@pytest.mark.parametrize("count", [4, 400])
@pytest.mark.parametrize("query", ["", "?status=all"])
def test_queue_query_count_does_not_grow(
    moderator_client, django_assert_max_num_queries, count, query
):
    fill(count)

    # session, user, permissions, one count (no "N total"), the page with its posts and
    # users, the date hierarchy, the reports inline's flag count: fixed, whatever the size.
    with django_assert_max_num_queries(10):
        response = moderator_client.get(QUEUE + query)

    assert response.status_code == 200
    expected = count if query else count // 4
    assert response.context["cl"].result_count == expected
