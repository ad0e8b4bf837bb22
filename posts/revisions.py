"""Revisions of a post: a snapshot per save, and restoring one.

A snapshot is plain JSON (title, summary, body, topics, authors in order, files,
status, date), taken once the admin has saved the inlines, so it holds what the
editor saw. Files are recorded by name only: a deleted file cannot come back.
"""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

SNAPSHOT_FIELDS = ("title", "summary", "body", "status", "published_at")


class PostRevision(models.Model):
    post = models.ForeignKey(
        "posts.Post", verbose_name=_("post"), on_delete=models.CASCADE, related_name="revisions"
    )
    created_at = models.DateTimeField(_("saved at"), default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    snapshot = models.JSONField(_("snapshot"))
    # Which fields differ from the revision before: the list shows it at a glance.
    changed = models.JSONField(_("changed"), default=list, blank=True)
    # Set when this revision was made by restoring an older one.
    restored_from = models.ForeignKey(
        "self",
        verbose_name=_("restored from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.post_id} @ {self.created_at:%Y-%m-%d %H:%M}"


def snapshot_of(post) -> dict:
    """What an editor wrote, as JSON: the fields, topics, authors in order and files."""
    data = {name: getattr(post, name) for name in SNAPSHOT_FIELDS}
    data["published_at"] = post.published_at.isoformat() if post.published_at else None
    data["topics"] = sorted(tag.name for tag in post.tags.all())
    data["authors"] = [
        {"id": link.author_id, "name": link.author.name}
        for link in post.post_authors.select_related("author")
    ]
    data["files"] = [
        {"id": file.pk, "title": file.title, "name": file.original_name}
        for file in post.attachments.all()
    ]
    return data


def record_revision(post, user, *, restored_from=None) -> PostRevision | None:
    """Keep a revision of the post as it is now; None when nothing changed since the last."""
    snapshot = snapshot_of(post)
    last = post.revisions.first()
    previous = last.snapshot if last else {}
    changed = [key for key in snapshot if snapshot[key] != previous.get(key)]
    if last and not changed and restored_from is None:
        return None
    return PostRevision.objects.create(
        post=post,
        created_by=user if user and user.is_authenticated else None,
        snapshot=snapshot,
        changed=changed,
        restored_from=restored_from,
    )


@transaction.atomic
def restore_revision(revision: PostRevision, user) -> list[str]:
    """Bring back a revision's fields, topics and author order; returns files that are gone.

    Restoring is a save like any other: it keeps a new revision of its own.
    """
    from .models import Author, PostAuthor

    post, data = revision.post, revision.snapshot
    for name in ("title", "summary", "body", "status"):
        setattr(post, name, data[name])
    if data.get("published_at"):
        post.published_at = parse_datetime(data["published_at"])
    post.save()
    post.tags.set(data["topics"], clear=True)
    existing = set(
        Author.objects.filter(pk__in=[a["id"] for a in data["authors"]]).values_list(
            "pk", flat=True
        )
    )
    PostAuthor.objects.filter(post=post).delete()
    PostAuthor.objects.bulk_create(
        PostAuthor(post=post, author_id=author["id"], position=position)
        for position, author in enumerate(a for a in data["authors"] if a["id"] in existing)
    )
    files = {file.pk: file for file in post.attachments.all()}
    missing = [f["title"] for f in data["files"] if f["id"] not in files]
    for position, wanted in enumerate(f for f in data["files"] if f["id"] in files):
        file = files[wanted["id"]]
        file.title, file.position = wanted["title"], position
        file.save()
    record_revision(post, user, restored_from=revision)
    return missing
