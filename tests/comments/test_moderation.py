"""Moderation: the admin queue, bulk actions, notifications, reports and deletion."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment, CommentFlag, CommentReport, CommentStatus
from comments.tasks import send_moderator_digest
from posts.models import PostActivity
from tests.comments.conftest import HTMX
from tests.comments.conftest import send as send_comment

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:comments_comment_changelist")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Notifications go out after commit: run those callbacks when the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def act(client, action, comments, reason=""):
    return client.post(
        QUEUE + "?status=pending",
        {"action": action, "_selected_action": [c.pk for c in comments], "reason": reason},
    )


def test_moderators_group_has_exactly_the_moderation_permissions():
    codenames = set(
        Group.objects.get(name="Moderators").permissions.values_list("codename", flat=True)
    )

    assert codenames == {
        "view_comment",
        "change_comment",
        "view_commentreport",
        "view_commentingsuspension",
        "add_commentingsuspension",
        "change_commentingsuspension",
        "view_moderationlog",
    }


def test_queue_opens_on_pending_newest_first(moderator_client, post, member, make_comment):
    make_comment(
        post,
        member,
        "Older pending",
        status=CommentStatus.PENDING,
        created_at=timezone.now() - timedelta(hours=2),
        flags=["links"],
    )
    make_comment(post, member, "Newer pending", status=CommentStatus.PENDING)
    make_comment(post, member, "Already approved")

    page = moderator_client.get(QUEUE).text

    assert "Already approved" not in page
    assert page.index("Newer pending") < page.index("Older pending")
    assert "Diaspora bonds" in page and "Rita Reader" in page and "Many links" in page
    assert "Already approved" in moderator_client.get(QUEUE + "?status=all").text


def test_admin_index_shows_pending_count(moderator_client, post, member, make_comment):
    make_comment(post, member, "one", status=CommentStatus.PENDING)
    make_comment(post, member, "two", status=CommentStatus.PENDING)

    page = moderator_client.get(reverse("admin:index")).text

    assert "2 comments wait for moderation" in page


def test_bulk_approve_counts_notifies_and_records_activity(
    moderator_client, moderator, post, member, make_comment, committed
):
    pending = [
        make_comment(post, member, f"Text {n}", status=CommentStatus.PENDING) for n in range(2)
    ]
    updated_at = post.updated_at

    with committed():
        response = act(moderator_client, "approve", pending, reason="Welcome!")

    assert response.status_code == 302
    post.refresh_from_db()
    assert post.comment_count == 2
    assert post.updated_at == updated_at  # counting never bumps the revision
    comment = Comment.objects.get(pk=pending[0].pk)
    assert (comment.status, comment.moderated_by, comment.moderation_reason) == (
        CommentStatus.APPROVED,
        moderator,
        "Welcome!",
    )
    assert comment.moderated_at is not None
    assert PostActivity.objects.get(post=post).comments == 2
    outcome = [m for m in mail.outbox if m.to == [member.email]]
    assert len(outcome) == 2
    assert outcome[0].subject == "Your comment is published"
    assert "Welcome!" in outcome[0].body


def test_reject_with_reason_is_on_the_profile_and_in_the_email(
    client, moderator_client, post, member, make_comment, committed
):
    comment = make_comment(post, member, "Off-topic remark", status=CommentStatus.PENDING)

    with committed():
        act(moderator_client, "reject", [comment], reason="Please stay on topic.")

    email = mail.outbox[-1]
    assert email.to == [member.email] and email.subject == "Your comment was not published"
    assert "Please stay on topic." in email.body
    client.force_login(member)
    profile = client.get(reverse("accounts:profile")).text
    assert "Not published" in profile and "Please stay on topic." in profile


def test_spam_is_not_announced(moderator_client, post, member, make_comment):
    comment = make_comment(post, member, "Buy now", status=CommentStatus.PENDING)

    act(moderator_client, "mark_spam", [comment])

    assert Comment.objects.get().status == CommentStatus.SPAM
    assert not [m for m in mail.outbox if m.to == [member.email]]


def test_change_form_status_goes_through_moderation(
    moderator_client, post, member, make_comment, committed
):
    comment = make_comment(post, member, "Single", status=CommentStatus.PENDING)
    url = reverse("admin:comments_comment_change", args=[comment.pk])

    with committed():
        response = moderator_client.post(
            url,
            {
                "status": "approved",
                "moderation_reason": "",
                "reports-TOTAL_FORMS": 0,
                "reports-INITIAL_FORMS": 0,
                "moderation_log-TOTAL_FORMS": 0,
                "moderation_log-INITIAL_FORMS": 0,
            },
        )

    assert response.status_code == 302
    post.refresh_from_db()
    assert post.comment_count == 1
    assert mail.outbox[-1].to == [member.email]


def test_members_cannot_reach_the_queue(member_client):
    assert member_client.get(QUEUE).status_code == 302


def test_moderators_get_one_digest_per_window(
    client, post, member, other_member, moderator, settings, committed
):
    settings.COMMENTS_MIN_INTERVAL_SECONDS = 0

    def send(c, body):
        with committed():
            send_comment(c, post, body)

    client.force_login(member)
    send(client, "First pending")
    send(client, "Second pending")
    digests = [m for m in mail.outbox if m.to == [moderator.email]]
    assert len(digests) == 1
    assert "First pending" in digests[0].body

    # The window passes: the next digest carries everything that waited meanwhile.
    Comment.objects.update(moderators_notified_at=timezone.now() - timedelta(minutes=6))
    Comment.objects.filter(body="Second pending").update(moderators_notified_at=None)
    send(client, "Third pending")
    digests = [m for m in mail.outbox if m.to == [moderator.email]]
    assert len(digests) == 2
    assert "Second pending" in digests[1].body and "Third pending" in digests[1].body
    assert "First pending" not in digests[1].body
    assert digests[1].subject == "2 comments wait for moderation"


def test_digest_task_sends_nothing_inside_the_window(post, member, moderator, make_comment):
    make_comment(
        post,
        member,
        "Told",
        status=CommentStatus.PENDING,
        moderators_notified_at=timezone.now() - timedelta(minutes=1),
    )
    make_comment(post, member, "Waiting", status=CommentStatus.PENDING)

    assert send_moderator_digest.call() == 0
    assert not mail.outbox


def test_one_report_keeps_the_comment_visible_and_tells_the_moderators(
    client, post, member, other_member, moderator, make_comment, recount, committed
):
    comment = make_comment(post, other_member, "Questionable claim")
    recount(post)
    client.force_login(member)

    with committed():
        response = client.post(
            reverse("comments:report", args=[comment.pk]), {"reason": "Misleading"}
        )

    assert response.status_code == 303
    assert response["Location"] == "/posts/diaspora-bonds/?reported=1#comments"
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
    assert CommentFlag.REPORTED in comment.flags
    assert CommentReport.objects.get().reason == "Misleading"
    post.refresh_from_db()
    assert post.comment_count == 1
    assert "Questionable claim" in client.get(post.get_absolute_url()).text
    assert "Questionable claim" in mail.outbox[-1].body  # the moderators' digest


def test_report_by_htmx_and_validation(member_client, post, other_member, make_comment):
    comment = make_comment(post, other_member, "Questionable claim")
    url = reverse("comments:report", args=[comment.pk])

    empty = member_client.post(url, {"reason": ""}, **HTMX)
    done = member_client.post(url, {"reason": "Spam link"}, **HTMX)

    assert empty.status_code == 422 and "Please say briefly what is wrong." in empty.text
    assert "Moderators will look at this comment again." in done.text


def test_report_rules(client, member, post, make_comment):
    own = make_comment(post, member, "Mine")
    pending = make_comment(post, None, "Pending", status=CommentStatus.PENDING)
    client.force_login(member)

    assert (
        client.post(reverse("comments:report", args=[own.pk]), {"reason": "x"}).status_code == 404
    )
    assert (
        client.post(reverse("comments:report", args=[pending.pk]), {"reason": "x"}).status_code
        == 404
    )
    assert not CommentReport.objects.exists()


def test_delete_own_comment(member_client, member, other_member, post, make_comment, recount):
    mine = make_comment(post, member, "Mine")
    theirs = make_comment(post, other_member, "Theirs")
    recount(post)
    url = reverse("comments:delete", args=[mine.pk])

    assert member_client.get(url).status_code == 405
    assert member_client.post(reverse("comments:delete", args=[theirs.pk])).status_code == 404
    response = member_client.post(url, **HTMX)

    assert "Your comment was deleted." in response.text
    assert list(Comment.objects.all()) == [theirs]
    post.refresh_from_db()
    assert post.comment_count == 1


def test_admin_delete_recounts(post, member, make_comment, recount):
    comment = make_comment(post, member, "Gone")
    assert recount(post).comment_count == 1

    comment.delete()

    post.refresh_from_db()
    assert post.comment_count == 0


def test_export_lists_the_members_comments(member, post, make_comment):
    from accounts.export import export_user_data

    make_comment(post, member, "Exported words")

    data = export_user_data(member)

    assert data["comments"][0]["text"] == "Exported words"
    assert data["comments"][0]["status"] == "approved"
