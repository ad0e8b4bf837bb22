"""Search: the same answers on PostgreSQL (full text) and SQLite (icontains).

Every test here runs on both databases; the two at the end check what only
PostgreSQL has (ranking and the GIN index).
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from posts.models import Author, Post, PostAuthor
from posts.search import NEWEST, RELEVANCE, Filters, clean_query, ranked_ids, search_posts
from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db

needs_postgres = pytest.mark.skipif(
    not settings.USING_POSTGRES,
    reason="ranking and the GIN index exist on PostgreSQL only; SQLite uses icontains",
)


def titles(query: str) -> list[str]:
    return [post.title for post in search_posts(clean_query(query))]


@pytest.fixture
def library():
    novak = AuthorFactory(name="Zlatka Novakovic", slug="zlatka-novakovic")
    PostFactory(
        title="Remittance corridors in the Caucasus",
        summary="How families send money home.",
        body="<p>Banks and cooperatives.</p>",
        topics=["Finance"],
        authors=[novak],
    )
    PostFactory(
        title="Skills partnerships",
        summary="An ombudsman for returning workers.",
        body="<p>Vocational schools and employers cooperate on apprenticeships.</p>",
        topics=["Agribusiness", "Skills"],
    )
    PostFactory(
        title="Remittance draft", summary="Unpublished remittance notes.", draft=True,
        topics=["Agribusiness"], authors=[novak],
    )  # fmt: skip
    PostFactory(
        title="Remittance scheduled", summary="Remittance notes for next week.",
        scheduled=True, topics=["Agribusiness"], authors=[novak],
    )  # fmt: skip
    return novak


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("remittance", ["Remittance corridors in the Caucasus"]),  # title
        ("REMITTANCE corridors", ["Remittance corridors in the Caucasus"]),  # case, all words
        ("ombudsman", ["Skills partnerships"]),  # summary
        ("apprenticeships", ["Skills partnerships"]),  # body
        ("agribusiness", ["Skills partnerships"]),  # topic name
        ("Novakovic", ["Remittance corridors in the Caucasus"]),  # author name
        ("Zlatka Novakovic", ["Remittance corridors in the Caucasus"]),
        ("remittance apprenticeships", []),  # every word must match
        ("nothing-like-this", []),
    ],
)
def test_search_finds_published_posts_by_each_field(library, query, expected):
    assert titles(query) == expected


def test_words_may_match_different_topics_and_authors():
    PostFactory(
        title="Field notes",
        topics=["Remittances", "Youth"],
        authors=[AuthorFactory(name="Ana Berisha"), AuthorFactory(name="Ben Hoxha")],
    )

    assert titles("remittances youth") == ["Field notes"]
    assert titles("Berisha Hoxha") == ["Field notes"]
    assert titles("youth Hoxha notes") == ["Field notes"]


def test_drafts_and_scheduled_posts_never_match(library):
    for query in ["remittance", "unpublished", "next week", "Novakovic", "agribusiness"]:
        found = titles(query)
        assert "Remittance draft" not in found
        assert "Remittance scheduled" not in found


def test_scheduled_post_is_found_once_its_time_comes():
    post = PostFactory(title="Circular migration pilots", scheduled=True)
    assert titles("circular") == []

    Post.objects.filter(pk=post.pk).update(published_at=timezone.now() - timedelta(minutes=1))

    assert titles("circular") == ["Circular migration pilots"]


def test_post_matching_through_several_rows_is_listed_once():
    first, second = AuthorFactory(name="Ana Diaspora"), AuthorFactory(name="Ben Diaspora")
    PostFactory(
        title="Diaspora bonds", body="<p>Diaspora investment.</p>",
        topics=["Diaspora", "Diaspora networks"], authors=[first, second],
    )  # fmt: skip

    assert titles("diaspora") == ["Diaspora bonds"]


def test_index_follows_author_renames(library):
    library.name = "Zlatka Petrovic"
    library.save()

    assert titles("Petrovic") == ["Remittance corridors in the Caucasus"]
    assert titles("Novakovic") == []


def test_index_follows_topic_changes():
    post = PostFactory(title="Youth councils", topics=["Governance"])

    post.tags.add("Participation")
    assert titles("participation") == ["Youth councils"]

    post.tags.remove("Governance")
    assert titles("governance") == []

    post.tags.clear()
    assert titles("participation") == []


def test_index_follows_author_changes_on_a_post():
    post = PostFactory(title="Return and reintegration")
    author = AuthorFactory(name="Mirela Kastrati")

    link = PostAuthor.objects.create(post=post, author=author, position=0)
    assert titles("Kastrati") == ["Return and reintegration"]

    link.delete()
    assert titles("Kastrati") == []


def test_index_follows_edits_to_the_post():
    post = PostFactory(title="Seasonal work")

    post.title = "Seasonal labour schemes"
    post.body = "<p>Bilateral agreements.</p>"
    post.save()

    assert titles("labour") == ["Seasonal labour schemes"]
    assert titles("bilateral") == ["Seasonal labour schemes"]


def test_index_follows_topic_rename_and_delete():
    from taggit.models import Tag

    PostFactory(title="Circular migration", topics=["Mobility"])
    tag = Tag.objects.get(name="Mobility")

    tag.name = "Labour mobility"
    tag.save()
    assert titles("labour") == ["Circular migration"]

    tag.delete()
    assert titles("labour") == []


def test_deleting_an_author_takes_their_name_out_of_the_index(library):
    Author.objects.filter(pk=library.pk).delete()

    assert titles("Novakovic") == []


@pytest.mark.parametrize(
    "raw",
    ["", "   ", "\t\n", "x" * 500, "!!! ??? ...", "<script>alert(1)</script>", "a\x00b", "-"],
    ids=["empty", "spaces", "tabs", "500-chars", "punctuation", "script", "nul", "minus"],
)
def test_absurd_queries_get_a_friendly_page(client, library, raw):
    response = client.get(reverse("posts:search"), {"q": raw})

    assert response.status_code == 200
    text = response.text
    assert "<script>alert(1)</script>" not in text
    assert "Type a few words" in text or "Nothing matches" in text
    assert "Remittance draft" not in text


def test_script_query_is_echoed_escaped(client):
    text = client.get(reverse("posts:search"), {"q": "<script>x</script>"}).text

    assert "&lt;script&gt;x&lt;/script&gt;" in text
    assert "<script>x</script>" not in text


def test_long_query_is_capped():
    assert len(clean_query("word " * 200)) == 200
    assert clean_query("  diaspora \x00\t bonds  ") == "diaspora bonds"


def test_search_page_lists_matches_with_the_count(client, library):
    text = client.get(reverse("posts:search"), {"q": "agribusiness"}).text

    assert "1 post matches" in text
    assert "Skills partnerships" in text
    assert "Remittance draft" not in text
    assert "Remittance scheduled" not in text


def test_only_the_newest_matches_are_ranked_and_counted(client, monkeypatch):
    monkeypatch.setattr("posts.search.MAX_RESULTS", 3)
    now = timezone.now()
    for age in range(5):
        PostFactory(title=f"Diaspora note {age}", published_at=now - timedelta(days=age + 1))

    text = client.get(reverse("posts:search"), {"q": "diaspora"}).text

    assert "3 or more posts match" in text
    assert [f"Diaspora note {age}" in text for age in range(5)] == [True] * 3 + [False] * 2


@pytest.mark.parametrize("sort", [RELEVANCE, NEWEST])
def test_results_come_best_first_then_newest_then_latest_added(sort):
    now = timezone.now()
    found_in = []  # (where the word is: 0 title, 1 summary, 2 body; the post)
    for n in range(4):  # ties in rank and in date: the id decides
        day = now - timedelta(days=n % 2 + 1)
        found_in.append((0, PostFactory(title=f"Cooperatives {n}", published_at=day)))
        found_in.append(
            (1, PostFactory(summary=f"Cooperatives and savings {n}.", published_at=day))
        )
        found_in.append((2, PostFactory(body=f"<p>On cooperatives {n}.</p>", published_at=day)))

    def order(item):
        where, post = item
        newest_first = (-post.published_at.timestamp(), -post.pk)
        return (where, *newest_first) if sort == RELEVANCE else newest_first

    filters = Filters(sort=sort)
    expected = [post.pk for _, post in sorted(found_in, key=order)]
    assert ranked_ids("cooperatives", filters) == expected
    assert [post.pk for post in search_posts("cooperatives", filters)] == expected
    assert ranked_ids("", filters) == []


def test_search_page_shows_the_best_match_first_and_pages_on(client):
    now = timezone.now()
    for n in range(11):
        PostFactory(title=f"Note {n}", body="<p>On cooperatives.</p>", published_at=now)
    PostFactory(title="Cooperatives at large", published_at=now - timedelta(days=9))

    first = client.get(reverse("posts:search"), {"q": "cooperatives"})
    second = client.get(reverse("posts:search"), {"q": "cooperatives", "page": 2})

    assert "12 posts match" in first.text
    assert [post.title for post in first.context["page"].object_list][0] == "Cooperatives at large"
    assert len(first.context["page"].object_list) == 10
    assert len(second.context["page"].object_list) == 2
    assert "Cooperatives at large" not in second.text


@pytest.mark.parametrize("count", [2, 30])
def test_search_page_query_count_does_not_grow(client, django_assert_max_num_queries, count):
    authors = AuthorFactory.create_batch(4)
    for i in range(count):
        PostFactory(
            title=f"Diaspora note {i}",
            topics=["Diaspora", f"Topic {i % 5}"],
            authors=authors[: 1 + i % 4],
        )

    # count, page, authors, topics, the topic and author choices of the form,
    # and on PostgreSQL the highlighted passages
    with django_assert_max_num_queries(7):
        response = client.get(reverse("posts:search"), {"q": "diaspora"})

    assert f"{count} posts match" in response.text


@needs_postgres
def test_title_match_outranks_body_match():
    # The body match is newer, so only ranking can put the title match first.
    PostFactory(
        title="Field notes",
        body="<p>Notes on cooperatives.</p>",
        published_at=timezone.now() - timedelta(hours=1),
    )
    PostFactory(
        title="Cooperatives in rural areas",
        body="<p>Other words.</p>",
        published_at=timezone.now() - timedelta(days=30),
    )
    PostFactory(
        title="Savings groups",
        summary="Cooperatives and savings groups.",
        published_at=timezone.now() - timedelta(days=2),
    )

    assert titles("cooperatives") == [
        "Cooperatives in rural areas",
        "Savings groups",
        "Field notes",
    ]


@needs_postgres
def test_search_vector_is_stored_and_gin_indexed():
    post = PostFactory(title="Diaspora bonds", topics=["Finance"])

    post.refresh_from_db()
    assert "diaspora" in str(post.search_vector)
    assert "financ" in str(post.search_vector)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'posts_post' "
            "AND indexname = 'posts_post_search_vector_gin'"
        )
        (indexdef,) = cursor.fetchone()
    assert "USING gin (search_vector)" in indexdef


def test_search_boxes_take_their_limit_from_the_search_module(client, monkeypatch):
    monkeypatch.setattr("posts.search.MAX_QUERY_LENGTH", 120)

    page = client.get("/search/", {"q": "migration"}).content.decode()

    assert page.count('maxlength="120"') == 1  # the search page hides the header's box
