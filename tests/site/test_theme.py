"""Dark mode: a cookie set by a plain form, a class on <html>, and the page cache keyed by it."""

import pytest
from django.test import Client
from django.urls import reverse

from portal.pagecache import cache_key
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def test_theme_form_sets_a_cookie_and_returns_to_the_page(client):
    response = client.post(reverse("theme"), {"theme": "dark", "next": "/topics/"})

    assert response.status_code == 303 and response["Location"] == "/topics/"
    assert response.cookies["theme"].value == "dark"
    assert response.cookies["theme"]["httponly"]
    assert 'class="theme-dark"' in client.get(reverse("posts:latest")).text


def test_automatic_removes_the_cookie(client):
    client.cookies["theme"] = "dark"

    response = client.post(reverse("theme"), {"theme": "auto", "next": "/"})

    assert response.cookies["theme"].value == ""
    assert "theme-" not in client.get(reverse("posts:latest")).text.split("<head>")[0]


def test_theme_rejects_junk_and_foreign_next(client):
    assert client.post(reverse("theme"), {"theme": "purple"}).status_code == 400
    response = client.post(reverse("theme"), {"theme": "light", "next": "https://evil.example/"})
    assert response["Location"] == "/"
    assert client.get(reverse("theme")).status_code == 405


def test_theme_form_works_on_cached_pages_without_a_csrf_token(settings):
    settings.PAGE_CACHE_SECONDS = 300
    reader = Client(enforce_csrf_checks=True)

    page = reader.get(reverse("posts:latest")).text
    response = reader.post(reverse("theme"), {"theme": "dark", "next": "/"})

    assert 'action="/theme/"' in page and "csrfmiddlewaretoken" not in page
    assert response.status_code == 303


def test_page_cache_keeps_one_copy_per_theme(settings, rf):
    settings.PAGE_CACHE_SECONDS = 300
    PostFactory(title="Cached brief")
    plain, dark = Client(), Client()
    dark.cookies["theme"] = "dark"

    first = plain.get(reverse("posts:latest"))
    assert 'class="theme-dark"' in dark.get(reverse("posts:latest")).text
    again = plain.get(reverse("posts:latest"))

    assert "theme-dark" not in first.text and "theme-dark" not in again.text
    assert again["ETag"] == first["ETag"]  # the shared copy, served again
    junk = rf.get("/", HTTP_COOKIE="theme=purple")
    assert cache_key(junk) == cache_key(rf.get("/"))  # junk values share the plain copy
