"""The print view: the post laid out for paper, with controls that never print."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import AttachmentFactory, AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db

BODY = '<h2>Context</h2><p>See <a href="https://example.org/guide">the guide</a>.</p>'


@pytest.fixture
def post():
    authors = [AuthorFactory(name="Elena Marković"), AuthorFactory(name="Tamar Beridze")]
    post = PostFactory(
        title="Diaspora lessons", slug="diaspora-lessons", body=BODY, authors=authors
    )
    AttachmentFactory(post=post, title="The full brief")
    return post


def print_url(post):
    return reverse("posts:print", args=[post.slug])


def test_print_view_lays_out_the_post_for_paper(client, post):
    response = client.get(print_url(post))

    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1" in page and "Diaspora lessons" in page
    assert "Elena Marković" in page and "Tamar Beridze" in page
    assert "The full brief" in page
    assert "http://testserver/posts/diaspora-lessons/" in page
    assert 'href="https://example.org/guide"' in page
    assert "img/logo.svg" in page
    # Paper, not the site: no navigation, search or footer.
    assert "site-header" not in page and "site-footer" not in page


def test_print_view_has_back_and_print_controls_that_work_without_javascript(client, post):
    page = client.get(print_url(post)).content.decode()

    assert f'href="{post.get_absolute_url()}"' in page
    assert "Back to post" in page
    # The Print button needs print.js: hidden until the script shows it, and a
    # hint explains the keyboard shortcut meanwhile.
    assert "data-print hidden" in page
    assert "Ctrl+P" in page
    assert "js/print.js" in page
    assert "css/pdf.css" in page and "css/fonts.css" in page
    assert 'href="/static/css/paper-screen.css" media="screen"' in page


def test_print_controls_never_print():
    css = (Path(settings.BASE_DIR) / "static/css/pdf.css").read_text()
    media_print = css[css.index("@media print") :]
    assert ".print-controls { display: none !important; }" in media_print


def test_post_page_links_to_print_view_and_pdf_and_has_a_print_address(client, post):
    page = client.get(post.get_absolute_url()).content.decode()

    assert f'href="{print_url(post)}"' in page
    assert f'href="{reverse("posts:pdf", args=[post.slug])}"' in page
    assert "http://testserver/posts/diaspora-lessons/" in page
    assert 'href="/static/css/print.css" media="print"' in page


def test_print_stylesheet_hides_screen_parts_and_spells_out_links():
    css = (Path(settings.BASE_DIR) / "static/css/print.css").read_text()

    for selector in (".site-header", ".site-footer", "nav", "button", "form", ".post__actions"):
        assert selector in css.split("display: none !important")[0]
    assert '.post__body a[href^="http"]::after' in css
    assert ".print-logo { display: block !important" in css
    assert "break-after: avoid" in css and "break-inside: avoid" in css


@pytest.mark.parametrize("kind", ["draft", "scheduled"])
def test_unpublished_posts_are_404_in_print_view(client, member_client, kind):
    post = PostFactory(**{kind: True})

    assert client.get(print_url(post)).status_code == 404
    assert member_client.get(print_url(post)).status_code == 404


def test_staff_preview_unpublished_print_view(editor_client):
    post = PostFactory(draft=True, title="Work in progress")

    response = editor_client.get(print_url(post))

    assert response.status_code == 200
    assert "Work in progress" in response.content.decode()


def test_print_view_is_read_only(client, post):
    assert client.post(print_url(post)).status_code == 405
