"""Media on a real S3 server (SeaweedFS): the same upload checks, names and privacy."""

from io import BytesIO
from pathlib import Path

import pytest
import requests
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from posts.models import Attachment
from tests.factories import (
    AttachmentFactory,
    AuthorFactory,
    ImageFactory,
    PostFactory,
    picture_bytes,
)
from tests.pdfs import pdf_bytes
from tests.storage.conftest import MEDIA_BUCKET, PRIVATE_BUCKET

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n% brief on S3\n%%EOF\n"


def png(size=(40, 20)) -> bytes:
    data = BytesIO()
    Image.new("RGB", size, "#1d4e89").save(data, format="PNG")
    return data.getvalue()


def keys(s3, bucket: str, prefix: str) -> list[str]:
    return [
        item["Key"] for item in s3.list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", [])
    ]


def local_files(settings) -> list[Path]:
    return [
        p
        for root in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT)
        if Path(root).exists()
        for p in Path(root).rglob("*")
        if p.is_file()
    ]


def test_an_attachment_goes_to_the_private_bucket_and_downloads_through_the_view(
    client, settings, s3, on_s3
):
    attachment = Attachment(post=PostFactory(), title="Brief")
    attachment.file = SimpleUploadedFile("Country brief.pdf", PDF)
    attachment.full_clean()  # the upload checks run as for any editor's upload
    attachment.save()

    name = attachment.file.name
    assert name.startswith("attachments/") and "Country" not in name
    assert keys(s3, PRIVATE_BUCKET, on_s3) == [f"{on_s3}/{name}"]
    assert keys(s3, MEDIA_BUCKET, on_s3) == []
    assert local_files(settings) == []

    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert 'filename="Country brief.pdf"' in response["Content-Disposition"]
    assert Attachment.objects.get(pk=attachment.pk).download_count == 1


def test_a_fake_pdf_is_refused_on_s3_as_on_disk(s3, on_s3):
    attachment = Attachment(post=PostFactory(), title="Fake")
    attachment.file = SimpleUploadedFile("fake.pdf", b"<html>not a pdf</html>")

    with pytest.raises(Exception, match="not a valid PDF"):
        attachment.full_clean()
    assert keys(s3, PRIVATE_BUCKET, on_s3) == []


def test_nobody_gets_a_url_for_a_drafts_attachment(client, s3_server, on_s3):
    attachment = AttachmentFactory(post=PostFactory(draft=True), file=ContentFile(PDF, "b.pdf"))

    assert client.get(attachment.get_absolute_url()).status_code == 404
    with pytest.raises(ValueError):
        _ = attachment.file.url  # no public and no presigned URL to hand out
    direct = f"{s3_server['endpoint']}/{PRIVATE_BUCKET}/{on_s3}/{attachment.file.name}"
    assert requests.get(direct, timeout=5).status_code == 403


def test_a_portrait_goes_to_the_public_bucket_under_a_generated_name(s3, on_s3, settings):
    author = AuthorFactory()
    author.portrait.save("Jane Doe at home.png", ContentFile(png()))

    name = author.portrait.name
    assert name.startswith("portraits/") and name.endswith(".png") and "Jane" not in name
    assert keys(s3, MEDIA_BUCKET, on_s3) == [f"{on_s3}/{name}"]
    assert local_files(settings) == []
    public = requests.get(author.portrait.url, timeout=5)
    assert public.status_code == 200 and public.content == png()


def test_a_library_image_and_its_renditions_go_to_the_public_bucket(s3, on_s3, settings):
    image = ImageFactory(file=ContentFile(picture_bytes(1200, 600), name="Holiday snap.jpg"))

    stored = keys(s3, MEDIA_BUCKET, on_s3)
    assert f"{on_s3}/{image.file.name}" in stored and "Holiday" not in image.file.name
    assert len(stored) == 1 + 2 * len(image.renditions)  # original, WebP and fallback each
    assert local_files(settings) == []
    assert requests.get(image.url, timeout=5).status_code == 200


def test_public_media_is_stored_with_a_year_long_cache_header(s3, on_s3):
    """Names are never reused, so browsers may keep every picture without asking again."""
    image = ImageFactory()

    for name in [image.file.name, image.renditions[0]["webp"]]:
        stored = s3.head_object(Bucket=MEDIA_BUCKET, Key=f"{on_s3}/{name}")
        assert stored["CacheControl"] == "public, max-age=31536000, immutable"
    served = requests.get(image.url, timeout=5)
    assert served.headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_the_pdf_embeds_a_featured_image_read_from_s3(client, on_s3):
    from pypdf import PdfReader

    post = PostFactory(featured_image=ImageFactory(file=ContentFile(png((600, 200)), "b.png")))

    response = client.get(f"/posts/{post.slug}/pdf/")

    reader = PdfReader(BytesIO(pdf_bytes(response)))
    assert [image.image.size for image in reader.pages[0].images] == [(600, 200)]


def test_the_storage_api_reads_public_media_for_the_pdf_fetcher(on_s3):
    from posts.uploads import media_for_url

    name = storages["default"].save("portraits/x.png", ContentFile(b"png-bytes"))

    assert media_for_url(storages["default"].url(name), "http://testserver") == b"png-bytes"
    assert media_for_url("http://elsewhere.example/x.png", "http://testserver") is None
