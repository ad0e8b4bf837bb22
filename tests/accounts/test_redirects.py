"""Every next= stays on this site: allauth's login and logout, and the Save toggle."""

import re

import pytest
from django.urls import reverse

from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

EVIL = [
    "//evil.example",
    "//evil.example/path",
    "https:evil.example",
    "https://evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    " javascript:alert(1)",
    "http://testserver.evil.example/",
]


@pytest.mark.parametrize("target", EVIL)
def test_login_next_cannot_leave_the_site(client, member, login, target):
    response = login(member.email, next=target)
    assert response.status_code == 302
    assert response["Location"] == reverse("posts:latest")


def test_login_next_on_this_site_is_followed(client, member, login):
    response = login(member.email, next="/topics/")
    assert response["Location"] == "/topics/"


@pytest.mark.parametrize("target", EVIL)
def test_login_page_does_not_carry_an_evil_next(client, target):
    response = client.get(reverse("account_login"), {"next": target})
    carried = re.findall(r'name="next" value="([^"]*)"', response.content.decode())
    assert all("evil" not in value and "javascript" not in value for value in carried)


@pytest.mark.parametrize("target", EVIL)
def test_logout_next_cannot_leave_the_site(member_client, target):
    response = member_client.post(reverse("account_logout"), {"next": target})
    assert response.status_code == 302
    assert "evil" not in response["Location"]
    assert not response["Location"].startswith("javascript")


@pytest.mark.parametrize("target", EVIL)
def test_save_toggle_next_cannot_leave_the_site(member_client, target):
    post = PostFactory()
    response = member_client.post(
        reverse("saved:toggle", args=[post.slug]), {"action": "save", "next": target}
    )
    assert response.status_code == 302
    assert response["Location"] == post.get_absolute_url()
