"""My saved posts is read from the database once per change (saved/listing.py): every save,
removal or change to a saved post shows on the next request, and each member gets their own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from posts.models import PostStatus
from saved.models import SavedPost
from saved.saving import save_post, unsave_post
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db
SAVED_URL = reverse("saved:list")


def saved_list(client) -> str:
    response = client.get(SAVED_URL)
    assert response.status_code == 200
    return response.text


def test_the_list_is_read_once_then_kept(member_client, member):
    save_post(member, PostFactory(title="Kept for later"))
    saved_list(member_client)

    with CaptureQueriesContext(connection) as queries:
        html = saved_list(member_client)

    assert "Kept for later" in html
    assert not [q for q in queries.captured_queries if "posts_savedpost" in q["sql"]]


def test_saving_and_removing_show_on_the_next_request(member_client, member):
    first, second = PostFactory(title="First pick"), PostFactory(title="Second pick")
    save_post(member, first)
    assert "Second pick" not in saved_list(member_client)

    save_post(member, second)
    assert "Second pick" in saved_list(member_client)

    unsave_post(member, first)
    html = saved_list(member_client)
    assert "First pick" not in html and "Second pick" in html
    assert list(SavedPost.objects.filter(user=member).values_list("post", flat=True)) == [second.pk]


def test_an_edited_or_unpublished_post_shows_on_the_next_request(member_client, member):
    edited, withdrawn = PostFactory(title="Old title"), PostFactory(title="Withdrawn")
    save_post(member, edited)
    save_post(member, withdrawn)
    saved_list(member_client)

    edited.title = "New title"
    edited.save()
    withdrawn.status = PostStatus.DRAFT
    withdrawn.save()

    html = saved_list(member_client)
    assert "New title" in html and "Old title" not in html and "Withdrawn" not in html


def test_each_member_gets_their_own_kept_list(client, member, other_member):
    save_post(member, PostFactory(title="Rita only"))
    save_post(other_member, PostFactory(title="Otto only"))

    client.force_login(member)
    saved_list(client)
    client.force_login(other_member)
    otto = saved_list(client)
    client.force_login(member)
    rita = saved_list(client)

    assert "Otto only" in otto and "Rita only" not in otto
    assert "Rita only" in rita and "Otto only" not in rita
