"""Pages rendered for a signed-in member never go to shared caches."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

# allauth's own member pages set no cache headers; the home page shows the member's name.
MEMBER_PAGES = ["account_email", "account_change_password", "usersessions_list", "posts:latest"]


@pytest.mark.parametrize("name", MEMBER_PAGES)
def test_member_pages_are_private(member_client, name):
    response = member_client.get(reverse(name))
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_public_pages_stay_cacheable_for_readers(client):
    cache_control = client.get(reverse("posts:latest"))["Cache-Control"]
    assert "public" in cache_control and "private" not in cache_control


def test_a_views_own_cache_header_is_kept(member_client):
    assert member_client.get(reverse("robots_txt"))["Cache-Control"] == "max-age=86400, public"


def test_health_check_of_a_member_stays_free_of_queries(
    member_client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(0):
        response = member_client.get(reverse("healthz"))
    assert response.status_code == 200
