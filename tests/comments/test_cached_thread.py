"""The post page's comments: the shared first page is cached, the member's own bits are not."""

import pytest

from comments.models import CommentStatus
from comments.moderation import delete_comment
from comments.suspensions import CommentingSuspension

pytestmark = pytest.mark.django_db
PENDING = CommentStatus.PENDING


def test_a_comment_approved_shows_on_the_next_request(member_client, post, make_comment):
    comment = make_comment(post, body="Waiting for a moderator.", status=PENDING)
    assert "Waiting for a moderator." not in member_client.get(post.get_absolute_url()).text

    comment.status = CommentStatus.APPROVED
    comment.save()

    assert "Waiting for a moderator." in member_client.get(post.get_absolute_url()).text


def test_a_deleted_comment_leaves_the_cached_thread(
    member_client, post, make_comment, other_member
):
    comment = make_comment(post, user=other_member, body="Soon gone.")
    assert "Soon gone." in member_client.get(post.get_absolute_url()).text

    delete_comment(comment)

    assert "Soon gone." not in member_client.get(post.get_absolute_url()).text


def test_only_the_author_sees_their_pending_reply(client, member, other_member, post, make_comment):
    parent = make_comment(post, user=other_member, body="A question for all.")
    make_comment(post, user=member, parent=parent, body="My reply in waiting.", status=PENDING)
    client.get(post.get_absolute_url())  # the shared page cached first, by an anonymous reader

    client.force_login(member)
    mine = client.get(post.get_absolute_url()).text
    client.force_login(other_member)
    theirs = client.get(post.get_absolute_url()).text

    assert "My reply in waiting." in mine and "A question for all." in mine
    assert "My reply in waiting." not in theirs and "A question for all." in theirs


def test_a_member_suspended_sees_it_on_the_next_request(member_client, member, post, moderator):
    assert 'name="body"' in member_client.get(post.get_absolute_url()).text

    CommentingSuspension.objects.create(user=member, reason="Spam links", created_by=moderator)
    page = member_client.get(post.get_absolute_url()).text

    assert "suspended your commenting" in page and 'name="body"' not in page
