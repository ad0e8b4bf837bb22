"""Posts in several languages: groups, lists, feeds, sitemap, print, admin, topics, search."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from posts.models import Post, PostStatus
from posts.multilingual import TopicTranslation
from posts.search import Filters, matches_and_rank, search_posts
from posts.sitemaps import PostSitemap
from tests.factories import PostFactory
from tests.pdfs import read_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def diaspora():
    """An English original with Russian and Georgian translations, and a Russian draft elsewhere."""
    en = PostFactory(title="Diaspora bonds", slug="bonds", topics=["Diaspora"])
    ru = PostFactory(title="Облигации диаспоры", slug="bonds-ru", language="ru", translation_of=en)
    ka = PostFactory(
        title="დიასპორის ობლიგაციები", slug="bonds-ka", language="ka", translation_of=en
    )
    return en, ru, ka


def titles(response) -> list[str]:
    return [post.title for post in response.context["page"].object_list]


def test_post_page_offers_its_published_translations_in_their_own_names(client, diaspora):
    en, ru, ka = diaspora
    PostFactory(slug="bonds-uk", language="uk", translation_of=en, status=PostStatus.DRAFT)

    text = client.get(en.get_absolute_url()).text

    assert '<a href="/ru/posts/bonds-ru/" lang="ru" hreflang="ru">Русский</a>' in text
    assert '<a href="/ka/posts/bonds-ka/" lang="ka" hreflang="ka">ქართული</a>' in text
    assert "bonds-uk" not in text  # a draft translation stays unknown


def test_post_page_hreflang_points_at_each_translation_with_english_as_default(client, diaspora):
    _en, ru, _ka = diaspora
    text = client.get("/ka/posts/bonds-ru/").text

    links = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', text))
    assert links == {
        "ru": "http://testserver/ru/posts/bonds-ru/",
        "en": "http://testserver/posts/bonds/",
        "ka": "http://testserver/ka/posts/bonds-ka/",
        "x-default": "http://testserver/posts/bonds/",
    }
    assert '<link rel="canonical" href="http://testserver/ru/posts/bonds-ru/">' in text
    assert '<h1 id="post-title" lang="ru">' in text


def test_lists_show_the_readers_language_first(client, diaspora):
    old_ru = PostFactory(
        title="Старая заметка", language="ru", published_at=timezone.now() - timedelta(days=30)
    )

    ru_titles = titles(client.get("/ru/"))
    en_titles = titles(client.get("/"))

    assert ru_titles[:2] == ["Облигации диаспоры", old_ru.title]
    assert en_titles[0] == "Diaspora bonds"


def test_language_filter_keeps_one_language(client, diaspora):
    response = client.get("/?lang=ka")

    assert titles(response) == ["დიასპორის ობლიგაციები"]
    assert 'aria-current="page">ქართული</a>' in response.text
    assert titles(client.get("/?lang=xx")) != []  # junk shows everything


def test_translation_groups_are_one_level_and_one_post_per_language(diaspora):
    en, ru, _ka = diaspora
    second_ru = Post(title="x", slug="x", summary="x", language="ru", translation_of=en)
    with pytest.raises(ValidationError):
        second_ru.clean()

    via_translation = Post(title="y", slug="y", summary="y", language="uk", translation_of=ru)
    via_translation.clean()
    assert via_translation.translation_of == en


def test_feeds_carry_their_language_and_its_posts(client, diaspora):
    ru_feed = client.get("/ru/feeds/latest/").text
    en_feed = client.get("/feeds/latest/").text

    assert "<language>ru</language>" in ru_feed and "Облигации диаспоры" in ru_feed
    assert "Diaspora bonds" not in ru_feed
    assert "<language>en</language>" in en_feed and "Облигации" not in en_feed


def test_sitemap_lists_each_post_once_with_its_translations(client, diaspora):
    files = {f"/sitemap-posts.xml?p={PostSitemap.file_of(post.pk)}" for post in diaspora}
    text = "".join(client.get(file).text for file in [*files, "/sitemap-pages.xml"])

    assert text.count("<loc>http://testserver/ru/posts/bonds-ru/</loc>") == 1
    assert 'hreflang="ka" href="http://testserver/ka/posts/bonds-ka/"' in text
    assert 'hreflang="x-default" href="http://testserver/posts/bonds/"' in text
    assert "<loc>http://testserver/ka/topics/</loc>" in text


def test_print_view_speaks_the_posts_language(client, diaspora):
    text = client.get("/posts/bonds-ka/print/").text

    assert '<html lang="ka">' in text
    assert "უკან" in text or "პუბლიკაციაზე დაბრუნება" in text  # "Back to post"


def test_pdf_is_in_the_posts_language(client, diaspora):
    response = client.get("/ru/posts/bonds-ka/pdf/")
    reader = read_pdf(response)
    text = reader.pages[0].extract_text()

    assert "დიასპორის" in text
    assert "გვერდი 1 / 1" in text  # the footer, in Georgian


def test_admin_filters_posts_missing_a_translation(client, editor, diaspora):
    lone = PostFactory(title="Only in English")
    client.force_login(editor)

    response = client.get("/admin/posts/post/", {"missing": "ka"})

    shown = {post.title for post in response.context["cl"].result_list}
    assert shown == {lone.title}
    assert "EN (ka, ru)" in client.get("/admin/posts/post/").text


def test_topics_show_their_translated_names(client, diaspora):
    topic = diaspora[0].tags.get()
    TopicTranslation.objects.create(tag=topic, language="ru", name="Диаспора")

    assert ">Диаспора</a>" in client.get("/ru/posts/bonds/").text
    assert ">Diaspora</a>" in client.get("/posts/bonds/").text


@pytest.mark.skipif(
    not settings.USING_POSTGRES, reason="text-search configurations are PostgreSQL's"
)
def test_search_stems_each_post_in_its_language():
    PostFactory(title="Денежные переводы мигрантов", language="ru")
    PostFactory(title="Remittances", language="en")

    # "переводами" only matches "переводы" through the Russian stemmer.
    assert [p.title for p in search_posts("переводами")] == ["Денежные переводы мигрантов"]
    assert [p.title for p in search_posts("remittance")] == ["Remittances"]


@pytest.mark.skipif(
    not settings.USING_POSTGRES, reason="text-search configurations are PostgreSQL's"
)
def test_languages_without_a_stemmer_match_whole_words_only():
    PostFactory(title="Грошові перекази", language="uk")  # "simple": no stemming
    PostFactory(title="Денежные переводы", language="ru")

    assert [p.title for p in search_posts("перекази")] == ["Грошові перекази"]
    assert list(search_posts("переказами")) == []
    assert [p.title for p in search_posts("переводами")] == ["Денежные переводы"]


@pytest.mark.skipif(
    not settings.USING_POSTGRES, reason="text-search configurations are PostgreSQL's"
)
def test_search_matches_with_one_constant_query_per_configuration():
    matches, _ = matches_and_rank("remittances", Filters())
    sql = str(matches.query)
    where = sql[sql.index("WHERE") :]

    # Constant configurations let the GIN index serve the match; ranking may use the row's.
    for config in ["english", "russian", "romanian", "serbian", "armenian", "simple"]:
        assert f"websearch_to_tsquery({config}_unaccent" in where.replace("'", "")
    assert "@@ (websearch_to_tsquery(CASE WHEN" not in where


def test_pages_of_a_list_hold_every_post_once_readers_language_first(client):
    now = timezone.now()
    for i in range(8):
        PostFactory(title=f"English {i}", published_at=now - timedelta(hours=i))
    for i in range(5):
        PostFactory(title=f"Русская {i}", language="ru", published_at=now - timedelta(days=i + 1))

    ru_pages = titles(client.get("/ru/")) + titles(client.get("/ru/", {"page": 2}))
    en_pages = titles(client.get("/")) + titles(client.get("/", {"page": 2}))

    assert ru_pages == [f"Русская {i}" for i in range(5)] + [f"English {i}" for i in range(8)]
    assert en_pages == [f"English {i}" for i in range(8)] + [f"Русская {i}" for i in range(5)]
