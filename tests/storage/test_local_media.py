"""Media on local disk with debug off: PORTAL_SERVE_MEDIA really serves it, featured
images stay private until their post is published."""

import importlib

import pytest
from django.core.files.base import ContentFile
from django.urls import clear_url_caches

from posts.models import PostStatus
from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def serving_media(settings):
    import portal.urls

    settings.SERVE_MEDIA = True
    importlib.reload(portal.urls)
    clear_url_caches()
    yield
    settings.SERVE_MEDIA = False
    importlib.reload(portal.urls)
    clear_url_caches()


def test_serve_media_serves_portraits_with_debug_off(client, settings, serving_media):
    assert settings.DEBUG is False
    author = AuthorFactory()
    author.portrait.save("face.png", ContentFile(b"\x89PNG\r\n\x1a\nportrait"))

    response = client.get(author.portrait.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\x89PNG\r\n\x1a\nportrait"


def test_without_serve_media_there_is_no_media_route(client):
    author = AuthorFactory()
    author.portrait.save("face.png", ContentFile(b"\x89PNG\r\n\x1a\nportrait"))

    assert client.get(author.portrait.url).status_code == 404


def test_a_drafts_featured_image_is_kept_outside_media_and_shown_once_published(
    client, settings, serving_media
):
    post = PostFactory(draft=True, featured_image_alt="A map")
    post.featured_image.save("Secret plan.png", ContentFile(b"\x89PNG\r\n\x1a\nimage"))
    name = post.featured_image.name

    assert name.startswith("featured/") and "Secret" not in name
    assert not (settings.MEDIA_ROOT / name).exists()  # no web server can hand it out
    assert client.get(f"/media/{name}").status_code == 404
    assert client.get(post.featured_image.url).status_code == 404

    post.status = PostStatus.PUBLISHED
    post.save()
    response = client.get(post.featured_image.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=3600"


def test_staff_preview_a_drafts_featured_image_without_caching(editor_client):
    post = PostFactory(draft=True, featured_image_alt="A map")
    post.featured_image.save("plan.png", ContentFile(b"\x89PNG\r\n\x1a\nimage"))

    response = editor_client.get(post.featured_image.url)

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
