"""Short English words with two senses get two translations (pgettext contexts):
"Search" the page and "Search" the button, "By" the authors and "By" whom a revision
was saved, "Following" the page and "Following" the button. Russian tells them apart."""

import pytest
from django.urls import reverse
from django.utils import translation

from saved.following import follow
from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db


def page(client, name, *args):
    with translation.override("ru"):
        url = reverse(name, args=args)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_search_page_is_a_noun_and_its_button_a_verb(client):
    html = page(client, "posts:search")

    assert '<h1 id="page-title">Поиск</h1>' in html
    assert '<button type="submit">Найти</button>' in html


def test_the_byline_agrees_with_the_number_of_authors(client):
    one = PostFactory(authors=[AuthorFactory(name="Анна")])
    two = PostFactory(authors=[AuthorFactory(name="Анна"), AuthorFactory(name="Иван")])

    assert 'class="byline__authors">Автор: <a' in page(client, "posts:detail", one.slug)
    assert 'class="byline__authors">Авторы: <a' in page(client, "posts:detail", two.slug)


def test_following_names_the_page_and_the_button_differently(member_client, member):
    author = AuthorFactory(name="Анна")
    PostFactory(authors=[author])
    follow(member, author)

    author_page = page(member_client, "posts:author", author.slug)
    following_page = page(member_client, "saved:following")

    assert 'aria-pressed="true">Вы подписаны<span' in author_page
    assert '<h1 id="page-title">Подписки</h1>' in following_page


def test_pagination_and_revision_columns_are_different_words():
    with translation.override("ru"):
        assert translation.pgettext("pagination", "Older") == "Старше"
        assert translation.pgettext("revision to compare", "Older") == "Старая версия"
        assert translation.pgettext("revision saved by", "By") == "Кто сохранил"
