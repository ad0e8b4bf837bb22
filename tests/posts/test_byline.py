"""Near the title: byline, dates, reading time, topics and the action bar (issue 13.6)."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from posts.models import Post
from tests.factories import AuthorFactory, PostFactory, SavedPostFactory

pytestmark = pytest.mark.django_db


def header_of(page: str) -> str:
    return page[page.index('id="post-title"') : page.index('class="post__summary"')]


def test_byline_links_authors_and_shows_date_reading_time_and_topics(client):
    first, second = AuthorFactory(name="Ana Aho"), AuthorFactory(name="Bo Berg")
    post = PostFactory(
        body="<p>" + "word " * 1100 + "</p>",
        summary="Short.",
        authors=[first, second],
        topics=["Health"],
        published_at=timezone.make_aware(timezone.datetime(2024, 3, 5, 9, 0)),
    )
    Post.objects.filter(pk=post.pk).update(updated_at=post.published_at)
    header = header_of(client.get(post.get_absolute_url()).text)
    assert (
        f'<a href="{first.get_absolute_url()}">Ana Aho</a> and <a href="{second.get_absolute_url()}">Bo Berg</a>'
        in header
    )
    assert "March 5, 2024" in header
    assert "5 minute read" in header  # 1,101 words at 220 a minute
    assert 'href="/topics/health/"' in header
    assert "updated" not in header


def test_a_post_edited_on_a_later_day_says_updated(client):
    published = timezone.now() - timedelta(days=10)
    post = PostFactory(published_at=published)
    Post.objects.filter(pk=post.pk).update(updated_at=published)
    assert "updated" not in header_of(client.get(post.get_absolute_url()).text)

    with time_machine.travel(published + timedelta(days=2)):
        post.save()
    header = header_of(client.get(post.get_absolute_url()).text)
    assert "updated <time" in header


def test_a_short_post_is_a_one_minute_read(client):
    post = PostFactory(body="<p>Brief.</p>")
    assert "1 minute read" in header_of(client.get(post.get_absolute_url()).text)


def test_the_action_bar_under_the_title_and_at_the_end(client, member):
    post = PostFactory(title="Field notes")
    # Visitors get Save as a link to log in: a shared, cached page carries no form token.
    page = client.get(post.get_absolute_url()).text
    assert page.count(f"save={post.slug}") == 2 and "csrfmiddlewaretoken" not in page
    client.force_login(member)
    page = client.get(post.get_absolute_url()).text
    header = header_of(page)
    for action in ("Save", "Share", "Copy link", "Print", ">PDF<"):
        assert action in header
    assert f'href="{reverse("posts:print", args=[post.slug])}"' in header
    assert (
        'href="mailto:?subject=Field%20notes&amp;body=http%3A%2F%2Ftestserver%2Fposts%2F' in header
    )
    assert "js/share.js" in page
    # The bottom bar stays.
    assert page.count('class="post__actions') == 2
    assert page.count(f'id="save-toggle-{post.pk}"') == 1
    assert page.count(f'id="save-toggle-{post.pk}-bottom"') == 1


def test_saving_at_the_top_with_htmx_updates_the_bottom_toggle_too(member_client, member):
    post = PostFactory()
    response = member_client.post(
        reverse("saved:toggle", args=[post.slug]),
        {"action": "save", "next": post.get_absolute_url(), "place": "top"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert f'id="save-form-{post.pk}-top"' in html
    assert f'id="save-form-{post.pk}-bottom" data-hx-swap-oob="true"' in html
    assert html.count('aria-pressed="true"') == 2


def test_a_saved_post_shows_saved_in_both_bars(member_client, member):
    post = PostFactory()
    SavedPostFactory(user=member, post=post)
    page = member_client.get(post.get_absolute_url()).text
    assert page.count('aria-pressed="true"') == 2
