"""The moderators' digest: one email per window, sent at the window's end with no second comment."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.tasks import task_backends
from django.utils import timezone

from comments.groups import MODERATORS
from comments.models import Comment, CommentStatus
from comments.tasks import send_due_digest, send_moderator_digest
from tests.comments.conftest import send
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DUMMY = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def window_open(post, member, make_comment):
    """A digest went out a minute ago: the next may go out in four minutes."""
    told = make_comment(post, member, "Told", status=CommentStatus.PENDING)
    Comment.objects.filter(pk=told.pk).update(
        moderators_notified_at=timezone.now() - timedelta(minutes=1)
    )
    return told.moderators_notified_at


def digests(moderator):
    return [m for m in mail.outbox if m.to == [moderator.email]]


def test_a_comment_inside_the_window_schedules_one_digest_for_its_end(
    client, post, other_member, moderator, window_open, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY
    settings.COMMENTS_MIN_INTERVAL_SECONDS = 0
    client.force_login(other_member)
    last = Comment.objects.get(body="Told").moderators_notified_at

    with django_capture_on_commit_callbacks(execute=True):
        send(client, post, "First inside the window")
        send(client, post, "Second inside the window")

    scheduled = task_backends["default"].results
    assert [r.task.name for r in scheduled] == ["send_moderator_digest"]
    assert scheduled[0].task.run_after == last + timedelta(minutes=5)
    assert not digests(moderator)


def test_the_scheduled_digest_announces_the_waiting_comment_at_the_windows_end(
    post, other_member, moderator, window_open, make_comment
):
    make_comment(post, other_member, "Waiting alone", status=CommentStatus.PENDING)
    last = Comment.objects.get(body="Told").moderators_notified_at

    with time_machine.travel(last + timedelta(minutes=4, seconds=59), tick=False):
        assert send_moderator_digest.call() == 0
    with time_machine.travel(last + timedelta(minutes=5), tick=False):
        assert send_moderator_digest.call() == 1

    (digest,) = digests(moderator)
    assert "Waiting alone" in digest.body and "Told" not in digest.body
    assert Comment.objects.get(body="Waiting alone").moderators_notified_at is not None


def test_immediate_backend_leaves_the_window_to_the_command(
    client, post, other_member, moderator, window_open, django_capture_on_commit_callbacks
):
    client.force_login(other_member)
    last = Comment.objects.get(body="Told").moderators_notified_at
    with django_capture_on_commit_callbacks(execute=True):
        send(client, post, "Inside the window")
    assert not digests(moderator)

    out = StringIO()
    with time_machine.travel(last + timedelta(minutes=2), tick=False):
        call_command("send_comment_digest", stdout=out)
    assert not digests(moderator)
    assert "next digest may go out" in out.getvalue()

    out = StringIO()
    with time_machine.travel(last + timedelta(minutes=5), tick=False):
        call_command("send_comment_digest", stdout=out)
    (digest,) = digests(moderator)
    assert "Inside the window" in digest.body
    assert "Digest sent: 1 comment(s) announced." in out.getvalue()


def test_command_is_quiet_at_verbosity_zero(moderator, post, member, make_comment):
    make_comment(post, member, "Waiting", status=CommentStatus.PENDING)
    out = StringIO()

    call_command("send_comment_digest", verbosity=0, stdout=out)

    assert out.getvalue() == ""
    assert len(digests(moderator)) == 1


def test_each_moderator_gets_the_digest_in_their_own_language(
    moderator, post, member, make_comment
):
    georgian = UserFactory(email="ka-mod@example.org", display_name="Nino", language="ka")
    georgian.groups.add(Group.objects.get(name=MODERATORS))
    make_comment(post, member, "Please look", status=CommentStatus.PENDING)
    mail.outbox.clear()

    send_due_digest()

    by_recipient = {tuple(message.to): message for message in mail.outbox}
    assert set(by_recipient) == {(moderator.email,), (georgian.email,)}
    assert by_recipient[(moderator.email,)].subject.endswith("1 comment waits for moderation")
    georgian_mail = by_recipient[(georgian.email,)]
    assert "მოდერაცი" in georgian_mail.subject
    assert " on “" not in georgian_mail.body and "Please look" in georgian_mail.body
