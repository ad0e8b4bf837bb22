"""About, Contact, Privacy and Terms: in the footer, editable, sanitised, cached and fresh."""

import pytest
from django.test import Client
from django.urls import reverse

from pages.models import FOOTER_SLUGS, Page

pytestmark = pytest.mark.django_db


def test_footer_links_every_page_and_each_exists(client):
    home = client.get(reverse("posts:latest")).text

    for slug in FOOTER_SLUGS:
        url = reverse("pages:page", args=[slug])
        assert f'href="{url}"' in home
        response = client.get(url)
        assert response.status_code == 200
        assert f'<h1 id="page-title">{Page.objects.get(slug=slug).title}</h1>' in response.text


def test_privacy_page_says_what_is_stored_about_members(client):
    text = client.get(reverse("pages:page", args=["privacy"])).text

    for words in ["email address", "public name", "saved posts", "follow", "comments",
                  "sessions", "language", "no personal data"]:  # fmt: skip
        assert words in text


def test_page_body_is_sanitised_on_save():
    page = Page.objects.create(
        title="Odd", slug="odd", body='<p onclick="x()">Hi</p><script>alert(1)</script>'
    )

    assert page.body == "<p>Hi</p>"


def test_an_edit_shows_at_once_despite_the_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    url = reverse("pages:page", args=["about"])
    assert "Updated wording" not in Client().get(url).text

    page = Page.objects.get(slug="about")
    page.body = "<p>Updated wording</p>"
    page.save()

    assert "Updated wording" in Client().get(url).text


def test_editor_edits_a_page_in_the_admin(editor_client, editor):
    page = Page.objects.get(slug="terms")

    response = editor_client.post(
        reverse("admin:pages_page_change", args=[page.pk]),
        {"title": "Terms of use", "slug": "terms", "body": "<p>New terms.</p>"},
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert (page.title, page.body) == ("Terms of use", "<p>New terms.</p>")


def test_unknown_page_is_a_404(client):
    assert client.get(reverse("pages:page", args=["nope"])).status_code == 404
