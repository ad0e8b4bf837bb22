"""The moderation queue costs the same with a handful of comments or hundreds."""

import pytest
from django.db import connection
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
    # users, the reports inline's flag count: fixed, whatever the size.
    with django_assert_max_num_queries(9):
        response = moderator_client.get(QUEUE + query)

    assert response.status_code == 200
    expected = count if query else count // 4
    assert response.context["cl"].result_count == expected


def test_queue_shows_25_comments_a_page_and_no_year_links(moderator_client):
    fill(104)  # 26 pending

    response = moderator_client.get(QUEUE)

    assert len(response.context["cl"].result_list) == 25
    assert response.context["cl"].paginator.num_pages == 2
    assert response.context["cl"].date_hierarchy is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
def test_queue_order_and_author_history_are_read_from_indexes():
    from django.contrib.admin.sites import site

    from comments.admin import CommentAdmin

    fill(40)
    ordering = CommentAdmin(Comment, site).get_ordering(None)
    queue = Comment.objects.order_by(*ordering)[:25]
    history = Comment.objects.filter(user=UserFactory(), status=CommentStatus.APPROVED)

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plans = {}
        for name, queryset in [("queue", queue), ("history", history)]:
            sql, params = queryset.values("pk").query.sql_with_params()
            cursor.execute(f"EXPLAIN {sql}", params)
            plans[name] = " ".join(row[0] for row in cursor.fetchall())

    assert "comment_pending_first_idx" in plans["queue"]
    assert "Sort" not in plans["queue"]
    assert "comment_author_history_idx" in plans["history"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
def test_author_history_is_counted_from_the_index_alone():
    fill(40)
    queue = Comment.objects.with_author_history().values("author_approved", "author_rejected")

    with connection.cursor() as cursor:
        # As at 200,000 comments: no plan that reads the rows (a bitmap or a table scan).
        for setting in ["enable_seqscan", "enable_bitmapscan"]:
            cursor.execute(f"SET LOCAL {setting} = off")
        sql, params = queue.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = " ".join(row[0] for row in cursor.fetchall())

    assert plan.count("Index Only Scan using comment_author_history_idx") == 2


@pytest.mark.parametrize(("count", "shown"), [(60, "30+"), (28, "28")])
def test_queue_counts_up_to_the_limit_and_says_so(moderator_client, monkeypatch, count, shown):
    monkeypatch.setattr("comments.admin.CommentAdmin.count_limit", 30)
    fill(count)

    response = moderator_client.get(QUEUE + "?status=all")
    text = " ".join(response.text.split())

    assert f"{shown} comments" in text
    assert f"Select all {shown} comments" in text
    assert response.context["selection_note_all"] == f"All {shown} selected"
    assert response.context["cl"].paginator.num_pages == 2  # pages of the counted
