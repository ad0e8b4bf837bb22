"""Numbers editors act on: the activity chart on a post and the desk on the admin index."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from comments.groups import MODERATORS
from comments.models import CommentStatus
from posts.activity_chart import activity_chart
from posts.models import PostActivity
from tests.factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")


def test_the_chart_has_thirty_days_with_gaps_as_zero():
    post = PostFactory()
    today = timezone.localdate()
    PostActivity.objects.record(post.pk, "views", 5, day=today)
    PostActivity.objects.record(post.pk, "downloads", 2, day=today - timedelta(days=3))
    PostActivity.objects.record(post.pk, "views", 9, day=today - timedelta(days=40))  # too old

    chart = activity_chart(post)

    assert len(chart.days) == 30 and chart.days[-1] == today
    totals = {series.kind: series.total for series in chart.series}
    assert totals == {"views": 5, "downloads": 2, "saves": 0, "comments": 0}
    assert chart.peak == 5
    assert len(chart.series[0].points.split()) == 30


def test_the_change_page_shows_an_accessible_svg_chart_and_its_table(editor_client):
    post = PostFactory()
    PostActivity.objects.record(post.pk, "views", 7)

    page = editor_client.get(reverse("admin:posts_post_change", args=[post.pk])).text

    assert "<svg" in page and '<title id="activity-svg-title">' in page and "<desc" in page
    assert "Views: <strong>7</strong>" in page
    assert "<polyline" in page
    assert "The numbers, day by day" in page
    assert "style=" not in page.split('class="module activity-chart"')[1].split("</section>")[0]


def test_the_desk_lists_what_editors_act_on(editor_client):
    read = PostFactory(title="Much read")
    PostActivity.objects.record(read.pk, "views", 12)
    PostFactory(title="Coming soon", scheduled=True)
    PostFactory(title="Half written", draft=True, summary="")

    page = editor_client.get(INDEX).text

    assert 'id="desk"' in page
    assert "Much read" in page and "12 views" in page
    assert "Coming soon" in page and "Scheduled (1)" in page
    assert "Drafts edited recently (1)" in page and "Half written" in page
    assert "no summary" in page and "Missing a featured image or summary" in page
    assert "Comments to moderate" not in page  # editors are not moderators


def desk_queries(client):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(INDEX).status_code == 200
    return len(ctx)


def test_the_desk_costs_the_same_with_few_or_many_posts(editor_client, editor):
    editor.groups.add(Group.objects.get(name=MODERATORS))
    PostFactory.create_batch(2, draft=True)
    editor_client.get(INDEX)  # the editor's row is cached from then on
    few = desk_queries(editor_client)
    PostFactory.create_batch(10, draft=True)
    PostFactory.create_batch(10, scheduled=True)
    for post in PostFactory.create_batch(10):
        PostActivity.objects.record(post.pk, "views")
        CommentFactory(post=post, status=CommentStatus.PENDING)

    many = desk_queries(editor_client)
    page = editor_client.get(INDEX).text

    assert many == few
    assert page.count('<li><a href="/admin/posts/post/') <= 4 * 5  # bounded lists


def test_moderators_see_the_pending_count(client, db):
    from tests.comments.conftest import UserFactory, verified

    moderator = verified(UserFactory(is_staff=True))
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    CommentFactory.create_batch(2, post=PostFactory(), status=CommentStatus.PENDING)
    client.force_login(moderator)

    page = client.get(INDEX).text

    assert "2 comments wait for moderation" in page
    assert "Most read this week" not in page  # moderators are not editors
