"""Image bombs are refused with a clear message; large attachments still upload."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from posts.models import Attachment, Author
from posts.models import Image as LibraryImage
from tests.posts.test_admin import ADD, add_post_form

pytestmark = pytest.mark.django_db


def png(width: int, height: int, name: str = "image.png") -> SimpleUploadedFile:
    """A PNG of one colour: huge in pixels, a few kilobytes on disk."""
    data = BytesIO()
    Image.new("1", (width, height)).save(data, "PNG", optimize=True)
    return SimpleUploadedFile(name, data.getvalue(), content_type="image/png")


def stored_files(settings) -> list:
    return [path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()]


# Pillow warns as it reads the header (over 89 megapixels): that is the point.
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_an_image_bomb_is_refused_as_a_portrait(editor_client, settings):
    bomb = png(10_000, 10_000, "portrait.png")
    assert bomb.size < 50_000

    response = editor_client.post(
        reverse("admin:posts_author_add"),
        {"name": "Bo Bomb", "slug": "bo-bomb", "portrait": bomb},
    )

    assert response.status_code == 200
    assert "This image is 10000 × 10000 pixels" in response.text
    assert not Author.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.parametrize(("width", "height"), [(9_000, 10), (6_000, 6_000)])
def test_a_library_image_too_wide_or_too_large_is_refused(editor_client, settings, width, height):
    form = {"file": png(width, height), "alt_text": "A map"}

    response = editor_client.post(reverse("admin:posts_image_add"), form)

    assert response.status_code == 200
    assert f"This image is {width} × {height} pixels" in response.text
    assert not LibraryImage.objects.exists()
    assert stored_files(settings) == []


def test_an_image_within_the_limits_is_stored(editor_client, settings):
    response = editor_client.post(
        reverse("admin:posts_author_add"),
        {"name": "Ada Portrait", "slug": "ada-portrait", "portrait": png(800, 1000)},
    )

    assert response.status_code == 302
    assert Author.objects.get().portrait.width == 800


def test_an_attachment_larger_than_the_request_body_limit_uploads(editor_client, settings):
    # DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) limits form fields, never uploaded files.
    big = b"%PDF-1.7\n" + b"0" * (3 * 1024 * 1024) + b"\n%%EOF\n"
    assert len(big) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    form = add_post_form(**{"attachments-0-file": SimpleUploadedFile("big.pdf", big)})

    response = editor_client.post(ADD, form)

    assert response.status_code == 302
    assert Attachment.objects.get().size == len(big)
