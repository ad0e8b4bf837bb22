"""sitemap.xml and robots.txt: what search engines are told about."""

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.urls import reverse

from posts.models import Post
from posts.sitemaps import AuthorSitemap, PostSitemap
from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def locations(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return [loc.text for loc in root.iter(f"{SITEMAP}loc")]


def file_of(post) -> str:
    """The posts file that lists ``post``: posts are filed by id."""
    return reverse("sitemap_section", args=["posts"]) + f"?p={PostSitemap.file_of(post.pk)}"


def sitemap_urls(client) -> list[str]:
    """Every URL of every sitemap file the index names."""
    files = locations(client, reverse("sitemap"))
    return [
        url for file in files for url in locations(client, file.removeprefix("http://testserver"))
    ]


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

    text = client.get(file_of(post)).text

    assert f"<lastmod>{post.updated_at.date().isoformat()}</lastmod>" in text


def post_files(client) -> list[str]:
    return [f for f in locations(client, reverse("sitemap")) if "sitemap-posts.xml" in f]


def test_index_names_one_file_per_range_of_post_ids(client, monkeypatch):
    monkeypatch.setattr(PostSitemap, "limit", 2)
    posts = [PostFactory() for _ in range(5)]
    last = posts[-1].pk

    files = post_files(client)
    per_file = [locations(client, file.removeprefix("http://testserver")) for file in files]

    # File p holds ids 2p - 1 and 2p: as many files as the highest id needs.
    assert files == ["http://testserver/sitemap-posts.xml"] + [
        f"http://testserver/sitemap-posts.xml?p={p}" for p in range(2, (last + 1) // 2 + 1)
    ]
    for post in posts:
        assert f"http://testserver{post.get_absolute_url()}" in per_file[(post.pk - 1) // 2]
    assert sum(len(urls) for urls in per_file) == 5


def test_a_post_stays_in_its_file_when_others_go(client, monkeypatch):
    monkeypatch.setattr(PostSitemap, "limit", 2)
    posts = [PostFactory() for _ in range(6)]
    kept = posts[-1]
    number = (kept.pk - 1) // 2 + 1
    file = reverse("sitemap_section", args=["posts"]) + f"?p={number}"
    Post.objects.filter(pk__in=[post.pk for post in posts[:4]]).delete()
    Post.objects.filter(pk=posts[4].pk).update(status="draft")

    assert locations(client, file) == [f"http://testserver{kept.get_absolute_url()}"]
    assert len(post_files(client)) == number
    after = reverse("sitemap_section", args=["posts"]) + f"?p={number + 1}"
    assert client.get(after).status_code == 404


def test_a_range_of_ids_with_nothing_published_is_an_empty_file(client, monkeypatch):
    monkeypatch.setattr(PostSitemap, "limit", 2)
    posts = [PostFactory() for _ in range(6)]
    Post.objects.filter(pk__in=[post.pk for post in posts[:4]]).update(status="draft")
    empty = (posts[0].pk - 1) // 2 + 1  # its range holds only drafts (or ids never used)

    response = client.get(reverse("sitemap_section", args=["posts"]) + f"?p={empty}")

    assert response.status_code == 200
    assert locations(client, response.wsgi_request.get_full_path()) == []


def test_author_files_hold_limit_addresses_each_author_in_every_language(client, monkeypatch):
    languages = len(settings.LANGUAGES)
    monkeypatch.setattr(AuthorSitemap, "limit", 2 * languages)  # two authors a file
    for slug in ["ana", "boris", "chen"]:
        PostFactory(authors=[AuthorFactory(slug=slug)])

    files = [f for f in locations(client, reverse("sitemap")) if "sitemap-authors" in f]
    per_file = [locations(client, file.removeprefix("http://testserver")) for file in files]

    assert files == [
        "http://testserver/sitemap-authors.xml",
        "http://testserver/sitemap-authors.xml?p=2",
    ]
    assert [len(urls) for urls in per_file] == [2 * languages, languages]
    assert "http://testserver/ru/authors/chen/" in per_file[1]
    assert client.get(reverse("sitemap_section", args=["authors"]) + "?p=3").status_code == 404


@pytest.mark.parametrize("page", ["0", "two", "after"])
def test_sitemap_page_that_does_not_exist_is_not_found(client, page):
    post = PostFactory()
    if page == "after":  # past the file of the highest published id
        page = PostSitemap.file_of(post.pk) + 1

    response = client.get(reverse("sitemap_section", args=["posts"]) + f"?p={page}")

    assert response.status_code == 404


def test_unknown_sitemap_section_is_not_found(client):
    assert client.get(reverse("sitemap_section", args=["drafts"])).status_code == 404


@pytest.mark.parametrize("count", [2, 30])
def test_sitemap_index_query_count_does_not_grow(client, django_assert_max_num_queries, count):
    posts = [PostFactory(topics=["Diaspora"]) for _ in range(count)]

    # the highest published id, the topics' and the authors' counts
    with django_assert_max_num_queries(3):
        files = locations(client, reverse("sitemap"))

    # pages, topics, authors, and a posts file per range of ids up to the last post's
    assert len(files) == 3 + PostSitemap.file_of(posts[-1].pk)


@pytest.mark.parametrize("count", [2, 30])
def test_sitemap_query_count_does_not_grow(client, django_assert_max_num_queries, count):
    authors = AuthorFactory.create_batch(4)
    for i in range(count):
        PostFactory(topics=[f"Topic {i % 5}"], authors=[authors[i % 4]])
    files = locations(client, reverse("sitemap"))

    urls = []
    for file in files:
        # a page (posts: and the page's translations, or the last id for an empty one)
        with django_assert_max_num_queries(2):
            urls += locations(client, file.removeprefix("http://testserver"))

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


def test_translations_are_alternates_across_files(client, monkeypatch):
    monkeypatch.setattr(PostSitemap, "limit", 2)
    original = PostFactory(slug="original")
    PostFactory.create_batch(2)
    translation = PostFactory(slug="original-ru", language="ru", translation_of=original)
    first, second = (
        client.get(reverse("sitemap_section", args=["posts"]) + f"?p={(post.pk - 1) // 2 + 1}").text
        for post in [original, translation]
    )

    # Three ids apart, so in two files: each names the other.
    assert "<loc>http://testserver/posts/original/</loc>" in first
    assert 'hreflang="ru" href="http://testserver/ru/posts/original-ru/"' in first
    assert "<loc>http://testserver/ru/posts/original-ru/</loc>" in second
    assert 'hreflang="x-default" href="http://testserver/posts/original/"' in second


def test_lastmod_is_the_date_where_the_site_is(client, settings):
    settings.TIME_ZONE = "Pacific/Kiritimati"  # UTC+14
    post = PostFactory(slug="late")
    Post.objects.filter(pk=post.pk).update(
        updated_at=datetime(2026, 3, 1, 12, 0, tzinfo=UTC)  # already 2 March there
    )

    text = client.get(file_of(post)).text

    assert "<lastmod>2026-03-02</lastmod>" in text
