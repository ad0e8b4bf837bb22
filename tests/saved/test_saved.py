"""My saved posts and the Save toggle: private, idempotent, cheap."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from posts.models import Post, PostActivity, PostStatus
from saved.models import SavedPost
from tests.factories import AuthorFactory, PostFactory, SavedPostFactory

pytestmark = pytest.mark.django_db

SAVED_URL = "/saved/"


def toggle_url(post):
    return reverse("saved:toggle", args=[post.slug])


def test_urls_keep_their_paths():
    assert reverse("saved:list") == SAVED_URL
    assert reverse("saved:toggle", args=["a-post"]) == "/posts/a-post/save/"
    assert reverse("saved:reading_pack") == "/saved/pack.pdf"


@pytest.mark.parametrize("target", ["foo", "saved:list", "", "posts/elsewhere/"])
def test_a_next_that_is_not_a_path_goes_back_to_the_post(member_client, member, target):
    post = PostFactory()

    response = member_client.post(toggle_url(post), {"action": "save", "next": target})

    assert response.status_code == 302
    assert response["Location"] == post.get_absolute_url()
    assert SavedPost.objects.filter(user=member, post=post).exists()


def test_save_from_the_post_page_without_javascript(member_client, member):
    post = PostFactory(title="Cash transfers in practice")
    page = member_client.get(post.get_absolute_url()).content.decode()
    assert f'action="{toggle_url(post)}"' in page
    assert 'aria-pressed="false"' in page

    response = member_client.post(
        toggle_url(post), {"action": "save", "next": post.get_absolute_url()}
    )
    assert response.status_code == 302
    assert response["Location"] == post.get_absolute_url()
    assert SavedPost.objects.filter(user=member, post=post).exists()
    assert PostActivity.objects.get(post=post).saves == 1

    page = member_client.get(post.get_absolute_url()).content.decode()
    assert 'aria-pressed="true"' in page
    saved_page = member_client.get(SAVED_URL).content.decode()
    assert "Cash transfers in practice" in saved_page


def test_saving_twice_keeps_one_row_and_one_activity(member_client, member):
    post = PostFactory()
    for _ in range(2):
        member_client.post(toggle_url(post), {"action": "save"})
    assert SavedPost.objects.filter(user=member).count() == 1
    assert PostActivity.objects.get(post=post).saves == 1


def test_htmx_swaps_only_the_button(member_client, member):
    post = PostFactory(title="Remittances")
    response = member_client.post(
        toggle_url(post), {"action": "save", "next": "/"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and "site-header" not in html
    assert html.strip().startswith('<form class="save-toggle"')
    assert 'aria-pressed="true"' in html and ">Saved<" in html
    assert 'data-hx-swap="outerHTML"' in html
    assert 'value="remove"' in html

    response = member_client.post(
        toggle_url(post), {"action": "remove"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert 'aria-pressed="false"' in html and ">Save<" in html
    assert not SavedPost.objects.filter(user=member).exists()


def test_toggle_is_post_only(member_client):
    post = PostFactory()
    assert member_client.get(toggle_url(post)).status_code == 405


def test_toggle_checks_csrf(member):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)
    post = PostFactory()
    assert strict.post(toggle_url(post), {"action": "save"}).status_code == 403
    assert not SavedPost.objects.exists()


@pytest.mark.parametrize("hidden", [{"draft": True}, {"scheduled": True}])
def test_posts_the_public_cannot_see_cannot_be_saved(member_client, hidden):
    post = PostFactory(**hidden)
    assert member_client.post(toggle_url(post), {"action": "save"}).status_code == 404
    assert not SavedPost.objects.exists()


def test_anonymous_save_goes_to_login_and_completes_after_it(client, member):
    post = PostFactory(title="Savings groups")
    response = client.post(toggle_url(post), {"action": "save"})
    assert response.status_code == 302
    login_url = response["Location"]
    assert login_url.startswith(reverse("account_login"))
    assert not SavedPost.objects.exists()

    page = client.get(login_url).content.decode()
    assert f'name="next" value="{post.get_absolute_url()}"' in page
    response = client.post(
        login_url,
        {
            "login": member.email,
            "password": "correct horse battery",
            "next": post.get_absolute_url(),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == post.get_absolute_url()
    assert SavedPost.objects.filter(user=member, post=post).exists()
    page = client.get(post.get_absolute_url()).content.decode()
    assert 'aria-pressed="true"' in page
    assert "is in your saved posts" in page


def test_anonymous_htmx_save_redirects_the_whole_page(client):
    post = PostFactory()
    response = client.post(toggle_url(post), {"action": "save"}, headers={"HX-Request": "true"})
    assert response.headers["HX-Redirect"].startswith(reverse("account_login"))


def test_saved_list_needs_login(client):
    response = client.get(SAVED_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_member_never_sees_or_changes_another_members_list(client, member, other_member):
    mine = PostFactory(title="Only mine")
    theirs = PostFactory(title="Only theirs")
    SavedPostFactory(user=member, post=mine)
    SavedPostFactory(user=other_member, post=theirs)

    client.force_login(member)
    page = client.get(SAVED_URL, {"user": other_member.pk}).content.decode()
    assert "Only mine" in page and "Only theirs" not in page

    # A posted user id is ignored: the change lands on the signed-in member's own list.
    client.post(toggle_url(theirs), {"action": "remove", "user": other_member.pk})
    assert SavedPost.objects.filter(user=other_member, post=theirs).exists()
    client.post(
        toggle_url(mine), {"action": "save", "user": other_member.pk, "user_id": other_member.pk}
    )
    assert not SavedPost.objects.filter(user=other_member, post=mine).exists()

    client.force_login(other_member)
    page = client.get(SAVED_URL).content.decode()
    assert "Only theirs" in page and "Only mine" not in page


def test_saved_pages_are_private_to_caches(member_client):
    post = PostFactory()
    assert "private" in member_client.get(SAVED_URL)["Cache-Control"]
    assert "private" in member_client.post(toggle_url(post), {"action": "save"})["Cache-Control"]


def test_newest_saved_first_with_the_date_saved(member_client, member):
    older = PostFactory(title="Saved first")
    newer = PostFactory(title="Saved last")
    SavedPostFactory(user=member, post=older, saved_at=timezone.now() - timedelta(days=3))
    saved = SavedPostFactory(user=member, post=newer)
    page = member_client.get(SAVED_URL).content.decode()
    assert page.index("Saved last") < page.index("Saved first")
    assert f'Saved on <time datetime="{saved.saved_at:%Y-%m-%d}' in page


def test_unpublished_posts_drop_out_of_the_list(member_client, member):
    kept = PostFactory(title="Still published")
    gone = PostFactory(title="Taken down")
    SavedPostFactory(user=member, post=kept)
    SavedPostFactory(user=member, post=gone)
    Post.objects.filter(pk=gone.pk).update(status=PostStatus.DRAFT)

    response = member_client.get(SAVED_URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Still published" in page and "Taken down" not in page


def test_a_post_changed_since_saving_says_so(member_client, member):
    changed = PostFactory(title="Changed")
    same = PostFactory(title="Same")
    SavedPostFactory(user=member, post=changed, saved_at=timezone.now() - timedelta(days=1))
    SavedPostFactory(user=member, post=same)
    Post.objects.filter(pk=changed.pk).update(updated_at=timezone.now())
    page = member_client.get(SAVED_URL).content.decode()
    assert page.count("Updated since you saved it") == 1
    assert page.index("Updated since you saved it") > page.index("Changed")


def test_empty_list_explains_saving(member_client):
    page = member_client.get(SAVED_URL).content.decode()
    assert "Nothing saved yet." in page
    assert "to keep it here for later" in page


def test_the_list_is_paginated(member_client, member):
    for n in range(12):
        SavedPostFactory(
            user=member,
            post=PostFactory(title=f"Post number {n:02d}"),
            saved_at=timezone.now() - timedelta(minutes=n),
        )
    first = member_client.get(SAVED_URL).content.decode()
    second = member_client.get(SAVED_URL, {"page": 2}).content.decode()
    assert "Post number 00" in first and "Post number 11" not in first
    assert "Post number 11" in second and "Page 2 of 2" in second


@pytest.mark.parametrize(("asked", "shown"), [("99", "Page 2 of 2"), ("junk", "Page 1 of 2")])
def test_a_page_past_the_end_or_junk_lands_on_a_real_page(member_client, member, asked, shown):
    for _ in range(12):
        SavedPostFactory(user=member, post=PostFactory())
    page = member_client.get(SAVED_URL, {"page": asked}).content.decode()
    assert shown in page and page.count('class="saved-remove"') == (2 if asked == "99" else 10)


def test_cards_show_saved_state(member_client, member):
    saved, unsaved = PostFactory(title="Kept"), PostFactory(title="Not kept")
    SavedPostFactory(user=member, post=saved)
    page = member_client.get(reverse("posts:latest")).content.decode()
    assert (
        f'id="save-toggle-{saved.pk}" class="save-toggle__button save-toggle__button--saved" aria-pressed="true"'
        in page
    )
    assert f'id="save-toggle-{unsaved.pk}" class="save-toggle__button" aria-pressed="false"' in page


def make_posts(member, count, saved=True):
    author = AuthorFactory()
    posts = [PostFactory(authors=[author], topics=["migration", "health"]) for _ in range(count)]
    if saved:
        for post in posts:
            SavedPostFactory(user=member, post=post)
    return posts


@pytest.mark.parametrize("count", [2, 30])
def test_saved_list_queries_do_not_grow(
    member_client, member, count, django_assert_max_num_queries
):
    make_posts(member, count)
    member_client.get(SAVED_URL)  # the session is read from the cache after
    # the member, the page of saves with their posts and the list's length, authors,
    # topics: 4, whatever the length of the list (the toggles' saved ids come from the
    # page itself).
    with django_assert_max_num_queries(4):
        response = member_client.get(SAVED_URL)
    assert response.content.decode().count('class="saved-remove"') == min(count, 10)


@pytest.mark.parametrize("count", [2, 30])
def test_card_saved_state_is_one_query(member_client, member, count):
    make_posts(member, count)
    member_client.get(reverse("posts:latest"))  # warm the trending cache
    with CaptureQueriesContext(connection) as queries:
        response = member_client.get(reverse("posts:latest"))
    saved_lookups = [q for q in queries.captured_queries if "posts_savedpost" in q["sql"]]
    assert not saved_lookups  # looked up once by the first request, then from the cache
    assert response.content.decode().count('aria-pressed="true"') == min(count, 10)
    # The whole page stays flat too: 4 queries today, one of slack for the page's owners.
    assert len(queries.captured_queries) <= 5
