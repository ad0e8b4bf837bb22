"""Members follow their own comments: the profile list, the pending comment shown at once,
the truthful form note for trusted members, and the "Editor" badge."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from comments.models import Comment, CommentStatus
from posts.groups import is_editor
from tests.comments.conftest import send
from tests.conftest import verified
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db

AWAITS = "will appear once a moderator has approved it"


def test_profile_lists_each_comment_with_post_status_and_reason(
    member_client, member, post, make_comment
):
    other = PostFactory(title="Seasonal work")
    make_comment(post, member, "My pending words", status=CommentStatus.PENDING)
    make_comment(other, member, "My approved words")
    make_comment(post, member, "My refused words", status=CommentStatus.REJECTED,
                 moderation_reason="Please stay on topic.")  # fmt: skip
    make_comment(post, member, "My spam words", status=CommentStatus.SPAM)
    make_comment(post, UserFactory(), "Someone else's words", status=CommentStatus.PENDING)

    text = member_client.get(reverse("accounts:profile")).text

    for words in ["My pending words", "My approved words", "My refused words", "My spam words"]:
        assert words in text
    assert "Someone else" not in text
    assert "Seasonal work" in text and "Diaspora bonds" in text
    assert text.count("Awaiting moderation") == 2  # spam reads as pending to its sender
    assert "Published" in text and "Not published" in text
    assert "Please stay on topic." in text


def test_profile_comments_are_paginated(member_client, member, post, make_comment,
                                        django_assert_max_num_queries):  # fmt: skip
    for i in range(12):
        make_comment(post, member, f"Remark number {i:02d}")

    first = member_client.get(reverse("accounts:profile")).text
    with django_assert_max_num_queries(12):
        second = member_client.get(reverse("accounts:profile"), {"your_comments": 2}).text

    assert "Page 1 of 2" in first and "?your_comments=2#your-comments" in first
    assert first.count("Remark number") == 10
    assert second.count("Remark number") == 2


def test_pending_comment_sent_with_javascript_shows_at_once(member_client, post):
    text = send(member_client, post, body="Fresh pending words", htmx=True).text

    assert AWAITS in text
    assert 'id="own-pending" data-hx-swap-oob="outerHTML"' in text
    assert "Fresh pending words" in text and "awaiting moderation" in text


def test_pending_reply_sent_with_javascript_goes_under_its_parent(
    member_client, post, make_comment
):
    parent = make_comment(post, UserFactory(), "The question")

    text = send(member_client, post, body="My pending answer", parent=parent.pk, htmx=True).text

    assert f'data-hx-swap-oob="beforeend:#replies-{parent.pk}"' in text
    assert "My pending answer" in text and "awaiting moderation" in text
    assert Comment.objects.get(body="My pending answer").status == CommentStatus.PENDING


def test_trusted_member_is_not_told_to_wait(client, post, make_comment, settings):
    settings.COMMENTS_AUTO_APPROVE_AFTER = 1
    trusted = verified(UserFactory())
    make_comment(PostFactory(), trusted)
    client.force_login(trusted)

    form = client.get(post.get_absolute_url()).text
    sent = send(client, post, body="Straight out", htmx=True).text

    assert "Your comment is published at once." in form
    assert "after a moderator has approved it" not in form
    assert "your comment is published" in sent and AWAITS not in sent
    assert "own-pending" not in sent
    assert Comment.objects.get(body="Straight out").status == CommentStatus.APPROVED


def test_new_member_is_told_about_moderation(member_client, post):
    form = member_client.get(post.get_absolute_url()).text

    assert "Your comment will appear after a moderator has approved it." in form


def test_staff_are_not_told_to_wait(editor_client, post):
    form = editor_client.get(post.get_absolute_url()).text

    assert "Your comment is published at once." in form


def test_editor_comments_carry_a_badge(client, editor, member, post, make_comment):
    make_comment(post, editor, "From the desk")
    make_comment(post, member, "From a reader")

    text = client.get(post.get_absolute_url()).text

    assert text.count("comment__badge--editor") == 1
    desk = text.index("From the desk")
    assert text.rfind("Editor</span>", 0, desk) > text.rfind("<li", 0, desk)


def test_editor_rule_is_group_or_permission():
    plain, grouped, permitted = verified(UserFactory()), None, verified(UserFactory())
    from django.contrib.auth.models import Group

    from posts.groups import EDITORS

    grouped = verified(UserFactory())
    grouped.groups.add(Group.objects.get(name=EDITORS))
    permitted.user_permissions.add(Permission.objects.get(codename="change_post"))

    assert [is_editor(u) for u in (plain, grouped, permitted)] == [False, True, True]
    assert not is_editor(UserFactory(is_active=False, is_superuser=True))
