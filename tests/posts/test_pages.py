"""The public reading pages: what they show, and what they cost in queries."""

import json
import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from posts.counting import flush_activity_counts
from posts.models import PostActivity
from posts.trending import refresh_trending_snapshot
from tests.factories import AttachmentFactory, AuthorFactory, ImageFactory, PostFactory

pytestmark = pytest.mark.django_db

TOPICS = ["Diaspora", "Remittances", "Skills", "Return", "Youth", "Gender", "Climate", "Policy"]

# One bound per page, the same for 2 posts and for 30 posts with several
# authors, topics and files each: a page's cost must not grow with content.
# Measured with a cold cache (trending computed): home 5, post 5, topic 6,
# author 5, trending 1, search 4; the headroom is for the save toggle.
BUDGET = {
    "home": 6,
    "post": 9,  # + more on this topic (cached per generation)
    "topic": 7,
    "author": 6,
    "trending": 3,
    "search": 9,  # + the topic and author choices, and PostgreSQL's passages
}
# A logged-in reader adds the session, the user and their saved posts; and, with a cold
# cache, the first member fragment kept in a generation asks when the next scheduled
# post goes live (portal.per_generation: once per generation for every server).
MEMBER_EXTRA = 4


def build_posts(count: int) -> list:
    authors = AuthorFactory.create_batch(6)
    posts = []
    for i in range(count):
        post = PostFactory(
            title=f"Diaspora brief {i}",
            published_at=timezone.now() - timedelta(days=i + 1),
            authors=[authors[(i + k) % 6] for k in range(3)],
            topics=[TOPICS[(i + k) % 8] for k in range(3)],
        )
        for _ in range(3):
            AttachmentFactory(post=post)
        PostActivity.objects.record(post.pk, "views", amount=i + 1)
        posts.append(post)
    return posts


@pytest.fixture(params=[2, 30], ids=["few", "many"])
def posts(request):
    return build_posts(request.param)


def page_urls(posts) -> dict[str, str]:
    post = posts[0]
    return {
        "home": reverse("posts:latest"),
        "post": post.get_absolute_url(),
        "topic": reverse("posts:topic", args=["diaspora"]),
        "author": post.ordered_authors[0].get_absolute_url(),
        "trending": reverse("posts:trending"),
        "search": reverse("posts:search") + "?q=diaspora",
    }


@pytest.mark.parametrize("page", list(BUDGET))
def test_page_query_count_does_not_grow_with_content(
    client, posts, page, django_assert_max_num_queries
):
    url = page_urls(posts)[page]
    client.get(url)  # the first view of the day also creates the activity row
    cache.clear()  # measure the worst case: trending computed, not cached

    with django_assert_max_num_queries(BUDGET[page]):
        response = client.get(url)

    assert response.status_code == 200


@pytest.mark.parametrize("page", list(BUDGET))
def test_page_query_count_for_members(member_client, posts, page, django_assert_max_num_queries):
    url = page_urls(posts)[page]
    member_client.get(url)
    cache.clear()

    with django_assert_max_num_queries(BUDGET[page] + MEMBER_EXTRA):
        response = member_client.get(url)

    assert response.status_code == 200


def test_post_page_first_view_of_the_day_stays_within_budget(client, django_assert_max_num_queries):
    post = build_posts(1)[0]
    PostActivity.objects.all().delete()

    with django_assert_max_num_queries(BUDGET["post"]):
        client.get(post.get_absolute_url(), headers={"user-agent": "Mozilla/5.0 Firefox/140.0"})

    assert not PostActivity.objects.exists()  # counted in the cache, not the database
    flush_activity_counts()
    assert PostActivity.objects.get(post=post).views == 1


def test_home_lists_newest_first_with_card_details(client):
    author = AuthorFactory(name="Ana Advisor")
    older = PostFactory(title="Older brief", published_at=timezone.now() - timedelta(days=9))
    newer = PostFactory(
        title="Newer brief",
        summary="Lessons from three countries.",
        authors=[author],
        topics=["Diaspora"],
    )

    response = client.get(reverse("posts:latest"))

    text = response.text
    assert text.index(newer.title) < text.index(older.title)
    assert "Lessons from three countries." in text
    assert "Ana Advisor" in text
    assert 'href="/topics/diaspora/"' in text
    assert newer.published_at.strftime("%B") in text


def test_home_paginates_and_survives_junk_page_numbers(client):
    for i in range(12):
        PostFactory(title=f"Paged brief {i:02d}", published_at=timezone.now() - timedelta(hours=i))
    url = reverse("posts:latest")

    second = client.get(url, {"page": "2"})
    junk = client.get(url, {"page": "abc"})
    too_far = client.get(url, {"page": "99999"})

    assert "Paged brief 10" in second.text and "Paged brief 00" not in second.text
    assert "Page 2 of 2" in second.text
    assert junk.status_code == 200 and "Paged brief 00" in junk.text
    assert too_far.status_code == 200 and "Paged brief 11" in too_far.text


def test_home_shows_trending_panel(client):
    post = PostFactory(topics=["Remittances"])
    PostActivity.objects.record(post.pk, "views", amount=5)
    refresh_trending_snapshot()

    response = client.get(reverse("posts:latest"))

    assert "Trending topics" in response.text
    assert "5 reads this week" in response.text
    assert 'href="/topics/remittances/"' in response.text


def test_post_page_shows_everything_in_reading_order(client):
    author = AuthorFactory(
        name="Mira Migration",
        role="Migration advisor",
        organisation="Diaspora Network",
        bio="Twenty years in the field.",
    )
    post = PostFactory(
        title="Diaspora engagement in the Western Balkans",
        summary="A learning brief.",
        body="<h2>What we did</h2><ul><li>Listened</li></ul><blockquote><p>Quote</p></blockquote>",
        published_at=timezone.make_aware(timezone.datetime(2021, 10, 14, 10, 0)),
        authors=[author],
        topics=["Diaspora"],
    )
    AttachmentFactory(post=post, title="The brief as PDF", size=2048)

    text = client.get(post.get_absolute_url()).text
    main = text[text.index("<main") :]

    order = [
        'id="post-title"',
        "Mira Migration",  # the byline
        "October 14, 2021",
        'href="/topics/diaspora/"',
        'class="post__actions post__actions--top"',
        'class="print-logo"',
        "A learning brief.",
        "<h2>What we did</h2>",
        'id="files-title"',
        "The brief as PDF",
        'id="authors-title"',
        'class="author-card',
        'class="post__actions post__actions--bottom"',
        "Comments (0)",
    ]
    positions = [main.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "PDF · 2.0\xa0KB" in text
    assert reverse("posts:download", args=[post.slug, post.attachments.get().pk]) in text
    assert "Migration advisor, Diaspora Network" in text
    assert "Twenty years in the field." in text
    assert 'href="/authors/' in text


def test_post_page_featured_image_has_alt_text(client, settings, tmp_path):
    post = PostFactory(featured_image=ImageFactory(alt_text="Women at a workshop in Tbilisi"))

    text = client.get(post.get_absolute_url()).text

    assert 'alt="Women at a workshop in Tbilisi"' in text
    og_image = "http://testserver/media/images/renditions/"
    assert f'<meta property="og:image" content="{og_image}' in text
    assert json_ld(text)["image"]["url"].startswith(og_image)


def json_ld(text: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert match, "no JSON-LD block"
    return json.loads(match.group(1))


def test_post_page_has_opengraph_and_json_ld(client):
    authors = [AuthorFactory(name="Ana"), AuthorFactory(name="Ben")]
    post = PostFactory(title="Skills abroad", authors=authors, topics=["Skills", "Return"])

    text = client.get(post.get_absolute_url()).text

    assert '<meta property="og:title" content="Skills abroad">' in text
    assert '<meta property="og:url" content="http://testserver/posts/' in text
    assert (
        f'<meta property="article:author" content="http://testserver/authors/{authors[0].slug}/">'
        in text
    )
    data = json_ld(text)
    assert data["@type"] == "Article"
    assert data["headline"] == "Skills abroad"
    assert [person["name"] for person in data["author"]] == ["Ana", "Ben"]
    assert sorted(data["keywords"]) == ["Return", "Skills"]
    assert data["url"] == "http://testserver" + post.get_absolute_url()
    assert data["datePublished"].startswith(post.published_at.date().isoformat())
    assert "dateModified" in data


def test_json_ld_cannot_break_out_of_its_script(client):
    title = "</script><script>alert(1)</script> & more"
    post = PostFactory(title=title, topics=["<b>bold</b>"])

    text = client.get(post.get_absolute_url()).text

    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert "<" not in block.group(1) and ">" not in block.group(1)
    assert json_ld(text)["headline"] == title
    assert "<script>alert(1)" not in text


def test_topic_page_lists_the_topics_published_posts(client):
    mine = PostFactory(title="On remittances", topics=["Remittances"])
    PostFactory(title="Hidden remittances draft", topics=["Remittances"], draft=True)
    PostFactory(title="Unrelated", topics=["Youth"])

    response = client.get(reverse("posts:topic", args=["remittances"]))

    assert response.status_code == 200
    assert mine.title in response.text
    assert "Hidden remittances draft" not in response.text
    assert "Unrelated" not in response.text
    assert "<h1" in response.text and "Remittances</h1>" in response.text


def test_unknown_topic_is_404(client):
    assert client.get(reverse("posts:topic", args=["nothing-here"])).status_code == 404


def test_author_page_shows_profile_and_published_posts(client):
    author = AuthorFactory(
        name="Lea Lead", role="Programme officer", organisation="ICMPD", bio="Writes briefs."
    )
    PostFactory(title="Lea's published brief", authors=[author])
    PostFactory(title="Lea's draft", authors=[author], draft=True)

    text = client.get(author.get_absolute_url()).text

    assert "Lea Lead</h1>" in text
    assert "Programme officer, ICMPD" in text
    assert "Writes briefs." in text
    assert "Lea&#x27;s published brief" in text
    assert "draft" not in text


def test_author_without_published_posts_is_unknown_to_the_public(client):
    author = AuthorFactory(name="Embargoed Person")
    PostFactory(scheduled=True, authors=[author])

    assert client.get(author.get_absolute_url()).status_code == 404
    assert client.get(reverse("posts:feed_author", args=[author.slug])).status_code == 404


def test_staff_see_an_author_without_posts_with_a_friendly_page(editor_client):
    author = AuthorFactory(name="New Person")

    response = editor_client.get(author.get_absolute_url())

    assert response.status_code == 200
    assert "No posts yet." in response.text


def test_trending_page_ranks_topics(client):
    hot = PostFactory(topics=["Hot topic"])
    cold = PostFactory(topics=["Cold topic"])
    PostActivity.objects.record(hot.pk, "views", amount=50)
    PostActivity.objects.record(cold.pk, "views", amount=2)
    refresh_trending_snapshot()

    text = client.get(reverse("posts:trending")).text

    assert text.index("Hot topic") < text.index("Cold topic")
    assert "<td>50</td>" in text


def test_trending_page_when_nothing_trends(client):
    text = client.get(reverse("posts:trending")).text

    assert "Nothing is trending yet" in text


def test_search_finds_published_posts_only(client):
    PostFactory(title="Diaspora bonds explained")
    PostFactory(title="Diaspora draft", draft=True)

    text = client.get(reverse("posts:search"), {"q": "diaspora"}).text

    assert "Diaspora bonds explained" in text
    assert "Diaspora draft" not in text
    assert "1 post matches" in text


@pytest.mark.parametrize(
    "query",
    [
        "x" * 500,
        "!!! ??? ... ;;; ***",
        "<script>alert(1)</script>",
        "' OR 1=1; DROP TABLE posts_post; --",
        '"unbalanced quote',
        "a\x00b",
        "   ",
        "-",
        "🙂",
    ],
    ids=["long", "punctuation", "script", "sql", "quote", "nul", "blank", "minus", "emoji"],
)
def test_absurd_searches_get_a_friendly_page(client, query):
    PostFactory(title="Diaspora bonds explained")

    response = client.get(reverse("posts:search"), {"q": query})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "Nothing matches" in response.text or "Type a few words" in response.text


@pytest.mark.parametrize("page", ["abc", "99999", "-1", "0", "1e9"])
def test_search_survives_junk_page_numbers(client, page):
    PostFactory(title="Diaspora bonds explained")

    response = client.get(reverse("posts:search"), {"q": "diaspora", "page": page})

    assert response.status_code == 200
    assert "Diaspora bonds explained" in response.text


def test_search_pagination_keeps_the_query(client):
    for i in range(12):
        PostFactory(title=f"Diaspora note {i}")

    text = client.get(reverse("posts:search"), {"q": "  Diaspora   note "}).text

    assert "?q=Diaspora%20note&amp;page=2" in text


def test_long_lists_count_only_up_to_a_cap(client, monkeypatch):
    monkeypatch.setattr("posts.pagination.MAX_COUNTED", 25)
    for _ in range(31):
        PostFactory()

    first = client.get(reverse("posts:latest")).text
    last = client.get(reverse("posts:latest"), {"page": 3}).text

    assert "Page 1 of 3+" in first
    assert "Page 3 of 3+" in last
    assert 'rel="next"' not in last
