"""Post cards are kept per generation; a list asks for its cards' authors and topics only
when some card is not kept yet (posts.querysets.card_data_on_demand)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from saved.models import SavedPost
from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def posts():
    author = AuthorFactory(name="Ana Author")
    return [
        PostFactory(title=f"Field note {i}", authors=[author], topics=["Remittances"])
        for i in range(3)
    ]


def card_data_queries(client, url) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    card_data = ('FROM "posts_postauthor"', '"taggit_taggeditem"')
    asked = [q["sql"] for q in queries if any(table in q["sql"] for table in card_data)]
    return response.text, asked


@pytest.mark.parametrize("url", [reverse("posts:latest"), reverse("saved:list")])
def test_kept_cards_need_no_authors_or_topics_from_the_database(member_client, member, posts, url):
    for post in posts:
        SavedPost.objects.create(user=member, post=post)

    first, first_asked = card_data_queries(member_client, url)
    again, again_asked = card_data_queries(member_client, url)

    assert len(first_asked) == 2  # authors and topics, once for the whole page
    assert again_asked == []
    for html in (first, again):
        assert html.count("Ana Author") == 3 and "Remittances" in html


def test_an_edited_author_shows_on_every_kept_card(member_client, posts):
    member_client.get(reverse("posts:latest"))
    author = posts[0].ordered_authors[0]

    author.name = "Ana Author-Rossi"
    author.save()

    html = member_client.get(reverse("posts:latest")).text
    assert html.count("Ana Author-Rossi") == 3
