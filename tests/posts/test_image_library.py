"""The image library: checked uploads without location data, renditions made once."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage

from posts.models import Image
from posts.sanitize import sanitize_html
from tests.factories import ImageFactory, picture_bytes

pytestmark = pytest.mark.django_db

ADD_IMAGE = reverse("admin:posts_image_add")
GPS_IFD = 0x8825


def photo_with_location() -> bytes:
    exif = PillowImage.Exif()
    exif[0x010F] = "Camera maker"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (41.0, 43.0, 0.0), 3: "E", 4: (44.0, 47.0, 0.0)})
    data = picture_bytes(900, 600, "JPEG", exif=exif.tobytes())
    with PillowImage.open(ContentFile(data)) as check:
        assert check.getexif().get_ifd(GPS_IFD), "the test photo must carry GPS data"
    return data


def test_an_uploaded_photo_is_stored_without_its_location(editor_client):
    upload = SimpleUploadedFile("tbilisi.jpg", photo_with_location(), content_type="image/jpeg")

    response = editor_client.post(ADD_IMAGE, {"file": upload, "alt_text": "A street in Tbilisi"})

    assert response.status_code == 302
    image = Image.objects.get()
    with default_storage.open(image.file.name) as stored, PillowImage.open(stored) as picture:
        assert not picture.getexif().get_ifd(GPS_IFD)
        assert not picture.getexif()
        assert picture.size == (900, 600)
    assert image.uploaded_by.email.startswith("editor")


def test_renditions_are_webp_and_jpeg_at_three_widths_with_their_sizes():
    image = ImageFactory(file=ContentFile(picture_bytes(1600, 900), name="wide.jpg"))

    assert [(r["width"], r["height"]) for r in image.renditions] == [
        (400, 225),
        (800, 450),
        (1200, 675),
    ]
    for rendition in image.renditions:
        for key, image_format in [("webp", "WEBP"), ("fallback", "JPEG")]:
            with default_storage.open(rendition[key]) as stored, PillowImage.open(stored) as pic:
                assert pic.format == image_format
                assert pic.size == (rendition["width"], rendition["height"])
    assert Image.objects.get(pk=image.pk).renditions == image.renditions


def test_a_small_or_transparent_picture_is_never_enlarged_and_keeps_transparency():
    image = ImageFactory(file=ContentFile(picture_bytes(300, 200, "PNG"), name="icon.png"))

    assert [(r["width"], r["height"]) for r in image.renditions] == [(300, 200)]
    assert image.renditions[0]["fallback"].endswith(".png")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("page.jpg", b"<html><script>alert(1)</script></html>"),
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
    ],
)
def test_a_file_that_is_not_a_picture_is_refused(editor_client, name, data):
    response = editor_client.post(
        ADD_IMAGE, {"file": SimpleUploadedFile(name, data), "alt_text": "x"}
    )

    assert response.status_code == 200
    assert not Image.objects.exists()


def test_a_picture_over_the_size_limit_is_refused(editor_client, settings):
    settings.IMAGE_MAX_BYTES = 1000
    upload = SimpleUploadedFile("big.jpg", picture_bytes(900, 600))
    assert upload.size > 1000

    response = editor_client.post(ADD_IMAGE, {"file": upload, "alt_text": "A big one"})

    assert response.status_code == 200
    assert "pictures may be at most" in response.text
    assert not Image.objects.exists()


def test_deleting_an_image_removes_its_files(django_capture_on_commit_callbacks):
    image = ImageFactory()
    names = [image.file.name, *(r[k] for r in image.renditions for k in ("webp", "fallback"))]

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()

    assert not any(default_storage.exists(name) for name in names)


def test_the_body_keeps_library_images_and_drops_foreign_srcsets():
    kept = sanitize_html(
        '<figure><img src="/media/images/a.jpg" alt="A map" data-file="3" '
        'srcset="/media/images/a-400.jpg 400w"><figcaption>Map</figcaption></figure>'
    )
    foreign = sanitize_html(
        '<img src="/media/images/a.jpg" alt="x" srcset="https://tracker.example/p.gif 1w">'
    )

    assert 'data-file="3"' in kept and "<figcaption>Map</figcaption>" in kept
    assert "<img" not in foreign


def test_the_picker_lists_the_library_for_editors(editor_client):
    ImageFactory(alt_text="Hills at dawn", caption="Dawn")
    url = reverse("admin:posts_image_picker") + "?CKEditorFuncNum=-1"

    text = editor_client.get(url).text

    assert 'data-alt="Hills at dawn"' in text and 'data-callback="-1"' in text


def test_members_cannot_open_the_picker(member_client):
    response = member_client.get(reverse("admin:posts_image_picker"))

    assert response.status_code == 302  # to the login page
    assert "login" in response.url


def test_the_picker_takes_a_new_upload(editor_client):
    url = reverse("admin:posts_image_picker") + "?CKEditorFuncNum=-1"
    upload = SimpleUploadedFile("new.png", picture_bytes(640, 480, "PNG"))

    response = editor_client.post(url, {"file": upload, "alt_text": "A new picture"})

    assert response.status_code == 302 and response.url == url
    assert Image.objects.get().alt_text == "A new picture"
