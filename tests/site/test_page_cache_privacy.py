"""Nothing personal in the shared page cache, and HTTP caching that proxies can trust."""

import pytest
from django.test import Client
from django.urls import reverse

from comments.models import Comment, CommentStatus
from posts.models import PostActivity
from saved.models import SavedPost

pytestmark = pytest.mark.django_db

PERSONAL = ["csrfmiddlewaretoken", "X-CSRFToken", "Rita Reader", "Saved", "Still pending here."]


@pytest.fixture
def member_state(content, member):
    """The member has saved the post and has a comment waiting for moderation."""
    SavedPost.objects.create(user=member, post=content["post"])
    Comment.objects.create(
        post=content["post"], user=member, body="Still pending here.", status=CommentStatus.PENDING
    )
    return content


def member_pages(content):
    return [content["post"].get_absolute_url(), reverse("posts:latest")]


@pytest.mark.parametrize("member_first", [True, False], ids=["member first", "reader first"])
def test_readers_and_members_never_share_a_copy(member_state, member, member_first):
    member_client, reader = Client(), Client()
    member_client.force_login(member)
    for url in member_pages(member_state):
        order = [member_client, reader] if member_first else [reader, member_client]
        pages = {id(c): c.get(url) for c in order}
        pages.update({id(c): c.get(url) for c in order})  # and again, now from the cache

        anonymous, own = pages[id(reader)], pages[id(member_client)]
        for text in PERSONAL:
            assert text not in anonymous.text, (url, text)
        assert "public" in anonymous["Cache-Control"]
        assert "Rita Reader" in own.text and "private" in own["Cache-Control"]
    post_page = member_client.get(member_state["post"].get_absolute_url()).text
    assert "Still pending here." in post_page and 'aria-pressed="true"' in post_page


def test_a_reader_with_a_message_is_neither_served_nor_stored(content, client):
    url = reverse("posts:latest")
    client.get(url)  # cached
    client.cookies["messages"] = "anything"

    response = client.get(url)

    assert "ETag" not in response and "public" not in response.get("Cache-Control", "")


def test_a_reader_with_a_session_gets_a_page_made_for_them(content, client):
    client.get(reverse("posts:latest"))
    session = client.session
    session["anything"] = 1
    session.save()
    client.cookies["sessionid"] = session.session_key

    response = client.get(reverse("posts:latest"))

    assert "ETag" not in response


@pytest.mark.parametrize("name", ["account_login", "account_signup"])
def test_pages_with_forms_are_never_shared(content, client, name):
    client.get(reverse(name))

    response = Client().get(reverse(name))

    assert "csrfmiddlewaretoken" in response.text
    assert "ETag" not in response and "public" not in response.get("Cache-Control", "")


def test_htmx_partials_are_not_stored(content, client):
    url = content["post"].get_absolute_url()

    response = client.get(url, headers={"HX-Request": "true"})

    assert "ETag" not in response


def test_a_cache_hit_costs_no_query(content, client, django_assert_num_queries):
    url = reverse("posts:topic", args=["diaspora"])
    client.get(url)

    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_search_is_cached_by_its_normalised_query(content, django_assert_num_queries):
    Client().get(reverse("posts:search") + "?q=diaspora&utm_source=newsletter")

    with django_assert_num_queries(0):
        response = Client().get(reverse("posts:search") + "?q=++diaspora+")
    assert "Diaspora engagement" in response.text


def test_views_are_counted_on_cache_hits(content, client):
    from posts.counting import flush_activity_counts

    url = content["post"].get_absolute_url()
    for reader in range(3):  # three readers: the first renders the page, two get the cached copy
        client.get(url, headers={"user-agent": f"Firefox/140 reader-{reader}"})
    client.get(url, headers={"user-agent": "Firefox/140 reader-0"})  # the same reader again

    flush_activity_counts()

    assert (
        sum(PostActivity.objects.filter(post=content["post"]).values_list("views", flat=True)) == 3
    )


def test_readers_pages_answer_conditional_requests(content, client):
    url = content["post"].get_absolute_url()
    first = client.get(url)
    assert first["Cache-Control"] == "public, max-age=60, s-maxage=300"
    assert "Cookie" in first["Vary"]  # a proxy keeps members' requests apart

    again = client.get(url, headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]


def test_a_change_gives_a_new_etag(content, client):
    url = content["post"].get_absolute_url()
    etag = client.get(url)["ETag"]
    content["post"].title = "A new title"
    content["post"].save()

    response = client.get(url, headers={"if-none-match": etag})

    assert response.status_code == 200 and response["ETag"] != etag
    assert "A new title" in response.text


def test_cache_lifetimes_are_settings(content, client, settings):
    settings.PAGE_CACHE_BROWSER_SECONDS, settings.PAGE_CACHE_PROXY_SECONDS = 5, 30

    response = client.get(reverse("posts:trending"))

    assert response["Cache-Control"] == "public, max-age=5, s-maxage=30"


def test_members_pages_stay_private(content, member_client):
    response = member_client.get(content["post"].get_absolute_url())

    assert "private" in response["Cache-Control"] and "ETag" not in response
    assert "public" not in response["Cache-Control"]
