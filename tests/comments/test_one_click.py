"""Moderation in one click: the queue, the post page panel and the moderation log."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from comments.models import Comment, CommentStatus, ModerationLog
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:comments_comment_changelist")
LONG = "A long comment about remittances and savings groups. " * 6


def moderate_url(comment):
    return reverse("admin:comments_comment_moderate", args=[comment.pk])


def test_the_queue_shows_full_text_post_flags_history_and_buttons(
    moderator_client, post, member, make_comment
):
    make_comment(post, member, "Earlier, approved")
    make_comment(post, member, "Earlier, rejected", status=CommentStatus.REJECTED)
    pending = make_comment(
        post, member, LONG.strip(), status=CommentStatus.PENDING, flags=["links"]
    )

    page = moderator_client.get(QUEUE).text

    assert LONG.strip() in page  # not cut off
    assert post.title in page and "Rita Reader" in page
    assert "Many links" in page
    assert "1 approved, 1 rejected" in page
    assert f'formaction="{moderate_url(pending)}"' in page
    assert page.count('name="decision"') == 3
    assert "<kbd>j</kbd>" in page  # the keyboard hint is visible


def test_the_queue_lists_pending_first_even_when_showing_all(
    moderator_client, post, member, make_comment
):
    pending = make_comment(post, member, "Waiting here", status=CommentStatus.PENDING)
    make_comment(post, member, "Newer but approved")

    page = moderator_client.get(QUEUE, {"status": "all"}).text

    assert page.index("Waiting here") < page.index("Newer but approved")
    assert pending.pk


def queue_queries(client):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(QUEUE).status_code == 200
    return len(ctx)


def test_the_queue_costs_the_same_for_3_or_30_comments(moderator_client, post):
    authors = UserFactory.create_batch(3)
    for n in range(3):
        CommentFactory(post=post, user=authors[n], status=CommentStatus.PENDING)
    moderator_client.get(QUEUE)  # the moderator's row is cached from then on
    few = queue_queries(moderator_client)
    more = UserFactory.create_batch(27)
    for user in more:
        CommentFactory(post=post, user=user, status=CommentStatus.PENDING)

    assert queue_queries(moderator_client) == few


@pytest.mark.parametrize(
    ("decision", "status"),
    [("approve", CommentStatus.APPROVED), ("spam", CommentStatus.SPAM)],
)
def test_one_click_decides_and_logs(
    moderator_client, moderator, post, member, make_comment, decision, status
):
    comment = make_comment(post, member, status=CommentStatus.PENDING)

    response = moderator_client.post(moderate_url(comment), {"decision": decision, "next": QUEUE})

    assert response.status_code == 302 and response["Location"] == QUEUE
    comment.refresh_from_db()
    assert comment.status == status and comment.moderated_by == moderator
    log = ModerationLog.objects.get(comment=comment)
    assert (log.moderator, log.from_status, log.to_status) == (moderator, "pending", status)


def test_reject_takes_the_rows_reason(moderator_client, post, member, make_comment):
    comment = make_comment(post, member, status=CommentStatus.PENDING)

    moderator_client.post(
        moderate_url(comment), {"decision": "reject", f"reason-{comment.pk}": "Off topic"}
    )

    comment.refresh_from_db()
    assert comment.status == CommentStatus.REJECTED
    assert comment.moderation_reason == "Off topic"
    assert ModerationLog.objects.get(comment=comment).reason == "Off topic"


def test_approving_from_the_post_page_updates_the_count(
    moderator_client, post, member, make_comment
):
    comment = make_comment(post, member, status=CommentStatus.PENDING)
    back = f"{post.get_absolute_url()}#moderation"

    response = moderator_client.post(moderate_url(comment), {"decision": "approve", "next": back})

    assert response["Location"] == back
    post.refresh_from_db()
    assert post.comment_count == 1


def test_moderation_is_post_only_and_for_moderators(
    moderator_client, client, post, member, make_comment
):
    comment = make_comment(post, member, status=CommentStatus.PENDING)
    assert moderator_client.get(moderate_url(comment)).status_code == 405

    staff = UserFactory(is_staff=True)  # staff without the comments permission
    client.force_login(staff)
    assert client.post(moderate_url(comment), {"decision": "approve"}).status_code == 403
    client.force_login(member)
    assert client.post(moderate_url(comment), {"decision": "approve"}).status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    assert not ModerationLog.objects.exists()


def test_next_never_leads_to_another_site(moderator_client, post, member, make_comment):
    comment = make_comment(post, member, status=CommentStatus.PENDING)
    response = moderator_client.post(
        moderate_url(comment), {"decision": "approve", "next": "https://evil.example/"}
    )
    assert response["Location"] == QUEUE


def test_an_unknown_decision_changes_nothing(moderator_client, post, member, make_comment):
    comment = make_comment(post, member, status=CommentStatus.PENDING)
    moderator_client.post(moderate_url(comment), {"decision": "delete"})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_bulk_actions_are_logged_too(moderator_client, post, member, make_comment):
    comments = [make_comment(post, member, status=CommentStatus.PENDING) for _ in range(2)]
    moderator_client.post(
        QUEUE,
        {"action": "reject", "_selected_action": [c.pk for c in comments], "reason": "Duplicate"},
    )
    assert ModerationLog.objects.filter(to_status="rejected", reason="Duplicate").count() == 2


def test_the_history_shows_on_the_comment_page(moderator_client, post, member, make_comment):
    comment = make_comment(post, member, status=CommentStatus.PENDING)
    moderator_client.post(
        moderate_url(comment), {"decision": "reject", f"reason-{comment.pk}": "Too harsh"}
    )
    page = moderator_client.get(reverse("admin:comments_comment_change", args=[comment.pk])).text
    assert "Moderation history" in page
    assert "Too harsh" in page and "Mona Moderator" in page


def test_moderators_see_pending_comments_on_the_post_page(
    moderator_client, post, member, make_comment
):
    comment = make_comment(post, member, "Please look at me", status=CommentStatus.PENDING)

    response = moderator_client.get(post.get_absolute_url())

    assert 'id="moderation"' in response.text
    assert "Please look at me" in response.text
    assert f'action="{moderate_url(comment)}"' in response.text
    assert "private" in response["Cache-Control"]  # never in a shared cache


def test_members_and_readers_never_see_the_panel(
    member_client, client, post, other_member, make_comment
):
    make_comment(post, other_member, "Someone else's pending", status=CommentStatus.PENDING)
    for who in (member_client, client):
        page = who.get(post.get_absolute_url()).text
        assert 'id="moderation"' not in page
        assert "Someone else's pending" not in page


def test_only_changed_comments_are_logged(moderator_client, post, member, make_comment):
    comment = make_comment(post, member)
    moderator_client.post(moderate_url(comment), {"decision": "approve"})
    assert not ModerationLog.objects.exists()
    assert Comment.objects.get(pk=comment.pk).status == CommentStatus.APPROVED
