"""The editorial desk: the post admin, the Editors group and previews."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from posts.models import Attachment, Post, PostActivity, PostStatus
from tests.factories import AttachmentFactory, AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:posts_post_changelist")
ADD = reverse("admin:posts_post_add")

EDITOR_PERMISSIONS = {
    f"{app}.{action}_{model}"
    for app, model in [
        ("posts", "post"),
        ("posts", "author"),
        ("posts", "postauthor"),
        ("posts", "attachment"),
        ("posts", "image"),
        ("taggit", "tag"),
        ("taggit", "taggeditem"),
    ]
    for action in ("add", "change", "delete", "view")
} | {
    "posts.view_postactivity",
    "posts.view_postrevision",
    "posts.view_sharelink",
    "posts.change_sharelink",
    "pages.change_page",  # the footer pages
    "pages.view_page",
}


def add_post_form(**overrides):
    """A complete add-post submission: two ordered authors and one PDF."""
    first, second = AuthorFactory(name="Second in list"), AuthorFactory(name="First in list")
    data = {
        "title": "Diaspora bonds, reconsidered",
        "slug": "diaspora-bonds-reconsidered",
        "summary": "What we learned about diaspora bonds.",
        "body": "<h2>Why</h2><p>Because.</p><script>alert(1)</script>",
        "status": PostStatus.DRAFT,
        "published_at_0": "2026-01-05",
        "published_at_1": "10:00:00",
        "tags": "Diaspora, Remittances",
        "comments_enabled": "on",
        "language": "en",
        "post_authors-TOTAL_FORMS": "2",
        "post_authors-INITIAL_FORMS": "0",
        "post_authors-0-author": str(first.pk),
        "post_authors-0-position": "2",
        "post_authors-1-author": str(second.pk),
        "post_authors-1-position": "1",
        "attachments-TOTAL_FORMS": "1",
        "attachments-INITIAL_FORMS": "0",
        "attachments-0-title": "The brief (PDF)",
        "attachments-0-file": SimpleUploadedFile(
            "brief.pdf", b"%PDF-1.7\n% a small brief\n%%EOF\n", content_type="application/pdf"
        ),
        "attachments-0-position": "0",
    }
    return data | overrides


# The Editors group ------------------------------------------------------------


def test_editors_group_has_exactly_the_editorial_permissions():
    group = Group.objects.get(name="Editors")

    granted = {
        f"{perm.content_type.app_label}.{perm.codename}"
        for perm in group.permissions.select_related("content_type")
    }

    assert granted == EDITOR_PERMISSIONS


def test_editors_cannot_manage_users_or_groups():
    group = Group.objects.get(name="Editors")

    assert not group.permissions.filter(content_type__app_label__in=["accounts", "auth"]).exists()


def test_editor_can_add_a_post_with_ordered_authors_and_a_file(editor_client):
    response = editor_client.post(ADD, add_post_form())

    assert response.status_code == 302, response.context["adminform"].form.errors
    post = Post.objects.get(slug="diaspora-bonds-reconsidered")
    assert [author.name for author in post.ordered_authors] == ["First in list", "Second in list"]
    assert "<script>" not in post.body and "<h2>Why</h2>" in post.body
    assert set(post.tags.names()) == {"Diaspora", "Remittances"}
    attachment = post.attachments.get()
    assert attachment.title == "The brief (PDF)"
    assert attachment.content_type == "application/pdf"
    assert attachment.original_name == "brief.pdf"
    assert attachment.file.read().startswith(b"%PDF")


def test_admin_refuses_a_disguised_upload(editor_client):
    fake = SimpleUploadedFile("brief.pdf", b"<html><script>alert(1)</script></html>")

    response = editor_client.post(ADD, add_post_form(**{"attachments-0-file": fake}))

    assert response.status_code == 200
    assert not Post.objects.filter(slug="diaspora-bonds-reconsidered").exists()
    assert "not a valid PDF file" in response.text


def test_editor_cannot_open_the_users_admin(editor_client):
    response = editor_client.get(reverse("admin:accounts_user_changelist"))

    assert response.status_code == 403


def test_member_cannot_open_the_admin(member_client):
    response = member_client.get(CHANGELIST)

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


# The post list ------------------------------------------------------------------


def make_posts(count: int) -> None:
    for n in range(count):
        post = PostFactory(topics=[f"Topic {n % 4}"], authors=AuthorFactory.create_batch(2))
        AttachmentFactory(post=post, download_count=n)
        PostActivity.objects.create(post=post, day=timezone.localdate(), views=n)


@pytest.mark.parametrize("count", [3, 30])
def test_post_list_costs_a_fixed_number_of_queries(
    editor_client, django_assert_max_num_queries, count
):
    make_posts(count)

    # Session, user, 2 permission lookups, topics filter, 1 count (no "N total"), posts,
    # their authors, 2 for the date hierarchy: the same for 3 posts or 30.
    with django_assert_max_num_queries(10):
        response = editor_client.get(CHANGELIST)

    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == count


@pytest.mark.parametrize(("count", "shown"), [(12, "10+"), (8, "8")])
def test_post_list_counts_up_to_the_limit_and_says_so(editor_client, monkeypatch, count, shown):
    monkeypatch.setattr("posts.admin.PostAdmin.count_limit", 10)
    monkeypatch.setattr("posts.admin.PostAdmin.list_per_page", 5)
    PostFactory.create_batch(count)

    response = editor_client.get(CHANGELIST)
    text = " ".join(response.text.split())

    assert f"{shown} posts" in text
    assert f"Select all {shown} posts" in text
    assert response.context["selection_note_all"] == f"All {shown} selected"
    assert response.context["cl"].paginator.num_pages == 2  # pages of the counted


def test_post_list_shows_views_downloads_authors_and_state(editor_client):
    ada, bo = AuthorFactory(name="Ada Advisor"), AuthorFactory(name="Bo Brief")
    post = PostFactory(title="Counted post", authors=[bo, ada])
    today = timezone.localdate()
    PostActivity.objects.create(post=post, day=today, views=7)
    PostActivity.objects.create(post=post, day=today - timedelta(days=1), views=5)
    AttachmentFactory(post=post, download_count=4)
    AttachmentFactory(post=post, download_count=9)
    PostFactory(title="Waiting post", scheduled=True)
    PostFactory(title="Unfinished post", draft=True)

    response = editor_client.get(CHANGELIST)

    rows = {row.title: row for row in response.context["cl"].result_list}
    assert rows["Counted post"].total_views == 12
    assert rows["Counted post"].total_downloads == 13
    assert rows["Waiting post"].total_views == 0
    assert "Bo Brief, Ada Advisor" in response.text
    assert "Scheduled for" in response.text
    assert "Draft" in response.text
    assert f'href="{post.get_absolute_url()}"' in response.text


@pytest.mark.parametrize(
    ("state", "expected"),
    [("draft", {"Unfinished post"}), ("scheduled", {"Waiting post"}), ("live", {"Live post"})],
)
def test_post_list_filters_by_publication_state(editor_client, state, expected):
    PostFactory(title="Live post")
    PostFactory(title="Waiting post", scheduled=True)
    PostFactory(title="Unfinished post", draft=True)

    response = editor_client.get(CHANGELIST, {"state": state})

    assert {post.title for post in response.context["cl"].result_list} == expected


def test_post_list_searches_author_names(editor_client):
    PostFactory(title="By Marković", authors=[AuthorFactory(name="Elena Marković")])
    PostFactory(title="By someone else")

    response = editor_client.get(CHANGELIST, {"q": "Marković"})

    assert [post.title for post in response.context["cl"].result_list] == ["By Marković"]


def test_post_list_filters_by_topic(editor_client):
    PostFactory(title="On remittances", topics=["Remittances"])
    PostFactory(title="On skills", topics=["Skills"])

    response = editor_client.get(CHANGELIST, {"tags__id__exact": _tag_id("Skills")})

    assert [post.title for post in response.context["cl"].result_list] == ["On skills"]


def _tag_id(name: str) -> int:
    from taggit.models import Tag

    return Tag.objects.get(name=name).pk


# Actions ------------------------------------------------------------------------


def test_publish_now_publishes_drafts_and_scheduled_posts(editor_client):
    draft = PostFactory(draft=True, authors=[AuthorFactory()])
    scheduled = PostFactory(scheduled=True, authors=[AuthorFactory()])

    response = editor_client.post(
        CHANGELIST,
        {"action": "publish_now", "_selected_action": [draft.pk, scheduled.pk]},
        follow=True,
    )

    assert "2 posts are now published." in response.text
    assert Post.objects.published().filter(pk__in=[draft.pk, scheduled.pk]).count() == 2


def test_publish_now_leaves_live_posts_and_their_dates_alone(editor_client):
    live = PostFactory(published_at=timezone.now() - timedelta(days=30))
    draft = PostFactory(draft=True, authors=[AuthorFactory()])

    response = editor_client.post(
        CHANGELIST,
        {"action": "publish_now", "_selected_action": [live.pk, draft.pk]},
        follow=True,
    )

    assert "1 post is now published." in response.text
    assert Post.objects.get(pk=live.pk).published_at == live.published_at
    assert Post.objects.published().filter(pk=draft.pk).exists()


def test_actions_do_nothing_on_get(editor_client):
    post = PostFactory(draft=True)

    editor_client.get(CHANGELIST, {"action": "publish_now", "_selected_action": [post.pk]})

    assert Post.objects.get(pk=post.pk).status == PostStatus.DRAFT


def test_unpublish_sends_posts_back_to_draft(editor_client):
    post = PostFactory()

    editor_client.post(CHANGELIST, {"action": "unpublish", "_selected_action": [post.pk]})

    post.refresh_from_db()
    assert post.status == PostStatus.DRAFT
    assert editor_client.get(post.get_absolute_url()).status_code == 200  # staff preview
    editor_client.logout()
    assert editor_client.get(post.get_absolute_url()).status_code == 404


# Preview ------------------------------------------------------------------------


def test_change_form_has_preview_link_rich_text_editor_and_files(editor_client):
    post = PostFactory(draft=True)
    attachment = AttachmentFactory(post=post, original_name="brief.pdf")

    response = editor_client.get(reverse("admin:posts_post_change", args=[post.pk]))

    assert response.status_code == 200
    assert f'href="{attachment.get_absolute_url()}">brief.pdf</a>' in response.text
    assert f'href="{post.get_absolute_url()}"' in response.text
    assert ">Preview</a>" in response.text
    assert "data-django-prose-editor" in response.text


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_staff_preview_shows_the_post_with_a_banner(editor_client, trait):
    post = PostFactory(title="Not yet for readers", **{trait: True})

    response = editor_client.get(post.get_absolute_url())

    assert response.status_code == 200
    assert "Not yet for readers" in response.text
    assert 'class="preview-banner"' in response.text


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_preview_is_404_for_anonymous_readers(client, trait):
    post = PostFactory(**{trait: True})

    assert client.get(post.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_preview_is_404_for_members(member_client, trait):
    post = PostFactory(**{trait: True})

    assert member_client.get(post.get_absolute_url()).status_code == 404


def test_published_post_has_no_preview_banner(editor_client):
    post = PostFactory()

    response = editor_client.get(post.get_absolute_url())

    assert 'class="preview-banner"' not in response.text


# Other admins -------------------------------------------------------------------


def test_activity_is_read_only(editor_client):
    post = PostFactory()
    activity = PostActivity.objects.create(post=post, day=timezone.localdate(), views=3)

    assert editor_client.get(reverse("admin:posts_postactivity_changelist")).status_code == 200
    assert editor_client.get(reverse("admin:posts_postactivity_add")).status_code == 403
    change = editor_client.get(reverse("admin:posts_postactivity_change", args=[activity.pk]))
    assert change.status_code == 200
    assert 'name="views"' not in change.text


def test_author_admin_hides_the_user_picker_from_editors(editor_client):
    author = AuthorFactory()

    response = editor_client.get(reverse("admin:posts_author_change", args=[author.pk]))

    assert response.status_code == 200
    assert 'name="user"' not in response.text
    assert 'name="slug"' in response.text


def test_attachment_counts_are_read_only(editor_client):
    attachment = AttachmentFactory(download_count=11)

    response = editor_client.get(reverse("admin:posts_attachment_change", args=[attachment.pk]))

    assert 'name="download_count"' not in response.text
    assert "11" in response.text
    assert Attachment.objects.get(pk=attachment.pk).download_count == 11


def test_post_list_shows_50_posts_a_page_and_no_year_links(editor_client):
    PostFactory.create_batch(51)

    response = editor_client.get(CHANGELIST)

    assert len(response.context["cl"].result_list) == 50
    assert response.context["cl"].paginator.num_pages == 2
    assert response.context["cl"].date_hierarchy is None
