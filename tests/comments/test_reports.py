"""Reports: one member cannot hide a comment; established members together can; limits."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment, CommentReport, CommentStatus
from comments.moderation import moderate
from tests.comments.conftest import HTMX
from tests.conftest import verified
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db


def established(n, post):
    """Members with old accounts and an approved comment each."""
    users = [
        verified(UserFactory(date_joined=timezone.now() - timedelta(days=30))) for _ in range(n)
    ]
    for user in users:
        CommentFactory(post=post, user=user, body=f"Earlier words of {user.email}")
    return users


def report(client, user, comment, reason="Abusive"):
    client.force_login(user)
    return client.post(reverse("comments:report", args=[comment.pk]), {"reason": reason})


@pytest.fixture
def target(post, other_member):
    return CommentFactory(post=post, user=other_member, body="Contested claim")


def status_of(comment):
    comment.refresh_from_db()
    return comment.status


def test_established_members_reports_hide_at_the_threshold(client, post, target, settings):
    settings.COMMENTS_REPORT_HIDE_THRESHOLD = 3
    first, second, third = established(3, post)

    report(client, first, target)
    report(client, second, target)
    assert status_of(target) == CommentStatus.APPROVED

    report(client, third, target)
    assert status_of(target) == CommentStatus.PENDING
    post.refresh_from_db()
    assert post.comment_count == 3  # the three reporters' own comments


def test_reports_from_new_accounts_do_not_hide(client, post, target, settings):
    settings.COMMENTS_REPORT_HIDE_THRESHOLD = 2
    for user in [verified(UserFactory()) for _ in range(4)]:
        CommentFactory(post=post, user=user)
        assert report(client, user, target).status_code == 303

    assert CommentReport.objects.filter(comment=target).count() == 4
    assert status_of(target) == CommentStatus.APPROVED


def test_dismissed_reporters_count_for_less(client, post, target, moderator, settings):
    settings.COMMENTS_REPORT_HIDE_THRESHOLD = 2
    serial, fair = established(2, post)
    earlier = CommentFactory(post=post, body="Fine words")
    report(client, serial, earlier)
    moderate([earlier], CommentStatus.APPROVED, moderator)  # kept: the report is dismissed
    assert CommentReport.objects.get(comment=earlier).dismissed_at is not None

    report(client, serial, target)
    report(client, fair, target)

    assert status_of(target) == CommentStatus.APPROVED  # 0.5 + 1 < 2


def test_reports_are_rate_limited_per_member(client, post, member, settings):
    settings.COMMENTS_REPORTS_PER_DAY = 2
    comments = CommentFactory.create_batch(3, post=post)
    now = timezone.now()

    with time_machine.travel(now, tick=False):
        report(client, member, comments[0])
        report(client, member, comments[1])
        refused = report(client, member, comments[2], "Third today")
    with time_machine.travel(now + timedelta(days=1, seconds=1), tick=False):
        later = report(client, member, comments[2], "Next day")

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) == 24 * 60 * 60 + 1
    assert "You have sent many reports today" in refused.text
    assert "Third today" in refused.text
    assert later.status_code == 303
    assert CommentReport.objects.get(comment=comments[2]).reason == "Next day"


def test_report_form_is_rendered_from_its_form(member_client, post, target):
    page = member_client.get(reverse("comments:report", args=[target.pk])).text

    assert f'<label for="report-{target.pk}-reason">' in page
    assert f'id="report-{target.pk}-reason"' in page and 'maxlength="500"' in page

    too_long = member_client.post(
        reverse("comments:report", args=[target.pk]), {"reason": "x" * 501}, **HTMX
    )
    assert too_long.status_code == 422
    assert "Ensure this value has at most 500 characters" in too_long.text
    assert not CommentReport.objects.exists()


def test_reapproving_a_comment_does_not_email_its_author_again(
    post, member, moderator, django_capture_on_commit_callbacks
):
    comment = CommentFactory(post=post, user=member, status=CommentStatus.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        moderate([comment], CommentStatus.APPROVED, moderator)
    Comment.objects.filter(pk=comment.pk).update(status=CommentStatus.PENDING)  # hidden by reports
    with django_capture_on_commit_callbacks(execute=True):
        moderate([Comment.objects.get(pk=comment.pk)], CommentStatus.APPROVED, moderator)

    assert [m.to for m in mail.outbox] == [[member.email]]
    assert Comment.objects.get(pk=comment.pk).author_told_status == CommentStatus.APPROVED


def test_the_author_of_a_hidden_comment_sees_it_waiting_at_once(
    client, post, target, other_member, settings
):
    settings.COMMENTS_REPORT_HIDE_THRESHOLD = 1
    client.force_login(other_member)
    assert "Your comments awaiting moderation" not in client.get(post.get_absolute_url()).text

    report(client, established(1, post)[0], target)

    client.force_login(other_member)
    page = client.get(post.get_absolute_url()).text
    assert status_of(target) == CommentStatus.PENDING
    assert "Your comments awaiting moderation" in page and "Contested claim" in page
