"""Save pressed while logged out: explained on the login page, completed by every route.

Routes: log in without JavaScript from a card or from a post; with htmx; sign up and
confirm the email (verification is mandatory). Each lands back where Save was pressed.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from saved.models import SavedPost
from saved.saving import PENDING_SAVE_KEY
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"


def toggle_url(post):
    return reverse("saved:toggle", args=[post.slug])


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def hidden_next(page: str) -> str:
    return re.search(r'name="next" value="([^"]*)"', page).group(1).replace("&amp;", "&")


def log_in(client, login_url, member, next_url):
    return client.post(login_url, {"login": member.email, "password": PASSWORD, "next": next_url})


def save_link(page: str, post) -> str:
    """A visitor's Save: a link to log in (cached pages carry no CSRF token for a form)."""
    match = re.search(
        r'<a class="save-toggle__button save-toggle__link" href="([^"]*save=' + post.slug + ')"',
        page,
    )
    return match.group(1).replace("&amp;", "&")


def test_save_from_a_card_logs_in_and_returns_to_the_card(client, member):
    post = PostFactory(title="Savings groups")
    home = client.get("/?page=1").content.decode()
    assert f'id="post-{post.pk}"' in home and "csrfmiddlewaretoken" not in home

    login_url = save_link(home, post)
    assert login_url.startswith(reverse("account_login"))
    page = client.get(login_url).content.decode()
    assert "Log in to save this post" in page and "Savings groups" in page
    next_url = hidden_next(page)
    assert next_url == f"/?page=1#post-{post.pk}"
    assert not SavedPost.objects.exists()  # a link alone saves nothing

    response = client.post(
        login_url,
        {"login": member.email, "password": PASSWORD, "next": next_url, "save": post.slug},
    )
    assert response["Location"] == f"/?page=1#post-{post.pk}"
    assert SavedPost.objects.filter(user=member, post=post).exists()


def test_save_from_a_post_logs_in_and_returns_to_the_post(client, member):
    post = PostFactory()
    page = client.get(post.get_absolute_url()).content.decode()
    login_url = save_link(page, post)
    page = client.get(login_url).content.decode()
    assert "Log in to save this post" in page
    assert f'name="save" value="{post.slug}"' in page
    response = client.post(
        login_url,
        {"login": member.email, "password": PASSWORD, "next": hidden_next(page), "save": post.slug},
    )
    assert response["Location"] == post.get_absolute_url()
    assert SavedPost.objects.filter(user=member, post=post).exists()
    page = client.get(post.get_absolute_url()).content.decode()
    assert 'aria-pressed="true"' in page and "is in your saved posts" in page


def test_a_save_pressed_after_the_session_expired_completes_after_login(client, member):
    """A member's page (with the Save form) outlives the session: the POST remembers it."""
    post = PostFactory()
    response = client.post(toggle_url(post), {"action": "save", "next": post.get_absolute_url()})
    page = client.get(response["Location"]).content.decode()
    assert "Log in to save this post" in page
    response = log_in(client, response["Location"], member, hidden_next(page))
    assert response["Location"] == post.get_absolute_url()
    assert SavedPost.objects.filter(user=member, post=post).exists()
    # Done once, then forgotten: the next login in this browser saves nothing.
    assert PENDING_SAVE_KEY not in client.session


def test_save_with_htmx_redirects_the_page_to_login_and_back(client, member):
    post = PostFactory()
    response = client.post(
        toggle_url(post),
        {"action": "save", "next": f"/?page=2#post-{post.pk}"},
        headers={"HX-Request": "true"},
    )
    login_url = response.headers["HX-Redirect"]
    assert login_url.startswith(reverse("account_login"))
    page = client.get(login_url).content.decode()
    assert "Log in to save this post" in page
    response = log_in(client, login_url, member, hidden_next(page))
    assert response["Location"] == f"/?page=2#post-{post.pk}"
    assert SavedPost.objects.filter(user=member, post=post).exists()


def test_a_login_without_next_still_returns_to_where_save_was_pressed(client, member):
    post = PostFactory()
    client.post(toggle_url(post), {"action": "save", "next": f"/?page=1#post-{post.pk}"})
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response["Location"] == f"/?page=1#post-{post.pk}"
    assert SavedPost.objects.filter(user=member, post=post).exists()


def test_save_then_sign_up_and_confirm_the_email_in_one_click(client):
    post = PostFactory(title="Village water committees")
    login_url = save_link(client.get(post.get_absolute_url()).content.decode(), post)
    login_page = client.get(login_url).content.decode()
    signup_url = re.search(r'href="(/accounts/signup/\?next=[^"]*save=[^"]*)"', login_page).group(1)
    signup_url = signup_url.replace("&amp;", "&")
    page = client.get(signup_url).content.decode()
    assert "Sign up to save this post" in page and "Village water committees" in page

    response = client.post(
        signup_url,
        {
            "email": "newcomer@example.org",
            "display_name": "New Comer",
            "password1": "a long pass phrase",
            "password2": "a long pass phrase",
            "next": hidden_next(page),
            "save": post.slug,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="newcomer@example.org")
    # Kept with the new account at once: confirming from another device loses nothing.
    assert SavedPost.objects.filter(user=user, post=post).exists()

    (link,) = re.findall(r"https?://\S+/confirm-email/\S+", mail.outbox[0].body)
    response = client.get(path_of(link))  # one click: no second page to press a button on
    assert response.status_code == 302
    assert response["Location"] == post.get_absolute_url()
    assert user.emailaddress_set.get().verified
    assert client.get(post.get_absolute_url()).context["user"] == user


def test_a_save_link_alone_saves_nothing_for_a_logged_in_member(member_client, member):
    post = PostFactory()
    member_client.get(f"{reverse('account_login')}?save={post.slug}")
    assert not SavedPost.objects.exists()


def test_a_foreign_next_is_not_kept(client, member):
    post = PostFactory()
    response = client.post(toggle_url(post), {"action": "save", "next": "//evil.example/"})
    assert "evil" not in response["Location"]
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response["Location"] == post.get_absolute_url()
