"""Editor HTML is stored sanitised: an allowlist, whatever path the HTML took."""

import pytest

from posts.models import Post
from posts.sanitize import sanitize_html
from tests.factories import PostFactory

DANGEROUS = {
    "script": "<p>Before<script>alert(1)</script>after</p>",
    "script-upper": "<SCRIPT SRC=https://evil.example/x.js></SCRIPT><p>after</p>",
    "onerror": '<img src="/media/a.png" alt="A" onerror="alert(1)">',
    "onclick": '<a href="https://example.org" onclick="steal()">link</a>',
    "onmouseover": '<p onmouseover="alert(1)">hover</p>',
    "javascript-href": '<a href="javascript:alert(1)">link</a>',
    "javascript-mixed-case": '<a href="JaVaScRiPt:alert(1)">link</a>',
    "javascript-entity": '<a href="jav&#x09;ascript:alert(1)">link</a>',
    "javascript-src": '<img src="javascript:alert(1)" alt="x">',
    "data-href": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">link</a>',
    "data-src": '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="x">',
    "iframe": '<iframe src="https://evil.example"></iframe><p>after</p>',
    "style-tag": "<style>body { display: none }</style><p>after</p>",
    "style-attr": '<p style="position:fixed;top:0">text</p>',
    "htmx": '<p hx-get="/accounts/delete/" hx-trigger="load" hx-target="body">text</p>',
    "htmx-data": '<a href="/x/" data-hx-post="/accounts/delete/">text</a>',
    "form": '<form action="https://evil.example"><input name="password"></form>',
    "object": '<object data="x.swf"></object><embed src="x.swf">',
    "svg": "<svg><script>alert(1)</script></svg>",
    "base": '<base href="https://evil.example/">',
    "meta": '<meta http-equiv="refresh" content="0;url=https://evil.example">',
}
FORBIDDEN_MARKERS = [
    "<script", "alert(", "onerror", "onclick", "onmouseover", "javascript:", "data:", "<iframe",
    "<style", "style=", "hx-", "<form", "<input", "<object", "<embed", "<svg", "<base", "<meta",
    "steal(",
]  # fmt: skip


def assert_clean(html: str) -> None:
    lowered = html.lower()
    for marker in FORBIDDEN_MARKERS:
        assert marker not in lowered, f"{marker!r} survived in {html!r}"


@pytest.mark.parametrize("html", DANGEROUS.values(), ids=DANGEROUS.keys())
def test_dangerous_markup_is_removed(html):
    assert_clean(sanitize_html(html))


def test_text_around_removed_markup_stays():
    assert sanitize_html(DANGEROUS["script"]) == "<p>Beforeafter</p>"
    assert sanitize_html(DANGEROUS["iframe"]) == "<p>after</p>"
    assert sanitize_html(DANGEROUS["style-attr"]) == "<p>text</p>"
    assert sanitize_html(DANGEROUS["htmx"]) == "<p>text</p>"


def test_unsafe_link_keeps_its_text_but_loses_the_url():
    cleaned = sanitize_html(DANGEROUS["javascript-href"])

    assert "link</a>" in cleaned
    assert "href" not in cleaned


def test_editorial_markup_survives():
    html = (
        "<h2>Findings</h2><h3>Detail</h3><h4>More</h4>"
        "<p><strong>Bold</strong>, <em>italic</em>, <u>u</u>, <s>s</s>, H<sub>2</sub>O, x<sup>2</sup></p>"
        '<ul><li>One</li></ul><ol start="3"><li>Three</li></ol>'
        "<blockquote><p>A quote</p></blockquote>"
        '<figure><img src="/media/featured/map.png" alt="Map of the region" width="640" height="480">'
        "<figcaption>The region</figcaption></figure>"
        '<p><a href="https://example.org/report" title="Report">report</a> '
        '<a href="/posts/other/">other post</a> <a href="mailto:team@example.org">mail</a></p>'
        '<table><thead><tr><th scope="col">Country</th></tr></thead>'
        "<tbody><tr><td>Georgia</td></tr></tbody></table><hr>"
    )

    cleaned = sanitize_html(html)

    for kept in [
        "<h2>Findings</h2>", "<h3>Detail</h3>", "<h4>More</h4>", "<strong>Bold</strong>",
        "<em>italic</em>", "<sub>2</sub>", "<sup>2</sup>", "<ul><li>One</li></ul>",
        '<ol start="3">', "<blockquote><p>A quote</p></blockquote>", "<figure>",
        '<img src="/media/featured/map.png" alt="Map of the region" width="640" height="480">',
        "<figcaption>The region</figcaption>", '<th scope="col">Country</th>',
        '<a href="/posts/other/" rel="noopener noreferrer">other post</a>',
        '<a href="mailto:team@example.org" rel="noopener noreferrer">mail</a>', "<hr>",
    ]:  # fmt: skip
        assert kept in cleaned, kept
    assert (
        '<a href="https://example.org/report" title="Report" rel="noopener noreferrer">report</a>'
        in cleaned
    )


def test_a_second_h1_is_flattened_to_text():
    """The post title is the page's only <h1>."""
    assert sanitize_html("<h1>Big</h1><p>x</p>") == "Big<p>x</p>"


def test_empty_body_stays_empty():
    assert sanitize_html("") == ""
    assert sanitize_html(None) == ""


@pytest.mark.django_db
def test_post_save_stores_sanitised_body():
    """Shell, demo data and fixtures all go through Post.save()."""
    post = PostFactory(body='<p onclick="x()">Hi<script>alert(1)</script></p><iframe></iframe>')

    stored = Post.objects.get(pk=post.pk).body

    assert stored == "<p>Hi</p>"


@pytest.mark.django_db
def test_editor_field_cleans_what_the_admin_submits():
    post = PostFactory()
    field = Post._meta.get_field("body")

    cleaned = field.clean('<h2 style="color:red">Title</h2><img src=x onerror=alert(1)>', post)

    assert "<h2>Title</h2>" in cleaned
    assert_clean(cleaned)


@pytest.mark.django_db
def test_sanitised_body_reaches_the_page_unharmed(client):
    post = PostFactory(
        body='<h2>Lessons</h2><p>Read <a href="https://example.org">this</a>.</p>'
        '<img src="x" onerror="alert(1)">'
    )

    text = client.get(post.get_absolute_url()).text

    assert "<h2>Lessons</h2>" in text
    assert '<a href="https://example.org" rel="noopener noreferrer">this</a>' in text
    assert "onerror" not in text


@pytest.mark.parametrize(
    "src",
    [
        "https://tracker.example/pixel.gif",
        "http://tracker.example/pixel.gif",
        "//tracker.example/media/pixel.gif",
        "data:image/png;base64,iVBORw0KGgo=",
        "/static/img/logo.svg",
        "/media/../admin/logout/",
        "pixel.gif",
    ],
)
def test_images_from_anywhere_but_the_portals_media_are_dropped(src):
    html = sanitize_html(f'<p>Before</p><img src="{src}" alt="a > b"><p>after</p>')
    assert "<img" not in html
    assert html == "<p>Before</p><p>after</p>"


def test_the_portals_own_media_images_stay(settings):
    own = '<img src="/media/featured/map.png" alt="Map &gt; region">'
    assert sanitize_html(own) == own
    settings.MEDIA_URL = "https://media.portal.example/"
    remote = '<img src="https://media.portal.example/featured/map.png" alt="Map">'
    assert sanitize_html(remote) == remote
    assert sanitize_html('<img src="https://other.example/featured/map.png" alt="x">') == ""
