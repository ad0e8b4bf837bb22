"""Revisions: every admin save keeps one; editors list, compare and restore them."""

import pytest
from django.urls import reverse

from posts.models import Attachment, Author, Post, PostRevision
from posts.revision_diff import body_paragraphs, compare
from tests.factories import AuthorFactory
from tests.posts.test_admin import ADD, add_post_form

pytestmark = pytest.mark.django_db


def change_form(post, **overrides):
    """The post's change form as the admin would send it back, with its inlines."""
    links = list(post.post_authors.order_by("position"))
    files = list(post.attachments.order_by("position"))
    data = {
        "title": post.title,
        "slug": post.slug,
        "summary": post.summary,
        "body": post.body,
        "status": post.status,
        "published_at_0": post.published_at.strftime("%Y-%m-%d"),
        "published_at_1": post.published_at.strftime("%H:%M:%S"),
        "tags": ", ".join(sorted(t.name for t in post.tags.all())),
        "comments_enabled": "on",
        "language": post.language,
        "featured_image_alt": "",
        "post_authors-TOTAL_FORMS": str(len(links)),
        "post_authors-INITIAL_FORMS": str(len(links)),
        "attachments-TOTAL_FORMS": str(len(files)),
        "attachments-INITIAL_FORMS": str(len(files)),
    }
    for i, link in enumerate(links):
        data |= {
            f"post_authors-{i}-id": str(link.pk),
            f"post_authors-{i}-post": str(post.pk),
            f"post_authors-{i}-author": str(link.author_id),
            f"post_authors-{i}-position": str(link.position),
        }
    for i, file in enumerate(files):
        data |= {
            f"attachments-{i}-id": str(file.pk),
            f"attachments-{i}-post": str(post.pk),
            f"attachments-{i}-title": file.title,
            f"attachments-{i}-position": str(file.position),
        }
    return data | overrides


@pytest.fixture
def written(editor_client):
    """A post written in the admin (first revision), then retitled and re-ordered (second)."""
    response = editor_client.post(ADD, add_post_form())
    assert response.status_code == 302
    post = Post.objects.get(slug="diaspora-bonds-reconsidered")
    url = reverse("admin:posts_post_change", args=[post.pk])
    data = change_form(
        post,
        title="Diaspora bonds, revisited",
        summary="What we learned about <b>bonds</b>.",
        body="<h2>Why</h2><p>Because it mattered.</p>",
        tags="Diaspora, Bonds",
        **{"post_authors-0-position": "5", "post_authors-1-position": "0"},
    )
    assert editor_client.post(url, data).status_code == 302
    return post


def test_each_admin_save_keeps_a_revision_with_authors_in_order_and_files(written, editor):
    first, second = PostRevision.objects.filter(post=written).order_by("created_at", "pk")

    assert first.created_by == editor
    assert first.snapshot["title"] == "Diaspora bonds, reconsidered"
    assert [a["name"] for a in first.snapshot["authors"]] == ["First in list", "Second in list"]
    assert first.snapshot["files"][0]["title"] == "The brief (PDF)"
    assert first.snapshot["topics"] == ["Diaspora", "Remittances"]
    assert [a["name"] for a in second.snapshot["authors"]] == ["Second in list", "First in list"]
    assert {"title", "summary", "body", "topics", "authors"} <= set(second.changed)


def test_a_save_that_changes_nothing_adds_no_revision(written, editor_client):
    url = reverse("admin:posts_post_change", args=[written.pk])
    written.refresh_from_db()

    editor_client.post(url, change_form(written))

    assert PostRevision.objects.filter(post=written).count() == 2


def test_the_list_links_every_revision_and_the_change_form_links_the_list(written, editor_client):
    change = editor_client.get(reverse("admin:posts_post_change", args=[written.pk]))
    listing = editor_client.get(reverse("admin:posts_post_revisions", args=[written.pk]))

    assert reverse("admin:posts_post_revisions", args=[written.pk]) in change.text
    assert listing.text.count('name="a"') == 2
    assert "Edith Editor" in listing.text


def test_compare_shows_a_readable_escaped_diff(written, editor_client):
    old, new = PostRevision.objects.filter(post=written).order_by("created_at", "pk")
    url = reverse("admin:posts_post_compare", args=[written.pk])

    page = editor_client.get(url, {"a": new.pk, "b": old.pk}).text  # either order

    assert "<del>reconsidered</del>" in page
    assert "<ins>revisited</ins>" in page
    assert "<ins>&lt;b&gt;bonds&lt;/b&gt;.</ins>" in page  # typed markup is shown, never run
    assert "<del>Because.</del> <ins>Because it mattered.</ins>" in page
    assert "Added: <ins>Bonds</ins>" in page
    assert "Removed: <del>Remittances</del>" in page
    assert "Second in list → First in list" in page


def test_compare_needs_two_revisions_of_this_post(written, editor_client):
    url = reverse("admin:posts_post_compare", args=[written.pk])
    response = editor_client.get(url, {"a": "1", "b": "1"})
    assert response.status_code == 302


def test_restoring_brings_back_fields_topics_and_author_order_as_a_new_revision(
    written, editor_client, editor
):
    first = PostRevision.objects.filter(post=written).order_by("created_at", "pk").first()
    url = reverse("admin:posts_post_restore", args=[written.pk, first.pk])

    response = editor_client.post(url)

    written.refresh_from_db()
    assert response.status_code == 302
    assert written.title == "Diaspora bonds, reconsidered"
    assert written.summary == "What we learned about diaspora bonds."
    assert sorted(t.name for t in written.tags.all()) == ["Diaspora", "Remittances"]
    assert [a.name for a in written.ordered_authors] == ["First in list", "Second in list"]
    newest = PostRevision.objects.filter(post=written).order_by("-created_at", "-pk").first()
    assert newest.restored_from == first and newest.created_by == editor
    assert PostRevision.objects.filter(post=written).count() == 3


def test_restoring_says_which_deleted_files_cannot_come_back(written, editor_client):
    first = PostRevision.objects.filter(post=written).order_by("created_at", "pk").first()
    Attachment.objects.filter(post=written).delete()

    response = editor_client.post(
        reverse("admin:posts_post_restore", args=[written.pk, first.pk]), follow=True
    )

    assert "cannot come back: The brief (PDF)" in response.text


def test_restoring_skips_authors_deleted_since(written, editor_client):
    first = PostRevision.objects.filter(post=written).order_by("created_at", "pk").first()
    Author.objects.filter(name="First in list").delete()

    editor_client.post(reverse("admin:posts_post_restore", args=[written.pk, first.pk]))

    assert [a.name for a in written.ordered_authors] == ["Second in list"]


def test_restore_is_post_only_and_for_editors(written, editor_client, client, member):
    first = PostRevision.objects.filter(post=written).first()
    url = reverse("admin:posts_post_restore", args=[written.pk, first.pk])
    assert editor_client.get(url).status_code == 405

    client.force_login(member)
    assert client.post(url).status_code == 302  # to the login: members are not staff
    written.refresh_from_db()
    assert written.title == "Diaspora bonds, revisited"


def test_staff_without_the_post_permission_cannot_see_revisions(written, client):
    from tests.factories import UserFactory

    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    assert client.get(reverse("admin:posts_post_revisions", args=[written.pk])).status_code in {
        403,
        404,
    }


def test_body_diff_compares_paragraphs_as_text():
    assert body_paragraphs("<h2>A &amp; B</h2><p>One<br>Two</p><ul><li>x</li></ul>") == [
        "A & B",
        "One",
        "Two",
        "x",
    ]
    diffs = {str(d.label): d for d in compare({"body": "<p>Same</p>"}, {"body": "<p>Same</p>"})}
    assert not diffs["Body"].changed


def test_author_rename_does_not_break_old_snapshots(written):
    AuthorFactory(name="Someone else")
    old, new = PostRevision.objects.filter(post=written).order_by("created_at", "pk")
    assert compare(old.snapshot, new.snapshot)


def test_a_revision_that_would_fail_the_publishing_checks_is_not_restored_on_a_published_post(
    written, editor_client
):
    first = PostRevision.objects.filter(post=written).order_by("created_at", "pk").first()
    written.refresh_from_db()
    written.status, written.summary = "published", "A summary for the live post."
    written.save()
    first.snapshot = {**first.snapshot, "status": "published", "summary": ""}
    first.save()

    response = editor_client.post(
        reverse("admin:posts_post_restore", args=[written.pk, first.pk]), follow=True
    )

    written.refresh_from_db()
    assert "cannot be restored while the post is published" in response.text
    assert written.summary == "A summary for the live post."
    assert written.title == "Diaspora bonds, revisited"
    assert PostRevision.objects.filter(post=written, restored_from=first).count() == 0
