"""sitemap.xml and robots.txt: what search engines are told about."""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_urls(client) -> list[str]:
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return [loc.text for loc in root.iter(f"{SITEMAP}loc")]


def test_sitemap_lists_published_posts_topics_and_authors_only(client):
    visible = AuthorFactory(slug="visible-author")
    hidden = AuthorFactory(slug="hidden-author")
    post = PostFactory(slug="published-post", topics=["Diaspora"], authors=[visible])
    PostFactory(slug="draft-post", draft=True, topics=["Secret topic"], authors=[hidden])
    PostFactory(slug="scheduled-post", scheduled=True, topics=["Embargo"], authors=[hidden])

    urls = sitemap_urls(client)

    assert f"http://testserver{post.get_absolute_url()}" in urls
    assert "http://testserver/topics/diaspora/" in urls
    assert "http://testserver/authors/visible-author/" in urls
    assert "http://testserver/" in urls
    assert "http://testserver/topics/" in urls
    joined = "\n".join(urls)
    for hidden_part in ["draft-post", "scheduled-post", "secret-topic", "embargo", "hidden-author"]:
        assert hidden_part not in joined


def test_sitemap_lists_each_author_and_topic_once(client):
    author = AuthorFactory(slug="prolific")
    for _ in range(3):
        PostFactory(topics=["Diaspora"], authors=[author])

    urls = sitemap_urls(client)

    assert urls.count("http://testserver/authors/prolific/") == 1
    assert urls.count("http://testserver/topics/diaspora/") == 1


def test_sitemap_has_lastmod_for_posts(client):
    post = PostFactory(slug="dated")

    text = client.get(reverse("sitemap")).text

    assert f"<lastmod>{post.updated_at.date().isoformat()}</lastmod>" in text


@pytest.mark.parametrize("count", [2, 30])
def test_sitemap_query_count_does_not_grow(client, django_assert_max_num_queries, count):
    authors = AuthorFactory.create_batch(4)
    for i in range(count):
        PostFactory(topics=[f"Topic {i % 5}"], authors=[authors[i % 4]])

    # one count and one page per section (posts, topics, authors)
    with django_assert_max_num_queries(6):
        urls = sitemap_urls(client)

    # Lists, topics and authors in every interface language; each post once.
    languages = len(settings.LANGUAGES)
    assert len(urls) == (2 + min(count, 5) + min(count, 4)) * languages + count


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
