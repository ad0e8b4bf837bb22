"""The reading pack: a member's saved posts as one PDF with cover and contents."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from posts.printing.tasks import render_post_pdf_task
from saved import pack as pack_module
from tests.factories import AuthorFactory, PostFactory, SavedPostFactory
from tests.pdfs import pdf_bytes, read_pdf

pytestmark = pytest.mark.django_db

PACK_URL = reverse("saved:reading_pack")


def save(user, *posts):
    now = timezone.now()
    for age, post in enumerate(reversed(posts)):
        SavedPostFactory(user=user, post=post, saved_at=now - timedelta(minutes=age))


def pages_text(response) -> list[str]:
    reader = read_pdf(response)
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_pack_has_cover_contents_and_each_saved_post_on_its_own_page(member_client, member):
    author = AuthorFactory(name="Elena Marković")
    first = PostFactory(title="Remittances and trust", body="<p>First body.</p>", authors=[author])
    second = PostFactory(title="Return and reintegration", body="<p>Second body.</p>")
    save(member, first, second)

    response = member_client.get(PACK_URL)

    assert response.status_code == 200
    assert pdf_bytes(response).startswith(b"%PDF")
    assert response["Content-Disposition"].startswith('attachment; filename="reading-pack-')
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    cover, contents, *posts = pages_text(response)
    assert "Reading pack" in cover and "Rita Reader" in cover and "2 posts" in cover
    # Contents, newest saved first, each with the page its post starts on.
    assert re.search(
        r"Contents Return and reintegration \.+ 3 .*Remittances and trust \.+ 4", contents
    ), contents
    assert len(posts) == 2
    assert "Return and reintegration" in posts[0] and "Second body." in posts[0]
    assert "Remittances and trust" in posts[1] and "Elena Marković" in posts[1]
    assert f"http://testserver{first.get_absolute_url()}" in posts[1]


def test_pack_holds_only_the_members_own_published_saved_posts(member_client, member, other_member):
    mine = PostFactory(title="Mine to read")
    theirs = PostFactory(title="Someone else's pick")
    unpublished = PostFactory(title="Pulled back later")
    save(member, mine, unpublished)
    save(other_member, theirs)
    unpublished.status = "draft"
    unpublished.save()

    text = " ".join(pages_text(member_client.get(PACK_URL)))

    assert "Mine to read" in text
    assert "Someone else's pick" not in text
    assert "Pulled back later" not in text


def test_pack_is_limited_to_the_most_recently_saved(member_client, member, monkeypatch):
    monkeypatch.setattr(pack_module, "READING_PACK_LIMIT", 2)
    monkeypatch.setattr("saved.views.READING_PACK_LIMIT", 2)
    oldest, middle, newest = (
        PostFactory(title=f"Saved {n}") for n in ("oldest", "middle", "newest")
    )
    save(member, oldest, middle, newest)

    text = " ".join(pages_text(member_client.get(PACK_URL)))

    assert "Saved newest" in text and "Saved middle" in text
    assert "Saved oldest" not in text
    assert "the 2 most recently saved of your 3 saved posts" in text


def test_saved_page_links_to_the_pack_and_states_the_limit(member_client, member, monkeypatch):
    monkeypatch.setattr("saved.views.READING_PACK_LIMIT", 7)  # the one definition, read by the page
    save(member, PostFactory())

    page = member_client.get(reverse("saved:list")).content.decode()

    assert f'href="{PACK_URL}"' in page
    assert "7 most recently saved posts" in page


def test_pack_is_stored_per_member_and_list(member_client, member):
    post = PostFactory(title="Cached once")
    save(member, post)

    with mock.patch.object(
        pack_module, "build_reading_pack", wraps=pack_module.build_reading_pack
    ) as builder:
        member_client.get(PACK_URL)
        member_client.get(PACK_URL)
        assert builder.call_count == 1
        save(member, PostFactory(title="Added later"))
        assert "Added later" in " ".join(pages_text(member_client.get(PACK_URL)))
        assert builder.call_count == 2


def test_pack_is_for_members_only(client):
    response = client.get(PACK_URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_empty_list_goes_back_to_saved_page_with_a_message(member_client):
    response = member_client.get(PACK_URL, follow=True)

    assert response.redirect_chain[-1][0] == reverse("saved:list")
    assert "Save some posts first" in response.content.decode()


def test_pack_is_read_only(member_client):
    assert member_client.post(PACK_URL).status_code == 405


@pytest.mark.parametrize("count", [1, 6])
def test_pack_from_stored_post_pdfs_queries_do_not_grow_with_its_posts(
    member_client, member, count, django_assert_max_num_queries
):
    author = AuthorFactory()
    posts = [PostFactory(authors=[author], topics=["Diaspora"]) for _ in range(count)]
    save(member, *posts)
    for post in posts:
        render_post_pdf_task.call(post.pk, True)

    # Session, user, the saved list with authors and topics, then the posts' files.
    with django_assert_max_num_queries(6):
        response = member_client.get(PACK_URL)
    assert response.status_code == 200
