"""Posting comments and replies: the happy paths, every rule, and failures keeping the text."""

import uuid
from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment, CommentFlag, CommentStatus
from posts.models import PostActivity
from tests.comments.conftest import HTMX, send

pytestmark = pytest.mark.django_db

THANKS = "Thank you — your comment will appear once a moderator has approved it"


def create_url(post):
    return reverse("comments:create", args=[post.slug])


def test_members_see_the_form_and_anonymous_a_login_link(client, member, post):
    page = client.get(post.get_absolute_url()).text
    assert "Join the conversation" in page
    assert "Log in to leave a comment" in page
    assert "/accounts/login/?next=/posts/diaspora-bonds/%23comment-form" in page

    client.force_login(member)
    page = client.get(post.get_absolute_url()).text
    assert "Leave a comment" in page
    assert 'role="status" aria-live="polite"' in page
    assert 'maxlength="3000"' in page


def test_login_returns_to_the_form(client, member, post):
    login = reverse("account_login") + "?next=/posts/diaspora-bonds/%23comment-form"

    response = client.post(login, {"login": member.email, "password": "correct horse battery"})

    assert response.status_code == 302
    assert response["Location"] == "/posts/diaspora-bonds/#comment-form"


def test_get_is_not_allowed(member_client, post):
    assert member_client.get(create_url(post)).status_code == 405


def test_anonymous_cannot_post(client, post):
    response = send(client, post)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Comment.objects.exists()


def test_no_js_post_redirects_with_the_thank_you(member_client, member, post):
    response = send(member_client, post)

    assert response.status_code == 303
    assert response["Location"] == "/posts/diaspora-bonds/?comment_sent=thanks#comment-form"
    comment = Comment.objects.get()
    assert (comment.user, comment.status) == (member, CommentStatus.PENDING)
    page = member_client.get(response["Location"]).text
    assert THANKS in page
    assert "I learned a lot from this brief." in page and "awaiting moderation" in page


def test_htmx_post_replaces_the_form_with_the_thank_you(member_client, post):
    response = send(member_client, post, htmx=True)

    assert response.status_code == 200
    assert THANKS in response.text
    assert 'class="comment-form"' not in response.text  # only the comment's own Delete form
    assert 'class="comment-form-area"' in response.text


def test_too_long_text_is_refused_and_kept(member_client, post, settings):
    settings.COMMENTS_MAX_LENGTH = 20
    text = "This is far longer than twenty characters"

    response = send(member_client, post, text, htmx=True)

    assert response.status_code == 422
    assert "Please shorten your comment to 20 characters" in response.text
    assert text in response.text
    assert not Comment.objects.exists()


def test_empty_text_without_js_shows_the_page_with_the_error(member_client, post):
    response = send(member_client, post, "   ")

    assert response.status_code == 422
    assert "Diaspora bonds" in response.text
    assert "This field is required." in response.text


def test_rate_limit_answers_429_and_keeps_the_text(member_client, member, post, make_comment):
    make_comment(post, member, "Just now", created_at=timezone.now() - timedelta(seconds=5))

    response = send(member_client, post, "My carefully typed second thought", htmx=True)
    plain = send(member_client, post, "My carefully typed second thought")

    assert response.status_code == plain.status_code == 429
    assert "My carefully typed second thought" in response.text
    assert "My carefully typed second thought" in plain.text
    assert "your text is kept" in response.text
    assert Comment.objects.count() == 1


def test_new_accounts_have_a_daily_limit(member_client, member, post, make_comment, settings):
    settings.COMMENTS_NEW_ACCOUNT_DAILY_LIMIT = 2
    for hours in (3, 2):
        make_comment(
            post, member, f"Earlier {hours}", created_at=timezone.now() - timedelta(hours=hours)
        )

    assert send(member_client, post, "Third today").status_code == 429
    assert not Comment.objects.filter(body="Third today").exists()


def test_older_accounts_have_no_daily_limit(client, old_member, post, make_comment, settings):
    settings.COMMENTS_NEW_ACCOUNT_DAILY_LIMIT = 2
    for hours in (3, 2, 1):
        make_comment(
            post, old_member, f"Earlier {hours}", created_at=timezone.now() - timedelta(hours=hours)
        )
    client.force_login(old_member)

    assert send(client, post, "Fourth today").status_code == 303
    # Stored, and as what her record earns (three approved: trusted), not as spam.
    assert Comment.objects.get(body="Fourth today").status == CommentStatus.APPROVED


def test_double_submit_stores_one_comment(member_client, post):
    token = str(uuid.uuid4())

    first = send(member_client, post, token=token, htmx=True)
    second = send(member_client, post, token=token, htmx=True)  # inside the 15 s limit

    assert first.status_code == second.status_code == 200
    assert THANKS in second.text
    assert Comment.objects.count() == 1


def test_unique_token_holds_in_the_database(post, member):
    token = uuid.uuid4()
    Comment.objects.create(post=post, user=member, body="a", idempotency_token=token)

    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Comment.objects.create(post=post, user=member, body="b", idempotency_token=token)


def test_honeypot_is_spam_with_the_same_answer(member_client, post):
    response = send(member_client, post, website="http://spam.example", htmx=True)

    assert THANKS in response.text
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.SPAM
    assert comment.flags == [CommentFlag.HONEYPOT]
    assert comment.rule_notes


def test_two_links_are_held_with_a_flag(client, old_member, post, make_comment):
    for n in range(3):  # trusted: would be auto-approved without the links
        make_comment(
            post, old_member, f"Old {n}", created_at=timezone.now() - timedelta(days=n + 1)
        )
    client.force_login(old_member)

    send(client, post, "See https://a.example and www.b.example")

    comment = Comment.objects.latest("created_at")
    assert comment.status == CommentStatus.PENDING
    assert comment.flags == [CommentFlag.LINKS]
    assert "2 links" in comment.rule_notes


def test_blocked_words_are_spam(member_client, post, settings):
    settings.COMMENTS_BLOCKED_WORDS = ["casino bonus"]

    response = send(member_client, post, "Get your CASINO BONUS today", htmx=True)

    assert THANKS in response.text
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.SPAM
    assert comment.flags == [CommentFlag.WORDS]
    assert "casino bonus" in comment.rule_notes


def test_identical_text_within_five_minutes_is_rejected(member_client, member, post, make_comment):
    make_comment(
        post,
        member,
        "Same words",
        status=CommentStatus.PENDING,
        created_at=timezone.now() - timedelta(minutes=2),
    )

    response = send(member_client, post, "Same words", htmx=True)

    assert "we kept the first one" in response.text
    duplicate = Comment.objects.latest("created_at")
    assert duplicate.status == CommentStatus.REJECTED
    assert duplicate.flags == [CommentFlag.DUPLICATE]


def test_identical_text_later_is_fine(member_client, member, post, make_comment):
    make_comment(post, member, "Same words", created_at=timezone.now() - timedelta(minutes=6))

    send(member_client, post, "Same words")

    assert Comment.objects.latest("created_at").status == CommentStatus.PENDING


def test_members_with_approved_comments_are_auto_approved(
    client, old_member, post, make_comment, settings
):
    settings.COMMENTS_AUTO_APPROVE_AFTER = 2
    for n in range(2):
        make_comment(
            post, old_member, f"Old {n}", created_at=timezone.now() - timedelta(days=n + 1)
        )
    client.force_login(old_member)

    response = send(client, post, "Trusted words", htmx=True)

    assert "your comment is published" in response.text
    comment = Comment.objects.get(body="Trusted words")
    assert comment.status == CommentStatus.APPROVED
    post.refresh_from_db()
    assert post.comment_count == 3  # recomputed from the table: two earlier plus this one
    assert PostActivity.objects.get(post=post).comments == 1


def test_staff_are_always_approved(editor_client, post):
    send(editor_client, post, "Editor note with https://a.example and https://b.example")

    comment = Comment.objects.get()
    assert comment.status == CommentStatus.APPROVED
    assert comment.flags == [CommentFlag.LINKS]  # recorded all the same


def test_reply_to_a_comment(member_client, member, other_member, post, make_comment):
    parent = make_comment(post, other_member, "Question?")

    send(member_client, post, "Answer.", parent=parent.pk)

    assert Comment.objects.get(body="Answer.").parent == parent


def test_reply_to_a_reply_attaches_to_the_top_level(
    member_client, other_member, post, make_comment
):
    top = make_comment(post, other_member, "Top")
    reply = make_comment(post, other_member, "Reply", parent=top)

    send(member_client, post, "Deeper", parent=reply.pk)

    assert Comment.objects.get(body="Deeper").parent == top


def test_reply_form_partial(member_client, other_member, post, make_comment):
    parent = make_comment(post, other_member, "Question?")

    response = member_client.get(reverse("comments:reply", args=[parent.pk]), **HTMX)
    plain = member_client.get(reverse("comments:reply", args=[parent.pk]))

    assert f'name="parent" value="{parent.pk}"' in response.text
    assert "Your reply to Otto Other" in response.text
    assert plain["Location"] == f"/posts/diaspora-bonds/?reply_to={parent.pk}#comment-form"
    page = member_client.get(plain["Location"]).text
    assert "Your reply to Otto Other" in page


def test_closed_post_takes_no_comments(member_client, post):
    post.comments_enabled = False
    post.save()

    page = member_client.get(post.get_absolute_url()).text
    response = send(member_client, post, "Too late", htmx=True)

    assert "Comments are closed on this post." in page
    assert 'name="body"' not in page
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_comments_close_by_themselves(member_client, post, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    settings.COMMENTS_MIN_INTERVAL_SECONDS = 0
    now = timezone.now()
    post.published_at = now - timedelta(days=30) + timedelta(minutes=1)
    post.save()

    with time_machine.travel(now, tick=False):
        assert send(member_client, post, "Just in time").status_code == 303
    with time_machine.travel(now + timedelta(minutes=2), tick=False):
        assert send(member_client, post, "Too late").status_code == 403
        settings.COMMENTS_CLOSE_AFTER_DAYS = 0
        assert send(member_client, post, "Never closes").status_code == 303
    assert set(Comment.objects.values_list("body", flat=True)) == {"Just in time", "Never closes"}


def test_server_error_keeps_nothing_half_done(member_client, post):
    """A crash while storing leaves no row; the htmx form stays in place (see comments.js)."""
    member_client.raise_request_exception = False
    with mock.patch("comments.views.post_comment", side_effect=RuntimeError("boom")):
        response = send(member_client, post, htmx=True)

    assert response.status_code == 500
    assert not Comment.objects.exists()


def test_form_carries_what_the_js_needs_to_keep_text_on_errors(member_client, post):
    page = member_client.get(post.get_absolute_url()).text

    assert "data-msg-server=" in page and "data-comment-error" in page
    assert 'data-hx-disabled-elt="find button[type=submit]"' in page
    assert 'src="/static/js/comments.js"' in page
