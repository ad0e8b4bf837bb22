"""Who may comment, robots, and failures that must never eat a comment or answer 500."""

import uuid
from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone

from comments.forms import CommentForm, render_stamp
from comments.models import Comment, CommentFlag, CommentStatus
from comments.suspensions import CommentingSuspension
from tests.comments.conftest import send
from tests.conftest import verified
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db

THANKS = "Thank you — your comment will appear once a moderator has approved it"


def test_unverified_members_see_why_and_cannot_comment(client, post, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "optional"
    client.force_login(UserFactory())

    page = client.get(post.get_absolute_url()).text
    response = send(client, post, "Unverified words")

    assert "Please confirm your email address before you comment" in page
    assert f'href="{reverse("account_email")}"' in page
    assert 'name="body"' not in page
    assert response.status_code == 403
    assert "Unverified words" in response.text
    assert not Comment.objects.exists()


def test_without_verification_anyone_logged_in_may_comment(client, post, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "none"
    client.force_login(UserFactory())

    assert send(client, post, "Allowed").status_code == 303
    assert Comment.objects.get().body == "Allowed"


def test_suspended_members_see_the_reason_instead_of_the_form(member_client, member, post):
    CommentingSuspension.objects.create(user=member, reason="Repeated insults.")

    page = member_client.get(post.get_absolute_url()).text
    response = send(member_client, post, "Still talking", htmx=True)

    assert "suspended your commenting" in page and "Repeated insults." in page
    assert 'name="body"' not in page
    assert response.status_code == 403 and "Repeated insults." in response.text
    assert not Comment.objects.exists()


def test_moderators_suspend_authors_from_the_queue(moderator_client, moderator, member, post):
    comment = CommentFactory(post=post, user=member, status=CommentStatus.PENDING)
    queue = reverse("admin:comments_comment_changelist")
    data = {"action": "suspend_authors", "_selected_action": [comment.pk]}

    moderator_client.post(queue, {**data, "reason": ""})
    assert not CommentingSuspension.objects.exists()
    moderator_client.post(queue, {**data, "reason": "Spam links, again."})

    suspension = CommentingSuspension.objects.get()
    assert (suspension.user, suspension.created_by) == (member, moderator)
    assert suspension.reason == "Spam links, again."
    assert (
        "Spam links, again."
        in moderator_client.get(reverse("admin:comments_commentingsuspension_changelist")).text
    )


def test_a_form_filled_faster_than_a_person_is_spam_with_the_same_thanks(
    member_client, post, settings
):
    settings.COMMENTS_MIN_INTERVAL_SECONDS = 0
    too_fast = send(member_client, post, "Instant", rendered=render_stamp(), htmx=True)
    forged = send(member_client, post, "Forged", rendered="12345", htmx=True)

    assert THANKS in too_fast.text and THANKS in forged.text
    for comment in Comment.objects.all():
        assert comment.status == CommentStatus.SPAM
        assert comment.flags == [CommentFlag.TOO_FAST]


def test_a_token_another_member_used_answers_cleanly(member_client, member, other_member, post):
    token = uuid.uuid4()
    CommentFactory(post=post, user=other_member, body="Theirs", idempotency_token=token)

    response = send(member_client, post, "Mine", token=str(token))

    assert response.status_code == 303
    mine = Comment.objects.get(body="Mine")
    assert mine.user == member and mine.idempotency_token != token


def test_insert_recount_and_activity_commit_together(editor_client, post):
    editor_client.raise_request_exception = False
    with mock.patch("posts.models.PostActivity.objects.record", side_effect=RuntimeError):
        response = send(editor_client, post, "Staff words are approved at once")

    assert response.status_code == 500
    assert not Comment.objects.exists()
    post.refresh_from_db()
    assert post.comment_count == 0


def test_a_database_outage_hands_the_text_back_with_503(member_client, post):
    with mock.patch("comments.models.Comment.save", side_effect=OperationalError("gone")):
        plain = send(member_client, post, "Words typed during the outage")
        htmx = send(member_client, post, "Words typed during the outage", htmx=True)

    assert plain.status_code == htmx.status_code == 503
    assert "Retry-After" in plain
    assert "Your comment was not posted" in plain.text
    assert "Words typed during the outage</textarea>" in plain.text
    assert f'action="{reverse("comments:create", args=[post.slug])}"' in plain.text
    assert "Words typed during the outage</textarea>" in htmx.text
    assert not Comment.objects.exists()


def test_a_failed_comment_without_js_gets_a_page_of_the_comments_app(member_client, post):
    response = send(member_client, post, "   ")

    assert response.status_code == 422
    names = [t.name for t in response.templates]
    assert "comments/retry.html" in names and "posts/detail.html" not in names
    assert "This field is required." in response.text


def test_too_long_text_uses_the_fields_max_length(member_client, post, settings):
    settings.COMMENTS_MAX_LENGTH = 10

    response = send(member_client, post, "Eleven char")

    assert response.status_code == 422
    assert "Please shorten your comment to 10 characters (it has 11)." in response.text
    assert 'maxlength="10"' in response.text
    assert CommentForm().fields["body"].max_length == 10  # the field's own check, not a clean_
    assert not Comment.objects.exists()


def test_rate_limit_says_when_to_come_back(member_client, member, post, settings):
    settings.COMMENTS_MIN_INTERVAL_SECONDS = 15
    now = timezone.now()
    CommentFactory(post=post, user=member, created_at=now - timedelta(seconds=5))

    with time_machine.travel(now, tick=False):
        refused = send(member_client, post, "Too soon")
    with time_machine.travel(now + timedelta(seconds=11), tick=False):
        accepted = send(member_client, post, "Later")

    assert refused.status_code == 429
    assert refused["Retry-After"] == "11"
    assert accepted.status_code == 303
    assert Comment.objects.filter(body__in=["Too soon", "Later"]).count() == 1


def test_new_accounts_daily_limit_holds_until_the_day_is_over(client, post, settings):
    settings.COMMENTS_NEW_ACCOUNT_DAILY_LIMIT = 1
    settings.COMMENTS_MIN_INTERVAL_SECONDS = 0
    now = timezone.now()
    newcomer = verified(UserFactory(date_joined=now - timedelta(hours=2)))
    CommentFactory(post=post, user=newcomer, created_at=now - timedelta(hours=1))
    client.force_login(newcomer)

    with time_machine.travel(now, tick=False):
        refused = send(client, post, "Second today")
    with time_machine.travel(now + timedelta(hours=22, minutes=1), tick=False):
        accepted = send(client, post, "A day old now")

    assert refused.status_code == 429 and int(refused["Retry-After"]) == 22 * 3600 + 1
    assert accepted.status_code == 303
    assert Comment.objects.get(body="A day old now").status == CommentStatus.PENDING
