"""The signed-in member is read from the cache, and every change to them is seen at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db


def user_queries(client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("accounts:profile"))
    assert response.status_code == 200
    return sum('FROM "accounts_user"' in q["sql"] for q in ctx.captured_queries)


def test_the_member_is_loaded_once_then_read_from_the_cache(member_client):
    member_client.get(reverse("accounts:profile"))

    assert user_queries(member_client) == 0


def test_a_password_changed_elsewhere_ends_the_session_on_the_next_request(member_client, member):
    member_client.get(reverse("accounts:profile"))  # cached now

    member.set_password("a-new-secret-phrase")
    member.save()
    response = member_client.get(reverse("accounts:profile"))

    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_a_deactivated_member_is_signed_out_on_the_next_request(member_client, member):
    member_client.get(reverse("accounts:profile"))

    member.is_active = False
    member.save()
    response = member_client.get(reverse("accounts:profile"))

    assert response.status_code == 302


def test_a_renamed_member_sees_the_new_name_at_once(member_client, member):
    member_client.get(reverse("accounts:profile"))

    member.display_name = "Rita Renamed"
    member.save()

    assert "Rita Renamed" in member_client.get(reverse("posts:latest")).text


def test_a_session_with_a_forged_hash_is_never_accepted_from_the_cache(client, member):
    client.force_login(member)
    client.get(reverse("accounts:profile"))  # the user row is cached now
    session = client.session
    session["_auth_user_hash"] = "0" * 64
    session.save()

    response = client.get(reverse("accounts:profile"))

    assert response.status_code == 302
