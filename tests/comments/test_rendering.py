"""Comment text is plain text: escaped, links made safe, line breaks kept."""

import pytest

from comments.templatetags.comments_tags import comment_text

pytestmark = pytest.mark.django_db

PAYLOADS = [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ('<img src=x onerror="alert(1)">', "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"),
    ('<a href="javascript:alert(1)">click</a>', "&lt;a href=&quot;javascript:alert(1)&quot;&gt;"),
    ('<div hx-get="/admin/" hx-trigger="load">x</div>', "&lt;div hx-get=&quot;/admin/&quot;"),
]


@pytest.mark.parametrize(("payload", "escaped"), PAYLOADS)
def test_payloads_are_shown_as_text_on_the_page(client, post, make_comment, payload, escaped):
    make_comment(post, None, f"Look: {payload}")

    page = client.get(post.get_absolute_url()).text

    assert escaped in page
    assert payload not in page


def test_bare_javascript_url_is_not_linked():
    html = comment_text("javascript:alert(1)")

    assert "<a" not in html
    assert "javascript:alert(1)" in html


def test_urls_become_links_with_safe_rel():
    html = comment_text("See https://example.org/guide?a=1&b=2 for more.")

    assert (
        '<a href="https://example.org/guide?a=1&amp;b=2" rel="nofollow ugc noopener">'
        "https://example.org/guide?a=1&amp;b=2</a>" in html
    )


def test_quotes_cannot_break_out_of_a_link():
    html = comment_text('https://example.org/" onmouseover="alert(1)')

    assert 'onmouseover="' not in html


def test_line_breaks_are_kept():
    html = comment_text("First line\nsecond line\n\nNew paragraph")

    assert html == "<p>First line<br>second line</p>\n\n<p>New paragraph</p>"
