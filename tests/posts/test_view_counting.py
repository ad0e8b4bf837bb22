"""Views counted in the cache, flushed into PostActivity; one per visitor and day; no robots."""

import pickle
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from posts.counting import count_view, flush_activity_counts
from posts.models import PostActivity
from posts.trending import compute_trending_topics
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36"


def reader(number: int = 1, agent: str = BROWSER) -> Client:
    return Client(headers={"user-agent": agent}, REMOTE_ADDR=f"203.0.113.{number}")


def views_of(post) -> int:
    flush_activity_counts()
    return sum(PostActivity.objects.filter(post=post).values_list("views", flat=True))


def test_n_views_by_n_readers_become_n_in_activity_and_in_trending():
    post = PostFactory(topics=["Diaspora"])
    for number in range(1, 8):
        assert reader(number).get(post.get_absolute_url()).status_code == 200

    call_command("flush_view_counts", stdout=StringIO())

    assert PostActivity.objects.get(post=post, day=timezone.localdate()).views == 7
    (topic,) = compute_trending_topics()
    assert (topic.name, topic.reads, topic.score) == ("Diaspora", 7, 7.0)


def test_a_view_writes_nothing_to_the_database():
    post = PostFactory()
    browser = reader()

    with CaptureQueriesContext(connection) as queries:
        browser.get(post.get_absolute_url())

    writes = [q["sql"] for q in queries if q["sql"].split()[0] in {"INSERT", "UPDATE"}]
    assert writes == []
    assert not PostActivity.objects.exists()


def test_flushing_twice_adds_nothing_and_later_views_wait_for_the_next_flush():
    post = PostFactory()
    reader(1).get(post.get_absolute_url())
    assert flush_activity_counts() == 1
    assert flush_activity_counts() == 0

    reader(2).get(post.get_absolute_url())

    assert views_of(post) == 2


def test_the_same_reader_counts_once_a_day():
    post = PostFactory()
    browser = reader()

    for _ in range(3):
        browser.get(post.get_absolute_url())
    assert views_of(post) == 1

    with time_machine.travel(timezone.now() + timedelta(days=1)):
        browser.get(post.get_absolute_url())
        assert views_of(post) == 2


def test_same_address_with_another_browser_is_another_reader():
    post = PostFactory()

    reader(1).get(post.get_absolute_url())
    reader(1, agent=BROWSER.replace("140", "141")).get(post.get_absolute_url())

    assert views_of(post) == 2


def test_members_count_once_per_session_whatever_their_address():
    post = PostFactory()
    member, other = UserFactory(), UserFactory()
    first, second = reader(1), reader(2)
    first.force_login(member)
    second.force_login(other)

    first.get(post.get_absolute_url())
    first.get(post.get_absolute_url(), REMOTE_ADDR="198.51.100.7")
    second.get(post.get_absolute_url())

    assert views_of(post) == 2


def test_head_requests_are_not_counted():
    post = PostFactory()

    response = reader().head(post.get_absolute_url())

    assert response.status_code == 200
    assert views_of(post) == 0


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Purpose": "prefetch"},
        {"Sec-Purpose": "prefetch;prerender"},
        {"Purpose": "prefetch"},
        {"X-Moz": "prefetch"},
    ],
)
def test_prefetches_are_not_counted(headers):
    post = PostFactory()

    response = reader().get(post.get_absolute_url(), headers=headers)

    assert response.status_code == 200
    assert views_of(post) == 0


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 HeadlessChrome/140.0",
        "",
    ],
)
def test_obvious_robots_are_not_counted(agent):
    post = PostFactory()

    assert reader(agent=agent).get(post.get_absolute_url()).status_code == 200

    assert views_of(post) == 0


def test_post_page_answers_post_with_405():
    post = PostFactory()

    response = reader().post(post.get_absolute_url())

    assert response.status_code == 405
    assert views_of(post) == 0


def test_nothing_personal_lands_in_the_cache():
    post = PostFactory()
    member = UserFactory(email="secret.person@example.org")
    anonymous, signed_in = reader(9), reader(10)
    signed_in.force_login(member)
    session_key = signed_in.session.session_key

    anonymous.get(post.get_absolute_url())
    signed_in.get(post.get_absolute_url())

    # The member's own entries (their session, their row, their saved ids) are read only
    # for them; everything else, counters and shared pages, must hold nothing personal.
    own = ("django.contrib.sessions.cached_db", "portal:saved-ids:")
    stored = b"".join(
        key.encode() + value
        for key, value in cache._cache.items()
        if not any(o in key for o in own)
    )
    for personal in ("203.0.113.9", "203.0.113.10", "Chrome/140", session_key, "secret.person"):
        assert personal.encode() not in stored
    assert pickle.loads(cache._cache[next(k for k in cache._cache if ":views:" in k)]) == 2


def test_count_view_reports_whether_it_counted(rf):
    post = PostFactory()
    request = rf.get("/", headers={"user-agent": BROWSER})
    request.user = AnonymousUser()

    assert count_view(request, post.pk) is True
    assert count_view(request, post.pk) is False
