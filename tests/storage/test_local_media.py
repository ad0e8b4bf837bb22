"""Media on local disk with debug off: PORTAL_SERVE_MEDIA really serves it."""

import importlib

import pytest
from django.core.files.base import ContentFile
from django.urls import clear_url_caches

from tests.factories import AuthorFactory

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
    # Names are never reused: browsers keep the picture, as from the S3 bucket.
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def test_without_serve_media_there_is_no_media_route(client):
    author = AuthorFactory()
    author.portrait.save("face.png", ContentFile(b"\x89PNG\r\n\x1a\nportrait"))

    assert client.get(author.portrait.url).status_code == 404
