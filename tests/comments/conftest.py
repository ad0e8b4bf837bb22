"""Comment fixtures: a published post, a moderator persona and a comment maker."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from comments.models import Comment, CommentStatus
from tests.factories import PostFactory, UserFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def post(db):
    return PostFactory(title="Diaspora bonds", slug="diaspora-bonds")


@pytest.fixture
def moderator(db):
    user = UserFactory(email="mod@example.org", display_name="Mona Moderator", is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def old_member(db):
    """A member whose account is weeks old (no new-account daily limit)."""
    return UserFactory(
        email="veteran@example.org",
        display_name="Vera Veteran",
        date_joined=timezone.now() - timedelta(days=30),
    )


@pytest.fixture
def make_comment(db):
    def make(post, user=None, body="A thoughtful remark.", status=CommentStatus.APPROVED, **extra):
        extra.setdefault("created_at", timezone.now() - timedelta(hours=1))
        return Comment.objects.create(post=post, user=user, body=body, status=status, **extra)

    return make


@pytest.fixture
def recount():
    def do(post):
        Comment.objects.recount([post.pk])
        post.refresh_from_db()
        return post

    return do
