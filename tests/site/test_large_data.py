"""generate_large_data: the counts it promises, in every state, and a second run adds nothing."""

import pytest
from django.core.management import call_command
from taggit.models import TaggedItem

from accounts.models import User
from comments.models import Comment, CommentStatus
from portal.large_data import SAVER_EMAIL, saved_post_model
from posts.models import Attachment, Post, PostActivity, PostAuthor, PostStatus

pytestmark = pytest.mark.django_db

SMALL = {
    "posts": 200,
    "authors": 20,
    "members": 10,
    "comments": 400,
    "active_posts": 40,
    "days": 14,
    "saved": 25,
    "batch": 64,
}


def test_small_run_creates_the_promised_rows_in_every_state():
    call_command("generate_large_data", **SMALL)

    assert Post.objects.count() == 200
    assert Post.objects.published().count() < 200  # drafts and scheduled posts too
    assert Post.objects.filter(status=PostStatus.DRAFT).exists()
    assert PostAuthor.objects.values("post").distinct().count() == 200
    assert TaggedItem.objects.values("object_id").distinct().count() == 200
    assert Attachment.objects.exists()
    assert Comment.objects.count() == 400
    assert set(Comment.objects.values_list("status", flat=True)) == set(CommentStatus.values)
    assert Comment.objects.filter(parent__isnull=False).count() == 80
    assert PostActivity.objects.values("post").distinct().count() == 40
    assert PostActivity.objects.count() == 40 * 14
    saver = User.objects.get(email=SAVER_EMAIL)
    assert saved_post_model().objects.filter(user=saver).count() == 25
    # Counters kept as save() and the comments app would have kept them.
    post = Post.objects.filter(comment_count__gt=0).first()
    assert post.comment_count == post.comments.filter(status=CommentStatus.APPROVED).count()


def test_a_second_run_adds_nothing():
    call_command("generate_large_data", **SMALL)
    call_command("generate_large_data", **SMALL)

    assert Post.objects.count() == 200
