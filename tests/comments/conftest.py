"""Comment fixtures: a published post, a moderator persona and a comment maker."""

import uuid
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from comments.forms import render_stamp
from comments.groups import MODERATORS
from comments.models import Comment, CommentStatus
from tests.conftest import verified
from tests.factories import CommentFactory, PostFactory, UserFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def shown_earlier(seconds: int = 60) -> str:
    """The signed stamp of a form shown some seconds ago (people take their time)."""
    import time_machine

    with time_machine.travel(timezone.now() - timedelta(seconds=seconds)):
        return render_stamp()


def send(client, post, body="I learned a lot from this brief.", **data):
    """Submit the comment form as a person would: a fresh token, a form shown a minute ago."""
    data = {"body": body, "token": str(uuid.uuid4()), "website": "", **data}
    data.setdefault("rendered", shown_earlier())
    extra = HTMX if data.pop("htmx", False) else {}
    return client.post(reverse("comments:create", args=[post.slug]), data, **extra)


@pytest.fixture
def post(db):
    return PostFactory(title="Diaspora bonds", slug="diaspora-bonds")


@pytest.fixture
def moderator(db):
    user = UserFactory(email="mod@example.org", display_name="Mona Moderator", is_staff=True)
    user.groups.add(Group.objects.get(name=MODERATORS))
    verified(user)
    return user


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def old_member(db):
    """A member whose account is weeks old (no new-account daily limit)."""
    return verified(
        UserFactory(
            email="veteran@example.org",
            display_name="Vera Veteran",
            date_joined=timezone.now() - timedelta(days=30),
        )
    )


@pytest.fixture
def make_comment(db):
    def make(post, user=None, body="A thoughtful remark.", status=CommentStatus.APPROVED, **extra):
        return CommentFactory(post=post, user=user, body=body, status=status, **extra)

    return make


@pytest.fixture
def recount():
    def do(post):
        Comment.objects.recount([post.pk])
        post.refresh_from_db()
        return post

    return do
