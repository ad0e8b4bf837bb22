"""Following topics and authors: the one place that adds or removes a follow,
and the posts a member's follows bring them."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from taggit.models import TaggedItem

from posts.models import Author, Post, PostAuthor

from .models import Follow

FOLLOWED_LIST_LIMIT = 200  # what the Following page lists as followed, newest first


def target(thing) -> dict:
    """The Follow fields naming a topic (taggit Tag) or an Author."""
    return {"author": thing} if isinstance(thing, Author) else {"tag": thing}


def follow(user, thing) -> bool:
    """Follow a topic or author; True when it was not followed before."""
    try:
        with transaction.atomic():
            _, created = Follow.objects.get_or_create(user=user, **target(thing))
    except IntegrityError:  # a double click raced us to the unique constraint
        created = False
    return created


def unfollow(user, thing) -> None:
    Follow.objects.of(user).filter(**target(thing)).delete()


def is_following(user, thing) -> bool:
    return Follow.objects.of(user).filter(**target(thing)).exists()


def followed_posts(user, since: datetime | None = None):
    """Published posts on a followed topic or by a followed author, newest first.

    Subqueries, not joins: a post on two followed topics is listed once.
    """
    follows = Follow.objects.of(user)
    tagged = TaggedItem.objects.filter(
        tag_id__in=follows.filter(tag__isnull=False).values("tag_id"),
        content_type__app_label="posts",
        content_type__model="post",
    ).values("object_id")
    written = PostAuthor.objects.filter(
        author_id__in=follows.filter(author__isnull=False).values("author_id")
    ).values("post_id")
    posts = Post.objects.published().filter(Q(pk__in=tagged) | Q(pk__in=written))
    return posts.filter(published_at__gt=since) if since else posts


def followed_things(user) -> list[Follow]:
    """What the member follows, for the Following page (bounded)."""
    return list(Follow.objects.of(user).select_related("tag", "author")[:FOLLOWED_LIST_LIMIT])


def export_follows(user) -> list[dict]:
    """For "download my data"."""
    return [
        {
            "topic": follow.tag.name if follow.tag_id else None,
            "author": follow.author.name if follow.author_id else None,
            "since": follow.created_at.isoformat(),
        }
        for follow in Follow.objects.of(user).select_related("tag", "author")
    ]
