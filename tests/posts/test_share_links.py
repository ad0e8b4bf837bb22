"""Preview links: a draft or scheduled post for someone without an account."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from posts.models import PostActivity, ShareLink
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(db):
    return PostFactory(draft=True, title="Seasonal work, a draft")


def make_link(editor_client, post) -> ShareLink:
    response = editor_client.post(reverse("admin:posts_post_share", args=[post.pk]))
    assert response.status_code == 302
    return ShareLink.objects.get(post=post)


def test_an_editor_makes_a_link_that_lasts_seven_days(editor_client, editor, draft):
    link = make_link(editor_client, draft)

    assert link.created_by == editor
    assert abs(link.expires_at - (timezone.now() + timedelta(days=7))) < timedelta(minutes=1)
    page = editor_client.get(reverse("admin:posts_post_share", args=[draft.pk])).text
    assert link.get_absolute_url() in page


def test_the_link_lifetime_follows_the_setting(editor_client, draft, settings):
    settings.PREVIEW_LINK_DAYS = 2
    link = make_link(editor_client, draft)
    assert link.expires_at < timezone.now() + timedelta(days=2, minutes=1)


def test_a_published_post_gets_no_link(editor_client):
    live = PostFactory()
    editor_client.post(reverse("admin:posts_post_share", args=[live.pk]))
    assert not ShareLink.objects.filter(post=live).exists()


def test_someone_without_an_account_sees_the_post_page_with_a_banner(client, editor, draft):
    link = ShareLink.objects.create(post=draft, created_by=editor)

    response = client.get(link.get_absolute_url())

    assert response.status_code == 200
    assert "<h1" in response.text and "Seasonal work, a draft" in response.text
    assert "preview-banner" in response.text
    assert '<meta name="robots" content="noindex' in response.text
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert not PostActivity.objects.exists()  # a preview is not a read


def test_a_scheduled_post_can_be_shared_too(client, editor):
    scheduled = PostFactory(scheduled=True)
    link = ShareLink.objects.create(post=scheduled, created_by=editor)
    assert client.get(link.get_absolute_url()).status_code == 200


def test_a_tampered_or_invented_token_is_not_found(client, editor, draft):
    link = ShareLink.objects.create(post=draft, created_by=editor)
    assert client.get(f"/preview/{link.token}/").status_code == 404  # unsigned
    assert client.get(link.get_absolute_url()[:-3] + "x/").status_code == 404
    assert client.get("/preview/nothing:here/").status_code == 404


def test_a_revoked_link_is_gone(editor_client, client, draft):
    link = make_link(editor_client, draft)
    url = reverse("admin:posts_post_revoke", args=[draft.pk, link.pk])
    assert editor_client.get(url).status_code == 405

    editor_client.post(url)

    link.refresh_from_db()
    assert link.revoked_at is not None
    client.logout()
    response = client.get(link.get_absolute_url())
    assert response.status_code == 410
    assert "withdrawn this preview" in response.text
    assert "Seasonal work" not in response.text
    assert "no-store" in response["Cache-Control"]


def test_an_expired_link_is_gone(client, editor, draft):
    link = ShareLink.objects.create(post=draft, created_by=editor)
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        response = client.get(link.get_absolute_url())
    assert response.status_code == 410
    assert "expired" in response.text


def test_once_published_the_link_leads_to_the_public_page(client, editor, draft):
    link = ShareLink.objects.create(post=draft, created_by=editor)
    draft.status = "published"
    draft.published_at = timezone.now() - timedelta(minutes=1)
    draft.save()

    response = client.get(link.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url()


def test_members_cannot_make_links(member_client, draft):
    member_client.post(reverse("admin:posts_post_share", args=[draft.pk]))
    assert not ShareLink.objects.exists()


def test_robots_txt_keeps_crawlers_out_of_previews(client):
    assert "Disallow: /preview/" in client.get("/robots.txt").text


def test_the_page_cache_never_keeps_a_preview(client, editor, draft, settings):
    settings.PAGE_CACHE_SECONDS = 300
    link = ShareLink.objects.create(post=draft, created_by=editor)
    assert client.get(link.get_absolute_url()).status_code == 200

    link.revoked_at = timezone.now()
    link.save()

    assert client.get(link.get_absolute_url()).status_code == 410
