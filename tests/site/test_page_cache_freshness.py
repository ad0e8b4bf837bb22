"""The shared page cache is exact: after any content change, every affected page is fresh.

Each test fills the cache with the public pages, checks they are served from it
(no query), makes one change, and then compares what anonymous readers get with
what the portal renders with the cache switched off.
"""

import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from comments.models import Comment, CommentStatus
from comments.moderation import moderate
from posts.models import PostStatus
from posts.sitemaps import PostSitemap
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(content):
    post, author = content["post"], content["author"]
    return [
        post.get_absolute_url(),
        reverse("posts:latest"),
        reverse("posts:topic", args=["diaspora"]),
        author.get_absolute_url(),
        reverse("posts:trending"),
        reverse("posts:feed_latest"),
        sitemap_file_of(content["draft"]),
        reverse("posts:search") + "?q=diaspora",
    ]


def sitemap_file_of(post) -> str:
    return reverse("sitemap_section", args=["posts"]) + f"?p={PostSitemap.file_of(post.pk)}"


def served(urls) -> dict:
    client = Client()
    # An empty feed is "built" now: that second is no part of what the cache must keep fresh.
    return {
        url: (r.status_code, re.sub(rb"<lastBuildDate>[^<]*", b"", r.content))
        for url in urls
        for r in [client.get(url)]
    }


@pytest.fixture
def cached(pages, django_assert_num_queries, django_assert_max_num_queries):
    """Fill the cache and prove the pages now come from it."""
    served(pages)
    with django_assert_num_queries(0):
        served(pages[1:])
    with django_assert_max_num_queries(1):  # at most the post's view counter
        served(pages[:1])
    return pages


def assert_fresh(pages, settings):
    from_cache = served(pages)
    settings.PAGE_CACHE_SECONDS = 0
    rendered = served(pages)
    for url in pages:
        assert from_cache[url] == rendered[url], f"{url} is stale"
    return {url: content.decode() for url, (status, content) in from_cache.items()}


@pytest.fixture
def comment(content, member):
    return Comment.objects.create(
        post=content["post"], user=member, body="A thoughtful remark.", status=CommentStatus.PENDING
    )


def test_publishing_a_draft(cached, content, settings):
    draft = content["draft"]
    draft.status = PostStatus.PUBLISHED
    draft.published_at = timezone.now() - timedelta(minutes=1)
    draft.save()
    draft.tags.add("Diaspora")

    pages = assert_fresh(cached, settings)
    assert "Unfinished draft" in pages[reverse("posts:latest")]
    assert "Unfinished draft" in pages[reverse("posts:topic", args=["diaspora"])]
    assert "unfinished-draft" in pages[sitemap_file_of(draft)]


def test_editing_a_post(cached, content, settings):
    post = content["post"]
    post.title = "Diaspora engagement, revised"
    post.save()

    pages = assert_fresh(cached, settings)
    for url in [post.get_absolute_url(), reverse("posts:latest"), reverse("posts:feed_latest")]:
        assert "Diaspora engagement, revised" in pages[url], url


def test_unpublishing_a_post(cached, content, settings):
    post = content["post"]
    post.status = PostStatus.DRAFT
    post.save()

    assert_fresh(cached, settings)
    assert Client().get(post.get_absolute_url()).status_code == 404


def test_deleting_a_post(cached, content, settings):
    content["post"].delete()

    pages = assert_fresh(cached, settings)
    assert "Diaspora engagement" not in pages[reverse("posts:latest")]


def test_approving_a_comment(comment, cached, content, editor, settings):
    moderate([comment], CommentStatus.APPROVED, editor)

    pages = assert_fresh(cached, settings)
    assert "A thoughtful remark." in pages[content["post"].get_absolute_url()]
    assert "Comments (1)" in pages[reverse("posts:latest")]


def test_rejecting_an_approved_comment(comment, content, editor, pages, settings):
    moderate([comment], CommentStatus.APPROVED, editor)
    served(pages)
    moderate([Comment.objects.get(pk=comment.pk)], CommentStatus.REJECTED, editor)

    rendered = assert_fresh(pages, settings)
    assert "A thoughtful remark." not in rendered[content["post"].get_absolute_url()]
    assert "Comments (0)" in rendered[reverse("posts:latest")]


def test_deleting_a_comment(comment, content, editor, pages, settings):
    moderate([comment], CommentStatus.APPROVED, editor)
    served(pages)
    Comment.objects.get(pk=comment.pk).delete()

    rendered = assert_fresh(pages, settings)
    assert "A thoughtful remark." not in rendered[content["post"].get_absolute_url()]


def test_a_new_pending_comment_keeps_the_cache(cached, content, member, django_assert_num_queries):
    Comment.objects.create(post=content["post"], user=member, body="Wait.", status="pending")

    with django_assert_num_queries(0):
        served(cached[1:])


def test_changing_an_author(cached, content, settings):
    author = content["author"]
    author.name = "Mira Mobility"
    author.save()

    pages = assert_fresh(cached, settings)
    assert "Mira Mobility" in pages[content["post"].get_absolute_url()]
    assert "Mira Mobility" in pages[author.get_absolute_url()]


def test_changing_an_attachment(cached, content, settings):
    attachment = content["post"].attachments.get()
    attachment.title = "The brief, second edition"
    attachment.save()

    pages = assert_fresh(cached, settings)
    assert "The brief, second edition" in pages[content["post"].get_absolute_url()]


def test_renaming_a_topic(cached, content, settings):
    topic = Tag.objects.get(slug="diaspora")
    topic.name = "Diaspora ties"
    topic.save()

    pages = assert_fresh(cached, settings)
    assert "Diaspora ties" in pages[content["post"].get_absolute_url()]
    assert "Diaspora ties" in pages[reverse("posts:topic", args=["diaspora"])]


def test_retagging_a_post(cached, content, settings):
    content["post"].tags.add("Labour mobility")

    pages = assert_fresh(cached, settings)
    assert "Labour mobility" in pages[content["post"].get_absolute_url()]


def test_a_scheduled_post_appears_when_its_time_comes_without_cron(content, pages, settings):
    settings.PAGE_CACHE_SECONDS = 3 * 60 * 60  # only the scheduled post can end these entries
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        PostFactory(
            title="Scheduled brief",
            published_at=timezone.now() + timedelta(hours=1),
            topics=["Diaspora"],
            authors=[content["author"]],
        )
        before = served(pages)
        traveller.shift(timedelta(minutes=59))
        assert served(pages) == before  # still the cached copies: nothing changed yet

        traveller.shift(timedelta(minutes=1, seconds=1))
        after = served(pages)

    for url in [reverse("posts:latest"), reverse("posts:feed_latest"), pages[2], pages[3]]:
        assert b"Scheduled brief" not in before[url][1], url
        assert b"Scheduled brief" in after[url][1], url


def test_changes_reach_pages_cached_in_another_language_and_host(content, settings):
    url = reverse("posts:latest")
    Client().get(url, headers={"accept-language": "ru"})
    Client().get(url, HTTP_HOST="localhost")
    content["post"].title = "Everywhere at once"
    content["post"].save()

    assert b"Everywhere at once" in Client().get(url, HTTP_HOST="localhost").content
    assert "Everywhere at once" in Client().get(url, headers={"accept-language": "ru"}).text


def test_a_member_never_gets_the_readers_copy(cached, content, member):
    client = Client()
    client.force_login(UserFactory(display_name="Sam Signedin"))
    response = client.get(reverse("posts:latest"))

    assert "Sam Signedin" in response.text
    assert "private" in response["Cache-Control"]


def test_members_see_a_changed_post_at_once(content, member_client):
    url = content["post"].get_absolute_url()
    member_client.get(url)
    attachment = content["post"].attachments.get()
    attachment.title = "Second edition"
    attachment.save()

    assert "Second edition" in member_client.get(url).text
