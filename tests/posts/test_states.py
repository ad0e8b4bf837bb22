"""Draft, scheduled, live: one definition, for querysets, a loaded post and the admin."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from posts.models import Post, PostStatus, PublicationState
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def posts():
    now = timezone.now()
    return {
        "live": PostFactory(title="live"),
        "scheduled": PostFactory(title="scheduled", scheduled=True),
        "old draft": PostFactory(title="old draft", draft=True),
        # A draft with a future date is still a draft, not scheduled.
        "future draft": PostFactory(
            title="future draft", draft=True, published_at=now + timedelta(days=2)
        ),
    }


def titles(queryset) -> set[str]:
    return set(queryset.values_list("title", flat=True))


def test_each_post_is_in_exactly_one_state(posts):
    assert titles(Post.objects.drafts()) == {"old draft", "future draft"}
    assert titles(Post.objects.scheduled()) == {"scheduled"}
    assert titles(Post.objects.published()) == {"live"}


@pytest.mark.parametrize("state", PublicationState.values)
def test_a_loaded_post_agrees_with_the_queryset(posts, state):
    in_state = titles(Post.objects.in_state(state))

    assert in_state == {post.title for post in posts.values() if post.state == state}


def test_is_published_and_is_scheduled_follow_the_state(posts):
    assert posts["live"].is_published and not posts["live"].is_scheduled
    assert posts["scheduled"].is_scheduled and not posts["scheduled"].is_published
    for draft in (posts["old draft"], posts["future draft"]):
        assert draft.state == PublicationState.DRAFT
        assert not draft.is_published and not draft.is_scheduled


def test_a_scheduled_post_goes_live_by_itself_when_its_date_comes():
    post = PostFactory(scheduled=True)

    with time_machine.travel(post.published_at + timedelta(seconds=1)):
        assert post.state == PublicationState.LIVE
        assert Post.objects.published().filter(pk=post.pk).exists()
        assert not Post.objects.scheduled().filter(pk=post.pk).exists()


def test_unpublishing_a_scheduled_post_makes_it_a_draft():
    post = PostFactory(scheduled=True)
    post.status = PostStatus.DRAFT
    post.save()

    assert post.state == PublicationState.DRAFT
    assert Post.objects.drafts().filter(pk=post.pk).exists()


def test_admin_state_filter_offers_the_three_states(editor_client):
    response = editor_client.get("/admin/posts/post/")

    for value, label in PublicationState.choices:
        assert f"?state={value}" in response.text
        assert str(label) in response.text


def test_admin_ignores_an_unknown_state(editor_client):
    PostFactory(title="Live post")
    PostFactory(title="Unfinished post", draft=True)

    response = editor_client.get("/admin/posts/post/", {"state": "bogus"})

    assert response.status_code == 200
    assert {post.title for post in response.context["cl"].result_list} == {
        "Live post",
        "Unfinished post",
    }
