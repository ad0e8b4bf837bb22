"""The reading pack is assembled from stored post PDFs, prepared in the background
when some are missing, limited per member, and never rendered by Save or Remove."""

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.cache_lock import slot_of
from posts.printing import render as render_module
from posts.printing.tasks import render_post_pdf_task
from tests.factories import PostFactory, SavedPostFactory
from tests.pdfs import queued, read_pdf, run_queued

pytestmark = pytest.mark.django_db

PACK_URL = reverse("saved:reading_pack")
BUILD = "saved.pack.build_reading_pack_task"


def save(user, *posts):
    now = timezone.now()
    for age, post in enumerate(reversed(posts)):
        SavedPostFactory(user=user, post=post, saved_at=now - timedelta(minutes=age))


def stored_posts(user, count):
    posts = [PostFactory(title=f"Stored post {n}", body="<p>Body.</p>") for n in range(count)]
    save(user, *posts)
    for post in posts:
        render_post_pdf_task.call(post.pk, True)
    return posts


def test_pack_from_stored_pdfs_lays_out_only_cover_and_contents(member_client, member):
    posts = stored_posts(member, 3)

    with (
        mock.patch.object(render_module, "render_post_pdf") as post_renderer,
        mock.patch.object(render_module, "render_pdf", wraps=render_module.render_pdf) as renderer,
    ):
        response = member_client.get(PACK_URL)

    assert response.status_code == 200
    post_renderer.assert_not_called()
    assert renderer.call_count == 1  # the cover and contents
    reader = read_pdf(response)
    assert len(reader.pages) == 2 + 3
    # A bookmark per post, at the page its PDF starts on; newest saved first.
    starts = {
        item.title: reader.get_destination_page_number(item)
        for item in reader.outline
        if not isinstance(item, list)
    }
    assert [starts[post.title] for post in reversed(posts)] == [2, 3, 4]


def test_pack_keeps_the_tags_of_every_part(member_client, member):
    stored_posts(member, 2)

    reader = read_pdf(member_client.get(PACK_URL))

    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert catalog["/Lang"] == "en"
    tree = catalog["/StructTreeRoot"]
    (document,) = tree["/K"]
    assert document["/S"] == "/Document"
    assert len(document["/K"]) == 3  # cover and contents, then each post's tree
    page_ids = {page.indirect_reference.idnum for page in reader.pages}
    parents = tree["/ParentTree"]["/Nums"][::2]
    assert [page["/StructParents"] for page in reader.pages] == sorted(
        page["/StructParents"] for page in reader.pages
    )
    assert {page["/StructParents"] for page in reader.pages} <= set(parents)
    assert all(kid["/K"][0].get_object().raw_get("/Pg").idnum in page_ids for kid in document["/K"])


def test_a_pack_needing_renders_is_prepared_in_the_background(member_client, member, task_queue):
    save(member, PostFactory(title="Not printed yet"))

    with mock.patch.object(render_module, "render_pdf") as renderer:
        response = member_client.get(PACK_URL)
        again = member_client.get(PACK_URL)
    renderer.assert_not_called()
    assert response.status_code == again.status_code == 202
    assert response["Retry-After"] == "3"
    assert "Preparing your PDF…" in response.content.decode()
    assert queued(task_queue, BUILD) == [(BUILD, (member.pk, "en"))]

    run_queued(task_queue)
    ready = member_client.get(PACK_URL)

    assert ready.status_code == 200
    assert ready["Content-Disposition"].startswith('attachment; filename="reading-pack-')
    assert "Not printed yet" in " ".join(page.extract_text() for page in read_pdf(ready).pages)


def test_over_the_render_cap_a_pack_waits_in_the_queue(member_client, member, task_queue):
    stored_posts(member, 1)

    with slot_of("pdf:render", 2, seconds=60), slot_of("pdf:render", 2, seconds=60):
        response = member_client.get(PACK_URL)

    assert response.status_code == 202
    assert queued(task_queue, BUILD) == [(BUILD, (member.pk, "en"))]


def test_pack_builds_are_limited_per_member(member_client, member, other_member, client, settings):
    settings.READING_PACK_PER_HOUR = 2
    stored_posts(member, 1)

    assert member_client.get(PACK_URL).status_code == 200
    assert member_client.get(PACK_URL).status_code == 200  # stored: not a build
    save(member, PostFactory())
    assert member_client.get(PACK_URL).status_code == 200
    save(member, PostFactory())
    limited = member_client.get(PACK_URL)

    assert limited.status_code == 429
    assert 0 < int(limited["Retry-After"]) <= 3600
    assert "Too many reading packs for now" in limited.content.decode()
    # Another member has their own allowance.
    save(other_member, PostFactory())
    client.force_login(other_member)
    assert client.get(PACK_URL).status_code == 200


@pytest.mark.parametrize("action", ["save", "remove"])
def test_saving_or_removing_never_renders_the_pack(member_client, member, action):
    post = PostFactory()
    if action == "remove":
        save(member, post)

    with mock.patch.object(render_module, "render_pdf") as renderer:
        response = member_client.post(reverse("saved:toggle", args=[post.slug]), {"action": action})

    assert response.status_code == 302
    renderer.assert_not_called()


def test_saved_list_links_to_the_pack_as_a_page_not_a_download(member_client, member):
    save(member, PostFactory())

    page = member_client.get(reverse("saved:list")).content.decode()

    assert f'<a href="{PACK_URL}">' in page
