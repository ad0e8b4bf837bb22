"""Post PDFs are rendered by tasks, never while a reader waits: the view serves a
stored PDF or answers "Preparing your PDF…" at once; changes render in the background."""

import shutil
import subprocess
from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal.cache_lock import slot_of
from posts.printing import render as render_module
from posts.printing import store
from posts.printing.tasks import render_post_pdf_task
from tests.factories import AttachmentFactory, AuthorFactory, ImageFactory, PostFactory
from tests.pdfs import pdf_bytes, queued, read_pdf, run_queued

pytestmark = pytest.mark.django_db

RENDER = "posts.printing.tasks.render_post_pdf_task"


def pdf_url(post):
    return reverse("posts:pdf", args=[post.slug])


def spy_renderer():
    return mock.patch.object(render_module, "render_post_pdf", wraps=render_module.render_post_pdf)


def test_request_only_enqueues_and_answers_preparing(client, task_queue):
    post = PostFactory(title="Slow to print")

    with spy_renderer() as renderer:
        response = client.get(pdf_url(post))

    renderer.assert_not_called()
    assert response.status_code == 202
    assert response["Retry-After"] == "3"
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "Preparing your PDF…" in page and "Slow to print" in page
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    assert f'data-hx-get="{pdf_url(post)}"' in page
    assert queued(task_queue, RENDER) == [(RENDER, (post.pk, True))]
    assert store.stored(store.post_pdf_name(post, True)) is None


def test_waiting_readers_do_not_queue_the_render_again(client, task_queue):
    post = PostFactory()

    client.get(pdf_url(post))
    second = client.get(pdf_url(post))

    assert second.status_code == 202
    assert len(queued(task_queue, RENDER)) == 1


def test_after_the_task_ran_the_next_request_gets_the_pdf(client, task_queue):
    post = PostFactory(title="Ready soon")
    client.get(pdf_url(post))

    run_queued(task_queue)
    with spy_renderer() as renderer:
        response = client.get(pdf_url(post))

    renderer.assert_not_called()
    assert response.status_code == 200
    assert "Ready soon" in read_pdf(response).pages[0].extract_text()
    assert "public" in response["Cache-Control"]


def test_htmx_poll_gets_the_status_then_the_download_link(client, task_queue):
    post = PostFactory()
    client.get(pdf_url(post))

    waiting = client.get(pdf_url(post), headers={"HX-Request": "true"})
    run_queued(task_queue)
    ready = client.get(pdf_url(post), headers={"HX-Request": "true"})

    assert waiting.status_code == 202
    assert "<html" not in waiting.content.decode() and "data-hx-get" in waiting.content.decode()
    assert ready.status_code == 200
    assert f'href="{pdf_url(post)}"' in ready.content.decode()
    assert "data-hx-get" not in ready.content.decode()


def test_a_stored_pdf_answers_conditional_requests(client):
    post = PostFactory()
    first = client.get(pdf_url(post))

    again = client.get(pdf_url(post), headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 304


def test_publishing_renders_in_the_background_after_commit(
    task_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post = PostFactory(title="Fresh news")
    assert queued(task_queue, RENDER) == [(RENDER, (post.pk, True))]

    run_queued(task_queue)

    assert store.stored(store.post_pdf_name(post, True)) is not None


def test_drafts_are_not_rendered_ahead(task_queue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        PostFactory(draft=True)

    assert queued(task_queue, RENDER) == []


@pytest.mark.parametrize("change", ["edit", "author", "attachment", "topics", "image"])
def test_every_change_renders_the_new_revision(
    client, task_queue, django_capture_on_commit_callbacks, change
):
    author = AuthorFactory(name="Ana Author")
    post = PostFactory(title="Before", authors=[author], featured_image=ImageFactory())
    render_post_pdf_task.call(post.pk, True)  # the previous revision is stored
    with django_capture_on_commit_callbacks(execute=True):
        if change == "edit":
            post.title = "After"
            post.save()
        elif change == "author":
            author.name = "Ana Renamed"
            author.save()
        elif change == "attachment":
            AttachmentFactory(post=post, title="New slides")
        elif change == "image":
            post.featured_image.caption = "Harbour at dawn"
            post.featured_image.save()
        else:
            post.tags.add("Remittances")
    assert (RENDER, (post.pk, True)) in queued(task_queue, RENDER)

    run_queued(task_queue)
    response = client.get(pdf_url(post))

    assert response.status_code == 200
    expected = {
        "edit": "After",
        "author": "Ana Renamed",
        "attachment": "New slides",
        "topics": "Remittances",
        "image": "Harbour at dawn",
    }[change]
    assert expected in " ".join(page.extract_text() for page in read_pdf(response).pages)


def test_a_scheduled_post_is_ready_when_its_time_comes(
    client, task_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post = PostFactory(scheduled=True, title="Tomorrow's brief")
    run_queued(task_queue)

    with time_machine.travel(post.published_at + timedelta(minutes=1)), spy_renderer() as renderer:
        response = client.get(pdf_url(post))

    renderer.assert_not_called()
    assert response.status_code == 200
    assert "Preview" not in read_pdf(response).pages[0].extract_text()


def test_over_the_render_cap_the_task_waits_in_the_queue(task_queue, settings):
    settings.PDF_MAX_CONCURRENT_RENDERS = 1
    post = PostFactory()

    with slot_of("pdf:render", 1, seconds=60) as held, spy_renderer() as renderer:
        assert held
        render_post_pdf_task.enqueue(post.pk, True)
        run_queued_once(task_queue)
        renderer.assert_not_called()
        # It came back later, to run once a place is free.
        assert [
            r.task.run_after is not None for r in task_queue.results if r.task.module_path == RENDER
        ] == [True]
    run_queued(task_queue)

    assert store.stored(store.post_pdf_name(post, True)) is not None


def run_queued_once(backend):
    result = backend.results.pop(0)
    result.task.call(*result.args, **result.kwargs)


def test_the_immediate_backend_renders_inside_the_request(client):
    """Development (`make run`): no worker, the first request gets the PDF."""
    post = PostFactory()

    response = client.get(pdf_url(post))

    assert response.status_code == 200
    assert pdf_bytes(response).startswith(b"%PDF")


def test_deleting_a_post_deletes_its_stored_pdfs(client, django_capture_on_commit_callbacks):
    post = PostFactory()
    client.get(pdf_url(post))
    folder = f"posts/{post.pk}"
    assert store.storages["pdfs"].listdir(folder)[1]

    with django_capture_on_commit_callbacks(execute=True):
        post.delete()

    assert store.storages["pdfs"].listdir(folder)[1] == []


def test_a_new_revision_replaces_the_old_file(client, django_capture_on_commit_callbacks):
    post = PostFactory()
    client.get(pdf_url(post))
    old = store.post_pdf_name(post, True)
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        with django_capture_on_commit_callbacks(execute=True):
            post.save()  # as the admin saves: the page cache learns of the change

        client.get(pdf_url(post))

    assert not store.storages["pdfs"].exists(old)
    assert store.storages["pdfs"].exists(store.post_pdf_name(post, True))


@pytest.mark.parametrize("stylesheet", ["css/pdf.css", "css/pdf-fonts.css"])
def test_a_new_pdf_stylesheet_names_new_files(stylesheet):
    """Collected with a new content hash, either stylesheet makes every PDF render again."""
    post = PostFactory()
    before = store.post_pdf_name(post, True)
    hashed = {stylesheet: f"/static/{stylesheet[:-4]}.0123abcd.css"}

    with mock.patch.object(store, "static", lambda path: hashed.get(path, f"/static/{path}")):
        after = store.post_pdf_name(post, True)

    assert after != before and after.startswith(f"posts/{post.pk}/")


def test_a_lost_cache_entry_recovers_the_stored_file_without_rendering(client):
    from django.core.cache import cache

    post = PostFactory()
    client.get(pdf_url(post))
    cache.clear()

    with spy_renderer() as renderer:
        response = client.get(pdf_url(post))

    renderer.assert_not_called()
    assert response.status_code == 200


# Tagged, accessible PDFs (PDF/UA-1).


def test_post_pdf_is_tagged_with_language_and_title(client):
    post = PostFactory(title="Accessible brief")

    reader = read_pdf(client.get(pdf_url(post)))

    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert catalog["/Lang"] == "en"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert reader.metadata.title == "Accessible brief"


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="poppler-utils not installed")
def test_pdfinfo_says_tagged(client, tmp_path):
    path = tmp_path / "post.pdf"
    path.write_bytes(pdf_bytes(client.get(pdf_url(PostFactory()))))

    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)

    assert "Tagged:          yes" in info.stdout


# File names: the post's PDF never downloads under an attachment's name.


def test_pdf_and_attachment_download_under_distinct_names(client):
    post = PostFactory(slug="field-notes")
    same = AttachmentFactory(post=post, original_name="field-notes-print.pdf")
    usual = AttachmentFactory(post=post, original_name="field-notes.pdf")

    pdf = client.get(pdf_url(post))
    first = client.get(same.get_absolute_url())
    second = client.get(usual.get_absolute_url())

    assert pdf["Content-Disposition"] == 'inline; filename="field-notes-print.pdf"'
    assert first["Content-Disposition"] == 'attachment; filename="field-notes-print-attachment.pdf"'
    assert second["Content-Disposition"] == 'attachment; filename="field-notes.pdf"'


def test_a_published_pdf_is_served_from_the_shared_cache_until_the_post_changes(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    post = PostFactory(title="Cached print")
    first = client.get(pdf_url(post))
    assert first.status_code == 200

    with django_assert_num_queries(0):
        again = client.get(pdf_url(post))

    assert again["Content-Type"] == "application/pdf"
    assert pdf_bytes(again) == pdf_bytes(first)
    with django_capture_on_commit_callbacks(execute=True):
        post.title = "Cached print, revised"
        post.save()
    fresh = client.get(pdf_url(post))
    assert "Cached print, revised" in read_pdf(fresh).pages[0].extract_text()


def test_a_drafts_pdf_is_never_stored_for_readers(editor_client):
    draft = PostFactory(draft=True)

    previewed = editor_client.get(pdf_url(draft))

    assert previewed.status_code == 200 and "private" in previewed["Cache-Control"]
    assert Client().get(pdf_url(draft)).status_code == 404
