"""The PDF of a post: content, visibility, the per-revision cache and the URL fetcher."""

import logging
import shutil
import subprocess
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from posts.models import Post
from posts.printing import render as pdf_module
from posts.printing.fetcher import RefusedURL, local_file_for, static_file, url_fetcher
from posts.printing.fonts import PDF_STYLESHEETS
from tests.factories import (
    AttachmentFactory,
    AuthorFactory,
    ImageFactory,
    PostFactory,
    picture_bytes,
)
from tests.pdfs import pdf_bytes, read_pdf

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"
BODY = (
    "<h2>Why it matters</h2><p>Remittances are only the start. "
    'Read <a href="https://example.org/guide">the guide</a>.</p>'
)


@pytest.fixture
def post():
    authors = [AuthorFactory(name="Elena Marković"), AuthorFactory(name="Tamar Beridze")]
    post = PostFactory(
        title="Diaspora lessons", slug="diaspora-lessons", body=BODY, authors=authors
    )
    AttachmentFactory(post=post, title="The full brief")
    return post


def pdf_url(post):
    return reverse("posts:pdf", args=[post.slug])


def read(response) -> PdfReader:
    return read_pdf(response)


def text_of(reader: PdfReader) -> str:
    """All pages' text with line breaks and runs of spaces as single spaces."""
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def spy_renderer():
    return mock.patch.object(pdf_module, "render_post_pdf", wraps=pdf_module.render_post_pdf)


def test_pdf_is_a_real_a4_pdf_with_title_authors_and_address(client, post):
    response = client.get(pdf_url(post))

    assert response.status_code == 200
    assert pdf_bytes(response).startswith(b"%PDF")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="diaspora-lessons-print.pdf"'
    reader = read(response)
    text = text_of(reader)
    assert "Diaspora lessons" in text
    assert "Elena Marković" in text and "Tamar Beridze" in text
    assert "http://testserver/posts/diaspora-lessons/" in text
    assert "The full brief" in text
    assert "page 1 of 1" in text
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (595, 842)  # A4 in points


def test_pdf_metadata_and_clickable_links(client, post):
    reader = read(client.get(pdf_url(post)))

    assert reader.metadata.title == "Diaspora lessons"
    assert reader.metadata.author == "Elena Marković, Tamar Beridze"
    assert reader.metadata.creation_date.date() == post.published_at.date()
    uris = {
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
    }
    assert "https://example.org/guide" in uris
    assert "http://testserver/posts/diaspora-lessons/" in uris


def test_pdf_embeds_only_the_shipped_fonts(client, post):
    reader = read(client.get(pdf_url(post)))

    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]))
            assert "/FontFile2" in font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
    assert fonts
    assert all("Inter" in name or "Source-Serif-4" in name for name in fonts), fonts


@pytest.mark.parametrize("kind", ["draft", "scheduled"])
def test_unpublished_posts_are_404_as_pdf(client, member_client, kind):
    post = PostFactory(**{kind: True})

    with spy_renderer() as renderer:
        assert client.get(pdf_url(post)).status_code == 404
        assert member_client.get(pdf_url(post)).status_code == 404
    renderer.assert_not_called()


def test_staff_preview_pdf_is_marked_and_never_stored_by_browsers(editor_client):
    post = PostFactory(draft=True, title="Work in progress")

    response = editor_client.get(pdf_url(post))

    assert response.status_code == 200
    assert "Preview, not published" in text_of(read(response))
    assert "no-store" in response["Cache-Control"]


def test_a_scheduled_post_going_live_does_not_serve_the_staff_preview(client, editor_client):
    post = PostFactory(scheduled=True, title="Coming soon")
    assert "Preview, not published" in text_of(read(editor_client.get(pdf_url(post))))

    # Its time comes without a save, so updated_at stays the same.
    Post.objects.filter(pk=post.pk).update(published_at=timezone.now() - timedelta(minutes=1))
    response = client.get(pdf_url(post))

    assert response.status_code == 200
    assert "Coming soon" in text_of(read(response))
    assert "Preview" not in text_of(read(response))


def test_repeat_request_is_served_from_cache_without_rendering(client, post):
    with spy_renderer() as renderer:
        first = client.get(pdf_url(post))
        second = client.get(pdf_url(post))

    assert renderer.call_count == 1
    assert pdf_bytes(second) == pdf_bytes(first)


def test_editing_the_post_renders_a_new_revision(client, post):
    client.get(pdf_url(post))
    post.title = "Diaspora lessons, revised"
    post.save()

    with spy_renderer() as renderer:
        response = client.get(pdf_url(post))

    assert renderer.call_count == 1
    assert "Diaspora lessons, revised" in text_of(read(response))


@pytest.mark.parametrize("change", ["author", "attachment"])
def test_changing_authors_or_files_renders_again(client, post, change):
    client.get(pdf_url(post))
    if change == "author":
        author = post.authors.get(name="Tamar Beridze")
        author.name = "Tamar Beridze-Kapanadze"
        author.save()
        expected = "Tamar Beridze-Kapanadze"
    else:
        AttachmentFactory(post=post, title="Workshop slides")
        expected = "Workshop slides"

    with spy_renderer() as renderer:
        response = client.get(pdf_url(post))

    assert renderer.call_count == 1
    assert expected in text_of(read(response))


# The URL fetcher: only the portal's own static and media files.


def test_fetcher_reads_own_static_and_media_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "portraits").mkdir(parents=True)
    (tmp_path / "media" / "portraits" / "face.png").write_bytes(b"png")
    fetcher = url_fetcher(ORIGIN)

    assert local_file_for(f"{ORIGIN}/static/css/pdf.css", ORIGIN).name == "pdf.css"
    # Media goes through the storage API (posts.uploads.open_media), on disk or S3 alike.
    assert fetcher.fetch(f"{ORIGIN}/media/portraits/face.png").read() == b"png"
    logo = settings.BASE_DIR / "static" / "img" / "logo.svg"
    assert local_file_for(logo.as_uri(), ORIGIN) == logo


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/tracker.png",
        "http://example.org/static/css/pdf.css",  # right path, another host
        "https://testserver/static/css/pdf.css",  # another scheme is another origin
        "http://testserver.evil.example/static/css/pdf.css",
        "http://testserver/posts/some-post/",  # a page, not a file
        "http://testserver/static/../portal/settings.py",
        "http://testserver/static/%2e%2e/%2e%2e/portal/settings.py",
        "http://testserver/media/../../etc/passwd",
        "http://testserver/static/css/missing.css",
        "file:///etc/passwd",
        "ftp://testserver/static/css/pdf.css",
        "data:text/css,body{}",
    ],
)
def test_fetcher_refuses_everything_else(url):
    with pytest.raises(RefusedURL):
        local_file_for(url, ORIGIN)


def test_fetcher_refuses_file_urls_outside_static_and_media():
    settings_file = settings.BASE_DIR / "portal" / "settings.py"

    with pytest.raises(RefusedURL):
        local_file_for(settings_file.as_uri(), ORIGIN)


def test_weasyprint_fetcher_never_touches_the_network():
    fetcher = url_fetcher(ORIGIN)

    with mock.patch("socket.socket.connect", side_effect=AssertionError("network")) as connect:
        with pytest.raises(RefusedURL):
            fetcher.fetch("https://example.org/tracker.png")
        with pytest.raises(RefusedURL):
            fetcher("file:///etc/passwd")
        response = fetcher.fetch(f"{ORIGIN}/static/img/logo.svg")
    connect.assert_not_called()
    assert response.content_type == "image/svg+xml"
    assert b"<svg" in response.read()


def test_external_images_in_a_post_are_skipped_not_fetched(client):
    post = PostFactory(body='<p>Text</p><p><img src="https://example.org/pixel.png"></p>')

    with mock.patch("socket.socket.connect", side_effect=AssertionError("network")) as connect:
        response = client.get(pdf_url(post))

    assert response.status_code == 200
    connect.assert_not_called()


def test_cached_pdf_costs_one_query(client, post, django_assert_max_num_queries):
    client.get(pdf_url(post))

    with django_assert_max_num_queries(1):
        response = client.get(pdf_url(post))
    assert pdf_bytes(response).startswith(b"%PDF")


def test_featured_image_from_media_is_embedded(client):
    """Read through the fetcher from MEDIA_ROOT (pdf.css scales it to the text width)."""
    banner = ImageFactory(
        file=ContentFile(picture_bytes(3000, 1000, "PNG"), name="banner.png"),
        alt_text="A wide banner",
    )
    post = PostFactory(featured_image=banner)

    reader = read(client.get(pdf_url(post)))

    # The largest rendition, not the 3000-pixel original: the PDF stays small.
    images = reader.pages[0].images
    assert [image.image.size for image in images] == [(1200, 400)]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_hyphenated_line_breaks_print_the_ascii_hyphen_the_fonts_have(client):
    """U+2010, WeasyPrint's default hyphen, is in none of the shipped fonts: it printed a box."""
    words = ["internationalization", "representativeness", "characteristically"]
    post = PostFactory(language="en", body=f"<p>{' '.join(words * 30)}</p>")
    response = client.get(pdf_url(post))

    # -raw keeps the lines as printed, hyphens included (the default joins them).
    text = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"],
        input=pdf_bytes(response),
        capture_output=True,
        check=True,
    ).stdout.decode()

    assert "\u2010" not in text
    lines = text.splitlines()
    breaks = [
        (line.rsplit(" ", 1)[-1], after.split(" ", 1)[0])
        for line, after in zip(lines, lines[1:], strict=False)
        if line.endswith("-")
    ]
    assert len(breaks) >= 3, lines
    for head, tail in breaks:
        assert head[:-1] + tail in words, (head, tail)


def test_weasyprint_parses_the_pdf_stylesheets_without_a_warning(caplog):
    """Screen-only rules live in paper-screen.css, which PDFs never load."""
    from weasyprint import CSS

    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        for name in PDF_STYLESHEETS:
            CSS(filename=str(static_file(name)))

    assert [record.getMessage() for record in caplog.records] == []


def test_punctuation_beyond_the_latin_subsets_prints_from_a_font_that_has_it(client, caplog):
    """pdf-fonts.css gives each face only what its file holds: the Armenian "․" (U+2024)
    and the hyphen "‐" (U+2010) come from Noto Sans Armenian, not as missing-glyph boxes."""
    post = PostFactory(language="hy", body="<p>Նշեք պատճառը․ մասնակիցը ‐ կտեսնի այն։</p>")

    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        response = client.get(pdf_url(post))

    assert response.status_code == 200
    assert [r.getMessage() for r in caplog.records if ".notdef" in r.getMessage()] == []
