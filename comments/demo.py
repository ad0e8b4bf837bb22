"""Demo comments for load_demo: a small approved conversation and one comment in the queue.

Idempotent: each demo comment is found again by its post, author and text.
The demo reader gets only a pending comment, so a new one from her waits for a
moderator too (she is not yet trusted for auto-approval).
"""

from collections import Counter
from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import User
from posts.models import Post

from .groups import MODERATORS
from .models import Comment, CommentStatus

COMMENTER = ("samir@example.org", "Samir Haddad")
EDITOR = "editor@example.org"
READER = "reader@example.org"

APPROVED = [
    (
        COMMENTER[0],
        "We tried this approach with two municipalities last year.\n"
        "The second round went much faster once the checklist was shared up front.",
    ),
    (COMMENTER[0], "Is there a Spanish version of the annex? Several partners asked for it."),
]
EDITOR_REPLY = "Not yet: a translation is planned for the spring. We will add it to this post."
PENDING = (READER, "Thank you for this brief. Could you say more about how you measured uptake?")


def load_demo_comments(dry_run: bool = False) -> Counter:
    created = _ensure_demo_moderator(dry_run)
    post = Post.objects.published().order_by("-published_at", "-pk").first()
    if post is None:
        return created
    commenter = User.objects.filter(email=COMMENTER[0]).first()
    if commenter is None:
        created["accounts"] += 1
        if dry_run:
            return created + Counter(comments=len(APPROVED) + 2)
        commenter = User.objects.create_user(email=COMMENTER[0], display_name=COMMENTER[1])
        commenter.set_unusable_password()
        commenter.date_joined = timezone.now() - timedelta(days=60)
        commenter.save()
    users = {u.email: u for u in User.objects.filter(email__in=[COMMENTER[0], EDITOR, READER])}

    start = timezone.now() - timedelta(days=3)
    question = None  # the editor answers the question about a translation: the last one
    for minutes, (email, text) in enumerate(APPROVED):
        question = _ensure(
            post,
            users.get(email),
            text,
            CommentStatus.APPROVED,
            start,
            minutes * 90,
            created,
            dry_run,
        )
    if question and users.get(EDITOR):
        _ensure(
            post,
            users[EDITOR],
            EDITOR_REPLY,
            CommentStatus.APPROVED,
            start,
            (len(APPROVED) - 1) * 90 + 45,  # after the question it answers
            created,
            dry_run,
            parent=question,
        )
    _ensure(
        post,
        users.get(PENDING[0]),
        PENDING[1],
        CommentStatus.PENDING,
        start,
        24 * 60,
        created,
        dry_run,
    )
    if not dry_run:
        Comment.objects.recount([post.pk])
    return created


def _ensure(post, user, text, status, start, minutes, created, dry_run, parent=None):
    if user is None:
        return None
    existing = Comment.objects.filter(post=post, user=user, body=text).first()
    if existing:
        if parent is not None and existing.parent_id != parent.pk:
            # Demo data loaded before the reply was moved under its question.
            Comment.objects.filter(pk=existing.pk).update(parent=parent)
        return existing
    created["comments"] += 1
    if dry_run:
        return None
    moderated = (
        {"moderated_at": start + timedelta(minutes=minutes + 5)}
        if status == CommentStatus.APPROVED
        else {}
    )
    return Comment.objects.create(
        post=post,
        user=user,
        parent=parent,
        body=text,
        status=status,
        created_at=start + timedelta(minutes=minutes),
        moderators_notified_at=start + timedelta(minutes=minutes),
        **moderated,
    )


def _ensure_demo_moderator(dry_run: bool) -> Counter:
    """The demo editor moderates comments too."""
    created: Counter[str] = Counter()
    editor = User.objects.filter(email=EDITOR).first()
    if editor is None or editor.groups.filter(name=MODERATORS).exists():
        return created
    created["group memberships"] += 1
    if not dry_run:
        editor.groups.add(Group.objects.get_or_create(name=MODERATORS)[0])
    return created
