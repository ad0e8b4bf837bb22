import pytest

from posts.models import Post
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def test_published_excludes_drafts_and_scheduled_posts():
    published = PostFactory()
    PostFactory(draft=True)
    PostFactory(scheduled=True)

    assert list(Post.objects.published()) == [published]


def test_scheduled_post_appears_when_its_time_comes():
    post = PostFactory(scheduled=True)

    assert not Post.objects.published().filter(pk=post.pk).exists()
    assert Post.objects.published(at=post.published_at).filter(pk=post.pk).exists()


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_hidden_post_page_is_404_for_the_public(client, trait):
    post = PostFactory(**{trait: True})

    response = client.get(post.get_absolute_url())

    assert response.status_code == 404


def test_staff_preview_hidden_post(editor_client):
    post = PostFactory(draft=True, title="Draft on diaspora bonds")

    response = editor_client.get(post.get_absolute_url())

    assert response.status_code == 200
    assert "Draft on diaspora bonds" in response.text
    assert "Preview: this post is a draft" in response.text


def test_published_post_page_shows_title_and_date(client):
    post = PostFactory(title="Diaspora engagement")

    response = client.get(post.get_absolute_url())

    assert response.status_code == 200
    assert "Diaspora engagement" in response.text
    assert post.published_at.strftime("%B") in response.text
