"""The database goes away: readers get a 503 that says so, and typed text comes back."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper

from comments.models import Comment
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def refusing():
    """Every query fails as it does while PostgreSQL restarts (sessions still come from the cache)."""
    return mock.patch.object(CursorWrapper, "execute", side_effect=OperationalError("refused"))


@pytest.fixture
def database_away():
    with refusing():
        yield


@pytest.fixture
def post():
    return PostFactory(title="Seasonal work schemes")


def send_comment(client, post, body):
    client.raise_request_exception = False
    return client.post(
        f"/comments/posts/{post.slug}/new/",
        {
            "body": body,
            "token": "6b1f7a1e-2f0d-4a55-9a0e-0d2c8c4b9d11",
            "parent": "",
            "password": "never-shown",
        },
    )


def test_a_comment_sent_while_the_database_is_away_comes_back_to_send_again(
    member_client, post, database_away
):
    response = send_comment(member_client, post, "Remittances <b>matter</b> in Moldova")

    page = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert "no-store" in response["Cache-Control"]
    assert ">Remittances &lt;b&gt;matter&lt;/b&gt; in Moldova</textarea>" in page
    assert 'name="token" value="6b1f7a1e-2f0d-4a55-9a0e-0d2c8c4b9d11"' in page
    assert f'action="/comments/posts/{post.slug}/new/"' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert "never-shown" not in page


def test_the_text_sent_again_is_stored_once_the_database_is_back(member_client, post):
    with refusing():
        refused = send_comment(member_client, post, "Remittances matter in Moldova")
    assert refused.status_code == 503
    assert not Comment.objects.exists()

    again = send_comment(member_client, post, "Remittances matter in Moldova")

    assert again.status_code == 303
    assert Comment.objects.get().body == "Remittances matter in Moldova"


def test_pages_answer_503_not_500_while_the_database_is_away(client, post, database_away):
    client.raise_request_exception = False
    client.cookies["sessionid"] = "a-session-the-portal-cannot-look-up"

    response = client.get(post.get_absolute_url())

    assert response.status_code == 503
    assert "briefly unavailable" in response.content.decode()
    assert "<form" not in response.content.decode()


def test_other_errors_are_still_500(client, post):
    client.raise_request_exception = False
    with mock.patch("posts.views.reading.render", side_effect=ValueError("a bug")):
        response = client.get(post.get_absolute_url())

    assert response.status_code == 500
