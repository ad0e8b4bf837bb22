"""Search quality: accents, ranking, highlighted passages, filters, sorting, 'did you mean'.

Every test runs on both databases unless marked; PostgreSQL folds accents with
unaccent and ranks with ts_rank, SQLite matches a folded copy and scores by field.
"""

from datetime import date, datetime, timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from posts.search import NEWEST, Filters, clean_query, search_posts
from posts.search.folding import fold
from posts.search.highlight import headlines
from posts.search.suggest import did_you_mean
from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db

needs_postgres = pytest.mark.skipif(
    not settings.USING_POSTGRES, reason="the unaccent configuration and pg_trgm are PostgreSQL's"
)


def titles(query: str, **filters) -> list[str]:
    return [post.title for post in search_posts(clean_query(query), Filters(**filters))]


def aware(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


def test_fold_drops_accents_and_case():
    assert fold("Marković Đorđević ŁÓDŹ Straße") == "markovic djordjevic lodz strasse".replace(
        "dj", "d"
    )


@pytest.mark.parametrize("query", ["markovic", "Marković", "MARKOVIC", "marković"])
def test_accents_do_not_matter_in_either_direction(query):
    PostFactory(title="Interview with Jelena Marković", summary="Return migration.")
    PostFactory(title="Markovic family remittances", summary="Plain letters.")

    assert sorted(titles(query)) == [
        "Interview with Jelena Marković",
        "Markovic family remittances",
    ]


def test_accents_are_folded_in_body_topics_and_authors():
    PostFactory(
        title="Field notes",
        body="<p>Cooperatives in <em>Tiraspol</em> and Bălți.</p>",
        topics=["Économie sociale"],
        authors=[AuthorFactory(name="Zoë Đurić")],
    )

    assert titles("balti") == ["Field notes"]
    assert titles("economie") == ["Field notes"]
    assert titles("zoe duric") == ["Field notes"]


def test_title_match_comes_first_even_when_older():
    PostFactory(
        title="Field notes", body="<p>Notes on cooperatives.</p>",
        published_at=timezone.now() - timedelta(hours=1),
    )  # fmt: skip
    PostFactory(
        title="Savings groups", summary="Cooperatives and savings groups.",
        published_at=timezone.now() - timedelta(days=2),
    )  # fmt: skip
    PostFactory(
        title="Cooperatives in rural areas", body="<p>Other words.</p>",
        published_at=timezone.now() - timedelta(days=30),
    )  # fmt: skip

    assert titles("cooperatives") == [
        "Cooperatives in rural areas",
        "Savings groups",
        "Field notes",
    ]


def test_newest_sort_ignores_relevance():
    PostFactory(title="Cooperatives", published_at=timezone.now() - timedelta(days=30))
    PostFactory(title="Notes", body="<p>cooperatives</p>", published_at=timezone.now())

    assert titles("cooperatives", sort=NEWEST) == ["Notes", "Cooperatives"]


def test_filters_by_topic_author_and_dates():
    ana = AuthorFactory(name="Ana")
    PostFactory(
        title="Diaspora A", topics=["Finance"], authors=[ana], published_at=aware(2024, 3, 10)
    )
    PostFactory(
        title="Diaspora B", topics=["Skills"], authors=[ana], published_at=aware(2024, 5, 1)
    )
    PostFactory(title="Diaspora C", topics=["Finance"], published_at=aware(2024, 5, 31, 23, 30))
    from taggit.models import Tag

    finance = Tag.objects.get(name="Finance")

    assert titles("diaspora", topic=finance) == ["Diaspora C", "Diaspora A"]
    assert titles("diaspora", author=ana) == ["Diaspora B", "Diaspora A"]
    assert titles("diaspora", since=date(2024, 4, 1)) == ["Diaspora C", "Diaspora B"]
    assert titles("diaspora", until=date(2024, 5, 31)) == ["Diaspora C", "Diaspora B", "Diaspora A"]
    assert titles("diaspora", until=date(2024, 5, 30)) == ["Diaspora B", "Diaspora A"]
    assert titles("diaspora", topic=finance, since=date(2024, 4, 1)) == ["Diaspora C"]


def test_search_page_filters_and_keeps_them_in_page_links(client):
    for i in range(12):
        PostFactory(title=f"Diaspora note {i}", topics=["Finance"])
    PostFactory(title="Diaspora elsewhere", topics=["Skills"])

    text = client.get(
        reverse("posts:search"), {"q": "diaspora", "topic": "finance", "sort": "newest"}
    ).text

    assert "12 posts match" in text
    assert "Diaspora elsewhere" not in text
    assert "?q=diaspora&amp;topic=finance&amp;sort=newest&amp;page=2" in text
    assert '<option value="finance" selected>Finance</option>' in text


def test_author_filter_lists_published_authors_escaped_and_keeps_the_choice(client):
    PostFactory(title="Diaspora note", authors=[AuthorFactory(name="Ana <Rusu>", slug="ana")])
    PostFactory(draft=True, authors=[AuthorFactory(name="Hidden Writer", slug="hidden")])

    text = client.get(reverse("posts:search"), {"q": "diaspora", "author": "ana"}).text

    assert '<option value="ana" selected>Ana &lt;Rusu&gt;</option>' in text
    assert '<option value="">All authors</option>' in text
    assert "Hidden Writer" not in text


def test_junk_filters_show_an_error_but_still_search(client):
    PostFactory(title="Diaspora bonds")

    response = client.get(
        reverse("posts:search"),
        {"q": "diaspora", "topic": "no-such-topic", "since": "2024-05-02", "until": "2024-05-01"},
    )

    assert response.status_code == 200
    assert "The end date comes before the start date." in response.text
    assert "Select a valid choice" in response.text


def test_search_page_shows_one_search_box(client):
    PostFactory(title="Diaspora bonds")

    text = client.get(reverse("posts:search"), {"q": "diaspora"}).text
    home = client.get(reverse("posts:latest")).text

    assert text.count('type="search"') == 1
    assert 'class="site-search"' not in text
    assert 'class="site-search"' in home


def test_passage_marks_the_words_and_escapes_the_text(client):
    PostFactory(
        title="Savings",
        summary="Groups & <b>clubs</b> of Bălți.",
        body="<p>Long text before. Women’s cooperatives in Bălți share 5 &lt; 6 tools.</p>",
    )

    text = client.get(reverse("posts:search"), {"q": "balti"}).text

    assert "<mark>Bălți</mark>" in text
    assert "Groups &amp; " in text
    assert "<b>clubs</b>" not in text  # escaped (SQLite) or dropped as a tag (ts_headline)
    assert "5 &lt; 6" in text
    assert "&amp;lt;" not in text


def test_passage_never_lets_markup_through():
    post = PostFactory(title="Notes", summary="Before <script>alert(1)</script> diaspora after")

    [passage] = headlines("diaspora", [post]).values()

    assert "<script>" not in passage
    assert "<mark>diaspora</mark>" in passage


def test_did_you_mean_offers_a_close_spelling(client):
    PostFactory(title="Remittance corridors", topics=["Agribusiness"])

    text = client.get(reverse("posts:search"), {"q": "agrbusiness"}).text

    assert "Nothing matches" in text
    assert "Did you mean" in text
    assert "?q=Agribusiness" in text


def test_did_you_mean_stays_quiet_without_a_close_word():
    PostFactory(title="Remittance corridors", topics=["Agribusiness"])

    assert did_you_mean("zebra crossing") is None
    assert did_you_mean("agribusiness") is None  # the query itself is no suggestion


def test_did_you_mean_finds_author_names_and_title_words():
    PostFactory(title="Remittance corridors", authors=[AuthorFactory(name="Zlatka Novakovic")])

    assert did_you_mean("Zlatka Novakovik") == "Zlatka Novakovic"
    assert did_you_mean("remitance") in {"Remittance", "Remittance corridors"}


def test_drafts_are_never_suggested():
    PostFactory(title="Secret plans", draft=True)

    assert did_you_mean("secret plan") is None


@needs_postgres
def test_postgres_uses_the_unaccent_configuration_and_trigram_index():
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('english_unaccent', 'Marković')::text")
        assert cursor.fetchone()[0] == "'markov':1"
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'posts_post_title_trgm'")
        assert "gin_trgm_ops" in cursor.fetchone()[0]


@pytest.mark.skipif(settings.USING_POSTGRES, reason="search_text is SQLite's folded copy")
def test_sqlite_keeps_a_folded_copy_up_to_date():
    post = PostFactory(title="Bălți", summary="Ünïcode", body="<p>Body &amp; more</p>")
    post.tags.add("Économie")
    post.refresh_from_db()

    assert post.search_text == "balti\x1eunicode\x1fbody & more economie"


@needs_postgres
def test_every_post_language_has_an_accent_folding_configuration():
    from posts.multilingual import SEARCH_CONFIGS

    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname LIKE '%%_unaccent'")
        found = {row[0] for row in cursor.fetchall()}
    assert {f"{name}_unaccent" for name in [*SEARCH_CONFIGS.values(), "simple"]} <= found
