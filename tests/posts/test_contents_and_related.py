"""A long post's contents (anchored headings) and "More on this topic"."""

from datetime import timedelta

import pytest
from django.utils import timezone

from posts.contents import with_contents
from posts.related import related_to
from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db

LONG = (
    "<p>Intro.</p><h2>Why it matters</h2><p>a</p><h3>In <em>rural</em> areas &amp; towns</h3>"
    "<p>b</p><h2>Why it matters</h2><p>c</p><h4>Small print</h4>"
)


def test_long_body_gets_unique_anchored_headings():
    html, entries = with_contents(LONG)

    assert [(e.level, e.anchor, e.text) for e in entries] == [
        (2, "section-why-it-matters", "Why it matters"),
        (3, "section-in-rural-areas-towns", "In rural areas & towns"),
        (2, "section-why-it-matters-2", "Why it matters"),
    ]
    assert '<h2 id="section-why-it-matters">' in html
    assert '<h3 id="section-in-rural-areas-towns">In <em>rural</em> areas &amp; towns</h3>' in html
    assert "<h4>Small print</h4>" in html


def test_short_body_has_no_contents():
    body = "<h2>One</h2><h2>Two</h2>"

    assert with_contents(body) == (body, [])


def test_post_page_shows_contents_with_links(client):
    post = PostFactory(body=LONG)

    text = client.get(post.get_absolute_url()).text

    assert 'aria-labelledby="contents-title"' in text
    assert 'href="#section-why-it-matters-2"' in text
    assert 'id="section-why-it-matters-2"' in text


def test_related_posts_share_topics_or_authors_best_first():
    ana = AuthorFactory()
    post = PostFactory(topics=["Finance", "Skills"], authors=[ana])
    both = PostFactory(title="Shares three", topics=["Finance", "Skills"], authors=[ana],
                       published_at=timezone.now() - timedelta(days=20))  # fmt: skip
    one = PostFactory(title="Shares one", topics=["Skills"])
    PostFactory(title="Shares nothing", topics=["Other"])
    PostFactory(title="Draft sharing", topics=["Finance"], draft=True)
    by_ana = PostFactory(
        title="By Ana", authors=[ana], published_at=timezone.now() - timedelta(days=3)
    )

    related = related_to(post)

    assert related == [both, one, by_ana]  # one shared each: the newer first


def test_related_posts_at_most_four_in_one_query(django_assert_num_queries):
    post = PostFactory(topics=["Finance"])
    for _ in range(6):
        PostFactory(topics=["Finance"])
    post = type(post).objects.for_post_page().get(pk=post.pk)

    with django_assert_num_queries(1):
        related = related_to(post)

    assert len(related) == 4


def test_post_page_shows_more_on_this_topic_cached_per_generation(client):
    post = PostFactory(topics=["Finance"])
    PostFactory(title="Another finance brief", topics=["Finance"])

    assert "More on this topic" in client.get(post.get_absolute_url()).text
    PostFactory(title="Newest finance brief", topics=["Finance"])  # a new content generation
    text = client.get(post.get_absolute_url()).text

    assert "Another finance brief" in text and "Newest finance brief" in text


def test_related_posts_skip_translations_and_other_languages():
    post = PostFactory(topics=["Finance"])
    PostFactory(title="Its translation", topics=["Finance"], language="ru", translation_of=post)
    PostFactory(title="Other language", topics=["Finance"], language="ro")
    same = PostFactory(title="Same language", topics=["Finance"])

    assert related_to(post) == [same]
