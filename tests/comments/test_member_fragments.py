"""A member's post page is built from fragments shared by every member (portal/templatetags/
fragments.py): each member still gets their own CSRF token, one-time form values and their
own comments' controls, and every change shows on the next request."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from comments.models import CommentStatus
from comments.moderation import moderate
from portal import generations, per_generation
from portal.templatetags.fragments import TOKEN_PLACEHOLDER
from saved.models import SavedPost
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def page_of(client, post) -> str:
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    return response.text


def form_value(html: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]+)"', html).group(1)


def test_each_member_gets_the_shared_thread_with_their_own_csrf_token(
    post, make_comment, member, other_member, moderator
):
    make_comment(post, user=moderator, body="A remark everyone can report.")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(member)
    second.force_login(other_member)

    first_page, second_page = page_of(first, post), page_of(second, post)

    assert "A remark everyone can report." in second_page
    assert TOKEN_PLACEHOLDER not in first_page + second_page
    first_tokens, second_tokens = set(TOKEN.findall(first_page)), set(TOKEN.findall(second_page))
    assert len(second_tokens) == 1 and first_tokens != second_tokens
    # The token in the cached Report form is the second member's own: the report goes through.
    comment_id = re.search(r'id="comment-(\d+)"', second_page).group(1)
    response = second.post(
        reverse("comments:report", args=[comment_id]),
        {"csrfmiddlewaretoken": second_tokens.pop(), "reason": "Off topic."},
    )
    assert response.status_code in (200, 302, 303)
    assert other_member.comment_reports.count() == 1


def test_only_the_author_of_a_comment_on_the_page_gets_its_delete_form(
    client, post, make_comment, member, other_member
):
    comment = make_comment(post, user=member, body="My approved remark.")
    delete_form = f'action="{reverse("comments:delete", args=[comment.pk])}"'

    client.force_login(other_member)
    before = page_of(client, post)  # the shared thread is kept by the first member's visit
    client.force_login(member)
    mine = page_of(client, post)
    client.force_login(other_member)
    after = page_of(client, post)

    assert "My approved remark." in before and "My approved remark." in mine
    assert delete_form in mine
    assert delete_form not in before and delete_form not in after


def test_every_comment_form_gets_its_own_one_time_values(member_client, post):
    first = page_of(member_client, post)
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):
        second = page_of(member_client, post)

    assert form_value(first, "token") != form_value(second, "token")
    assert form_value(first, "rendered") != form_value(second, "rendered")
    assert "fragment-fill-" not in first + second


def test_a_member_sees_an_edited_post_on_the_next_request(member_client, post):
    assert "Diaspora bonds" in page_of(member_client, post)

    post.title = "Diaspora bonds, revised"
    post.body = "<p>A new finding from Moldova.</p>"
    post.save()

    html = page_of(member_client, post)
    assert "Diaspora bonds, revised" in html and "A new finding from Moldova." in html


def test_a_comment_approved_leaves_its_authors_waiting_list_at_once(
    member_client, member, moderator, post, make_comment
):
    comment = make_comment(
        post, user=member, body="Mine, in waiting.", status=CommentStatus.PENDING
    )
    assert "Your comments awaiting moderation" in page_of(member_client, post)

    moderate([comment], CommentStatus.APPROVED, moderator)  # an update(): no post_save

    html = page_of(member_client, post)
    assert "Your comments awaiting moderation" not in html
    assert "Mine, in waiting." in html
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED


def test_a_kept_value_goes_when_the_next_scheduled_post_goes_live():
    start = timezone.now()
    PostFactory(published_at=start + timedelta(seconds=30))  # scheduled, not yet live
    generation = generations.current()
    built = []

    def build():
        built.append(timezone.now())
        return len(built)

    with time_machine.travel(start, tick=False):
        assert per_generation.get_or_build(f"test:related:{generation}", generation, build) == 1
        assert per_generation.get_or_build(f"test:related:{generation}", generation, build) == 1
    with time_machine.travel(start + timedelta(seconds=31), tick=False):
        assert per_generation.get_or_build(f"test:related:{generation}", generation, build) == 2


def test_each_member_sees_their_own_save_state_and_name(client, post, member, other_member):
    SavedPost.objects.create(user=member, post=post)

    client.force_login(member)
    mine = page_of(client, post)
    client.force_login(other_member)
    theirs = page_of(client, post)

    assert mine.count('aria-pressed="true"') == 2 and 'aria-pressed="false"' not in mine
    assert theirs.count('aria-pressed="false"') == 2 and 'aria-pressed="true"' not in theirs
    assert "Rita Reader" in mine and "Rita Reader" not in theirs
    assert "Otto Other" in theirs


def test_with_the_database_as_cache_fragments_stay_in_memory(member_client, post, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        }
    }
    call_command("createcachetable", verbosity=0)
    page_of(member_client, post)
    generations.bump()  # every fragment is built again on the next request

    with CaptureQueriesContext(connection) as queries:
        html = page_of(member_client, post)

    assert "Diaspora bonds" in html
    assert not [q["sql"] for q in queries if "per-generation" in q["sql"]]


def test_a_value_kept_as_is_is_one_object_until_the_next_generation():
    generation = generations.current()

    def kept(generation):
        return per_generation.get_or_build(f"test:as-is:{generation}", generation, list, as_is=True)

    first = kept(generation)
    assert kept(generation) is first  # no copy per request
    generations.bump()
    assert kept(generations.current()) is not first
