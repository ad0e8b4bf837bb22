"""Remove on My saved posts: the card goes, with an Undo, with or without JavaScript."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from saved.models import SavedPost
from tests.factories import PostFactory, SavedPostFactory

pytestmark = pytest.mark.django_db

SAVED_URL = "/saved/"
HTMX = {"HX-Request": "true"}


def remove_url(post):
    return reverse("saved:remove", args=[post.slug])


def undo_token(html: str) -> str:
    return html.split('name="token" value="')[1].split('"')[0]


def test_each_card_says_when_it_was_saved_and_offers_remove(member_client, member):
    post = PostFactory(title="To remove")
    SavedPostFactory(user=member, post=post, saved_at=timezone.now() - timedelta(days=3))
    page = member_client.get(SAVED_URL).content.decode()
    card = page.split(f'id="post-{post.pk}"')[1].split("</article>")[0]
    assert "Saved on" in card
    assert f'action="{remove_url(post)}"' in card and ">Remove<" in card


def test_remove_without_javascript_shows_an_undo_that_restores_the_date(member_client, member):
    post = PostFactory(title="Kept for later")
    saved_at = timezone.now() - timedelta(days=5)
    SavedPostFactory(user=member, post=post, saved_at=saved_at)

    response = member_client.post(remove_url(post))
    assert response["Location"] == SAVED_URL
    assert not SavedPost.objects.filter(user=member).exists()
    page = member_client.get(SAVED_URL).content.decode()
    assert "“Kept for later” is no longer in your saved posts." in page
    assert 'action="/saved/restore/"' in page and ">Undo<" in page
    assert "data-hx-post" not in page.split("saved-undo")[1].split("</form>")[0]

    response = member_client.post(reverse("saved:restore"), {"token": undo_token(page)})
    assert response["Location"] == f"{SAVED_URL}#post-{post.pk}"
    assert SavedPost.objects.get(user=member, post=post).saved_at == saved_at
    # The notice is shown once.
    assert "no longer in your saved posts" not in member_client.get(SAVED_URL).content.decode()


def test_remove_with_htmx_replaces_the_card_with_an_undo(member_client, member):
    post = PostFactory(title="Swapped away")
    SavedPostFactory(user=member, post=post)

    response = member_client.post(remove_url(post), headers=HTMX)
    html = response.content.decode()
    assert "<html" not in html and "card__title" not in html
    assert "“Swapped away” is no longer in your saved posts." in html
    assert 'data-hx-target="closest .saved-item"' in html and "autofocus" in html
    assert not SavedPost.objects.filter(user=member).exists()

    response = member_client.post(
        reverse("saved:restore"), {"token": undo_token(html)}, headers=HTMX
    )
    html = response.content.decode()
    assert html.startswith('<li class="saved-item">') and "Swapped away" in html
    assert SavedPost.objects.filter(user=member, post=post).exists()


def test_an_undo_token_restores_nothing_for_another_member(client, member, other_member):
    post = PostFactory()
    SavedPostFactory(user=member, post=post)
    client.force_login(member)
    html = client.post(remove_url(post), headers=HTMX).content.decode()

    client.force_login(other_member)
    response = client.post(reverse("saved:restore"), {"token": undo_token(html)})
    assert response["Location"] == SAVED_URL
    assert not SavedPost.objects.exists()


def test_a_forged_token_is_refused(member_client):
    response = member_client.post(reverse("saved:restore"), {"token": "1:forged"})
    assert response["Location"] == SAVED_URL
    assert not SavedPost.objects.exists()


def test_remove_and_restore_are_post_only_and_need_login(client, member_client):
    post = PostFactory()
    assert member_client.get(remove_url(post)).status_code == 405
    assert member_client.get(reverse("saved:restore")).status_code == 405
    client.logout()
    assert client.post(remove_url(post))["Location"].startswith(reverse("account_login"))
