"""Preview is a permission: editors see posts readers cannot see yet, moderators do not.

Every response that showed a post (or author) readers cannot see is never cached.
"""

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.urls import reverse

from posts.models import Attachment, PostActivity
from posts.preview import can_preview
from tests.factories import AttachmentFactory, AuthorFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db

HIDDEN = ["draft", "scheduled"]


@pytest.fixture
def moderator_client(client):
    """Staff in the Moderators group: they run the comment queue, not the editorial desk."""
    user = UserFactory(email="mod@example.org", display_name="Mona Moderator", is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return client


def hidden_post(trait):
    author = AuthorFactory(name="Dora Draft", slug="dora-draft")
    post = PostFactory(title="Unpublished brief", authors=[author], **{trait: True})
    AttachmentFactory(post=post)
    return post


def preview_urls(post) -> dict[str, str]:
    """Every page that shows a post, or something of it, in preview."""
    slug = {"slug": post.slug}
    return {
        "page": post.get_absolute_url(),
        "print": reverse("posts:print", kwargs=slug),
        "pdf": reverse("posts:pdf", kwargs=slug),
        "download": post.attachments.get().get_absolute_url(),
        "author": post.authors.get().get_absolute_url(),
    }


def assert_never_cached(response):
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-cache", "no-store", "must-revalidate", "private"} <= directives
    assert "max-age=0" in directives
    assert response.has_header("Expires")


@pytest.mark.parametrize("page", ["page", "print", "pdf", "download", "author"])
@pytest.mark.parametrize("trait", HIDDEN)
@pytest.mark.parametrize(
    ("persona", "status"), [("moderator_client", 404), ("editor_client", 200)]
)  # fmt: skip
def test_only_editors_preview_and_no_cache_keeps_a_preview(request, persona, status, trait, page):
    post = hidden_post(trait)

    response = request.getfixturevalue(persona).get(preview_urls(post)[page])

    assert response.status_code == status
    if status == 200:
        assert_never_cached(response)
    # Nobody previewing counts as a reader.
    assert Attachment.objects.get(post=post).download_count == 0
    assert not PostActivity.objects.exists()


def test_editor_preview_page_shows_the_post(editor_client):
    post = hidden_post("draft")

    response = editor_client.get(post.get_absolute_url())

    assert "Unpublished brief" in response.text
    assert "Preview: this post is a draft" in response.text


@pytest.mark.parametrize("page", ["page", "print", "pdf", "download", "author"])
def test_published_pages_are_not_marked_as_previews(editor_client, page):
    post = hidden_post("draft")
    post.status = "published"
    post.save()

    response = editor_client.get(preview_urls(post)[page])

    assert response.status_code == 200
    assert "no-cache" not in response.get("Cache-Control", "")
    assert not response.has_header("Expires")


def test_can_preview_follows_the_permission_not_is_staff(editor):
    change_post = Permission.objects.get(codename="change_post", content_type__app_label="posts")
    staff_with_permission = UserFactory(is_staff=True)
    staff_with_permission.user_permissions.add(change_post)
    # The permission alone is not enough: preview happens from the editorial desk.
    member_with_permission = UserFactory()
    member_with_permission.user_permissions.add(change_post)

    assert can_preview(editor)
    assert can_preview(staff_with_permission)
    assert can_preview(UserFactory(is_staff=True, is_superuser=True))
    assert not can_preview(UserFactory(is_staff=True))
    assert not can_preview(member_with_permission)
    assert not can_preview(AnonymousUser())
