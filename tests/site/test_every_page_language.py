"""Every reader and member page speaks each language: no interface text comes out as in
English (content is kept free of English words, so whatever matches is the interface)."""

import pytest
from django.urls import reverse
from django.utils import translation

from comments.models import CommentStatus
from portal.catalogues import TRANSLATED
from saved.following import follow
from tests.factories import AuthorFactory, CommentFactory, PostFactory, SavedPostFactory
from tests.shown_texts import ALSO_ENGLISH, shown_texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(member):
    author = AuthorFactory(name="Ö Ü", slug="o-u", bio="<p>1 2</p>", role="—", organisation="—")
    post = PostFactory(
        title="42",
        slug="p42",
        summary="7",
        body="<h2>1</h2><p>2 3</p><h2>4</h2><p>5</p><h2>6</h2>",
        authors=[author],
        topics=["X1"],
    )
    PostFactory(
        title="43", slug="p43", summary="8", body="<p>9</p>", authors=[author], topics=["X1"]
    )
    CommentFactory(post=post, user=member, body="11", status=CommentStatus.APPROVED)
    CommentFactory(post=post, user=member, body="12", status=CommentStatus.PENDING)
    SavedPostFactory(user=member, post=post)
    follow(member, author)
    return post


# The print view and the PDF are in the post's language, whatever the reader's
# (tests/posts/test_multilingual.py); they are left out here.
def urls(post):
    return {
        "home": reverse("posts:latest"),
        "post": post.get_absolute_url(),
        "topic": reverse("posts:topic", args=["x1"]),
        "author": reverse("posts:author", args=["o-u"]),
        "trending": reverse("posts:trending"),
        "search": reverse("posts:search") + "?q=42",
        "search nothing": reverse("posts:search") + "?q=zz",
        "not found": reverse("posts:latest") + "nothing-here/",
    }


def member_urls():
    return {
        "saved": reverse("saved:list"),
        "following": reverse("saved:following"),
        "profile": reverse("accounts:profile"),
    }


def texts(client, names_urls):
    found = {}
    for name, url in names_urls.items():
        response = client.get(url)
        assert response.status_code in (200, 404), (name, url, response.status_code)
        found[name] = shown_texts(response.content.decode())
    return found


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_interface_text_stays_english(client, member, content, language):
    english = texts(client, urls(content))
    with translation.override(language):
        translated = texts(client, urls(content))
    client.force_login(member)
    english |= texts(client, member_urls() | {"post (member)": content.get_absolute_url()})
    with translation.override(language):
        translated |= texts(client, member_urls() | {"post (member)": content.get_absolute_url()})

    personal = {member.display_name, member.email}
    same = {
        name: sorted(
            text
            for text in translated[name] & english[name]
            if text not in {*ALSO_ENGLISH.get(language, ()), *personal} and "://" not in text
        )
        for name in translated
    }
    same = {name: found for name, found in same.items() if found}
    assert not same, "\n".join(f"{name}: {found}" for name, found in same.items())
