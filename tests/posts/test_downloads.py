"""File downloads: visibility, counting and the headers browsers act on."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile

from posts.counting import flush_activity_counts
from posts.models import Attachment, PostActivity
from tests.factories import AttachmentFactory, PostFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% test file\n%%EOF\n"


def download(client, attachment):
    return client.get(attachment.get_absolute_url())


def test_download_serves_the_file_with_safe_headers(client):
    attachment = AttachmentFactory(original_name="brief.pdf")

    response = download(client, attachment)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="brief.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Length"] == str(len(PDF))
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("Résumé – brief.pdf", "attachment; filename*=utf-8''R%C3%A9sum%C3%A9%20%E2%80%93%20brief.pdf"),
        ("Отчёт.pdf", "attachment; filename*=utf-8''%D0%9E%D1%82%D1%87%D1%91%D1%82.pdf"),
        ('say "hi".pdf', 'attachment; filename="say \\"hi\\".pdf"'),
        ("plain-name.csv", 'attachment; filename="plain-name.csv"'),
    ],
)  # fmt: skip
def test_file_names_follow_rfc_6266(client, name, header):
    attachment = AttachmentFactory(original_name=name)

    assert download(client, attachment)["Content-Disposition"] == header


def test_download_runs_in_a_csp_sandbox(client):
    attachment = AttachmentFactory()

    policy = download(client, attachment)["Content-Security-Policy"]

    directives = [directive.strip() for directive in policy.split(";")]
    assert "sandbox" in directives
    assert "default-src 'none'" in directives


def test_csv_is_served_as_utf8_text(client):
    attachment = AttachmentFactory(
        file=ContentFile(b"a,b\n1,2\n", name="data.csv"),
        original_name="data.csv",
        content_type="text/csv",
    )

    response = download(client, attachment)

    assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_download_is_counted_atomically_and_recorded_as_activity(client):
    attachment = AttachmentFactory()

    for _ in range(3):
        download(client, attachment)
    # A stale copy saved later must not undo the counts: the view never saves the model.
    attachment.title = "Renamed"
    attachment.save()

    attachment.refresh_from_db()
    assert attachment.download_count == 3
    assert not PostActivity.objects.exists()  # counted in the cache until the flush
    flush_activity_counts()
    activity = PostActivity.objects.get(post=attachment.post)
    assert activity.downloads == 3
    assert activity.views == 0


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
@pytest.mark.parametrize("persona", ["client", "member_client"])
def test_files_of_hidden_posts_are_404_and_not_counted(request, trait, persona):
    web = request.getfixturevalue(persona)
    attachment = AttachmentFactory(post=PostFactory(**{trait: True}))

    response = download(web, attachment)

    assert response.status_code == 404
    attachment.refresh_from_db()
    assert attachment.download_count == 0
    flush_activity_counts()
    assert not PostActivity.objects.exists()


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_staff_preview_hidden_files_without_counting(editor_client, trait):
    attachment = AttachmentFactory(post=PostFactory(**{trait: True}))

    response = download(editor_client, attachment)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    attachment.refresh_from_db()
    assert attachment.download_count == 0
    flush_activity_counts()
    assert not PostActivity.objects.exists()


def test_attachment_of_another_post_is_404(client):
    attachment = AttachmentFactory()
    other = PostFactory()

    response = client.get(f"/posts/{other.slug}/files/{attachment.pk}/")

    assert response.status_code == 404


def test_missing_file_is_404(client):
    attachment = AttachmentFactory()
    attachment.file.storage.delete(attachment.file.name)

    response = download(client, attachment)

    assert response.status_code == 404


def test_download_refuses_post(client):
    attachment = AttachmentFactory()

    response = client.post(attachment.get_absolute_url())

    assert response.status_code == 405
    attachment.refresh_from_db()
    assert attachment.download_count == 0


def test_download_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    attachment = AttachmentFactory()
    download(client, attachment)  # today's activity row exists from now on

    # attachment + post, counter UPDATE, activity UPDATE
    with django_assert_max_num_queries(3):
        download(client, attachment)


def test_attachments_have_no_public_media_url(client):
    attachment = AttachmentFactory(post=PostFactory(draft=True))
    storage = attachment.file.storage

    with pytest.raises(ValueError, match="no public URL"):
        _ = attachment.file.url
    # Stored outside MEDIA_ROOT, so no media server can hand it out either.
    stored = Path(storage.path(attachment.file.name)).resolve()
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert stored.read_bytes() == PDF
    assert client.get(f"{settings.MEDIA_URL}{attachment.file.name}").status_code == 404


def test_configured_storage_refuses_urls():
    """Production settings, not just the test override, keep attachments URL-less."""
    from django.core.files.storage import storages

    assert settings.STORAGES["attachments"]["BACKEND"] == "posts.uploads.PrivateFileSystemStorage"
    with pytest.raises(ValueError):
        storages["attachments"].url("attachments/x.pdf")


def test_download_name_falls_back_to_the_title(client):
    attachment = AttachmentFactory(title="Annual report 2021", original_name="")

    response = download(client, attachment)

    assert response["Content-Disposition"] == 'attachment; filename="annual-report-2021.pdf"'


def test_generated_names_on_disk():
    first = AttachmentFactory()
    second = AttachmentFactory()

    assert first.file.name != second.file.name
    assert "brief" not in first.file.name
    assert Attachment.objects.count() == 2


def test_deleting_an_attachment_removes_its_file(django_capture_on_commit_callbacks):
    attachment = AttachmentFactory()
    storage, name = attachment.file.storage, attachment.file.name
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        attachment.delete()

    assert not storage.exists(name)
