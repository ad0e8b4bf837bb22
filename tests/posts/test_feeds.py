"""RSS and Atom feeds: valid XML, titles and links, published posts only."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def rss_items(response) -> tuple[ET.Element, list[dict]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = [
        {"title": item.findtext("title"), "link": item.findtext("link")}
        for item in channel.findall("item")
    ]
    return channel, items


def atom_entries(response) -> tuple[ET.Element, list[dict]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]
    return feed, entries


@pytest.fixture
def writer():
    return AuthorFactory(name="Lena Petrosyan", slug="lena-petrosyan")


@pytest.fixture
def posts(writer):
    return {
        "published": PostFactory(
            title="Diaspora & development", topics=["Diaspora"], authors=[writer]
        ),
        "draft": PostFactory(
            title="Secret draft", draft=True, topics=["Diaspora"], authors=[writer]
        ),
        "scheduled": PostFactory(
            title="Embargoed brief", scheduled=True, topics=["Diaspora"], authors=[writer]
        ),
    }


def assert_only_published(items, posts):
    titles = [item["title"] for item in items]
    assert titles == ["Diaspora & development"]
    assert items[0]["link"] == f"http://testserver{posts['published'].get_absolute_url()}"


def test_latest_rss(client, posts):
    channel, items = rss_items(client.get(reverse("posts:feed_latest")))

    assert channel.findtext("title") == "Latest posts"
    assert channel.findtext("link") == "http://testserver/"
    assert_only_published(items, posts)
    item = channel.find("item")
    assert item.findtext("category") == "Diaspora"
    assert "Lena Petrosyan" in ET.tostring(item, encoding="unicode")


def test_latest_atom(client, posts):
    feed, entries = atom_entries(client.get(reverse("posts:feed_latest_atom")))

    assert feed.findtext(f"{ATOM}title") == "Latest posts"
    assert_only_published(entries, posts)
    author = feed.find(f"{ATOM}entry/{ATOM}author/{ATOM}name")
    assert author.text == "Lena Petrosyan"


@pytest.mark.parametrize("name", ["posts:feed_topic", "posts:feed_topic_atom"])
def test_topic_feeds(client, posts, name):
    response = client.get(reverse(name, args=["diaspora"]))
    parse = atom_entries if name.endswith("atom") else rss_items
    root, items = parse(response)

    assert "Posts on Diaspora" in ET.tostring(root, encoding="unicode")
    assert_only_published(items, posts)


@pytest.mark.parametrize("name", ["posts:feed_author", "posts:feed_author_atom"])
def test_author_feeds(client, posts, writer, name):
    response = client.get(reverse(name, args=[writer.slug]))
    parse = atom_entries if name.endswith("atom") else rss_items
    root, items = parse(response)

    assert "Posts by Lena Petrosyan" in ET.tostring(root, encoding="unicode")
    assert_only_published(items, posts)


def test_feeds_escape_titles(client):
    PostFactory(title="<script>alert(1)</script> & more", summary="A <b>bold</b> claim")

    response = client.get(reverse("posts:feed_latest"))

    assert b"<script>" not in response.content
    _, items = rss_items(response)
    assert items[0]["title"] == "<script>alert(1)</script> & more"


@pytest.mark.parametrize("name", ["posts:feed_topic", "posts:feed_topic_atom"])
def test_topic_of_drafts_only_has_no_feed(client, name):
    PostFactory(title="Secret", draft=True, topics=["Embargoed topic"])
    PostFactory(title="Later", scheduled=True, topics=["Embargoed topic"])

    assert client.get(reverse(name, args=["embargoed-topic"])).status_code == 404


def test_unknown_topic_and_author_feeds_are_404(client):
    assert client.get(reverse("posts:feed_topic", args=["nope"])).status_code == 404
    assert client.get(reverse("posts:feed_author", args=["nobody"])).status_code == 404


def test_staff_do_not_see_drafts_in_feeds(editor_client, posts):
    """Feeds are public documents, cached by readers' apps: never a preview."""
    _, items = rss_items(editor_client.get(reverse("posts:feed_latest")))

    assert_only_published(items, posts)


@pytest.mark.parametrize("count", [2, 25])
@pytest.mark.parametrize(
    ("name", "args", "budget"),
    [
        ("posts:feed_latest", [], 3),  # posts, authors, topics
        ("posts:feed_topic_atom", ["diaspora"], 4),  # + the topic
        ("posts:feed_author", ["feed-author"], 4),  # + the author
    ],
)
def test_feed_query_count_does_not_grow(
    client, django_assert_max_num_queries, count, name, args, budget
):
    authors = [AuthorFactory(slug="feed-author"), *AuthorFactory.create_batch(2)]
    for i in range(count):
        PostFactory(
            topics=["Diaspora", f"Topic {i % 4}"], authors=[authors[0], *authors[1 : 1 + i % 3]]
        )

    with django_assert_max_num_queries(budget):
        response = client.get(reverse(name, args=args))

    assert response.status_code == 200
    entry = b"<entry>" if name.endswith("atom") else b"<item>"
    assert response.content.count(entry) == min(count, 20)
