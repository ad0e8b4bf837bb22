"""Comments on posts and the reports members file about them."""

from django.conf import settings
from django.db import models
from django.db.models import Case, Count, F, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import generations

from .moderation_log import ModerationLog  # noqa: F401  (a model of this app)
from .suspensions import CommentingSuspension  # noqa: F401  (a model of this app)


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SPAM = "spam", _("Spam")

    @classmethod
    def told_to_author(cls) -> set[str]:
        """Outcomes the member hears about; spam is never announced to its sender."""
        return {cls.APPROVED, cls.REJECTED}


def pending_first():
    """0 for a pending comment, 1 otherwise: the moderation queue's first sort key."""
    return Case(
        When(status=CommentStatus.PENDING, then=Value(0)),
        default=Value(1),
        output_field=models.IntegerField(),
    )


class CommentFlag(models.TextChoices):
    """Why a rule held or refused a comment; kept on the comment for moderators."""

    HONEYPOT = "honeypot", _("Hidden field filled in (robot)")
    LINKS = "links", _("Many links")
    WORDS = "words", _("Blocked words")
    DUPLICATE = "duplicate", _("Same text posted moments before")
    REPORTED = "reported", _("Reported by a member")
    TOO_FAST = "too_fast", _("Form sent faster than a person can type (robot)")


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=CommentStatus.APPROVED)

    def pending(self):
        return self.filter(status=CommentStatus.PENDING)

    def awaiting_moderators(self):
        """What the moderators' digest announces: pending, or reported and not yet decided."""
        return self.filter(
            Q(status=CommentStatus.PENDING) | Q(reports__dismissed_at__isnull=True),
            moderators_notified_at__isnull=True,
        ).distinct()

    def publicly_visible(self):
        """Approved, and a reply only while the comment it answers is approved too."""
        return self.approved().filter(
            Q(parent__isnull=True) | Q(parent__status=CommentStatus.APPROVED)
        )

    def shown_to(self, user):
        """What a reader sees in a thread: approved comments, plus their own pending ones."""
        condition = Q(status=CommentStatus.APPROVED)
        if user.is_authenticated:
            condition |= Q(status=CommentStatus.PENDING, user=user)
        return self.filter(condition)

    def with_author_roles(self):
        """Each comment's user and whether they are an editor (the "Editor" badge)."""
        from posts.groups import is_editor_expression

        return self.select_related("user").annotate(author_is_editor=is_editor_expression())

    def thread_page_for(self, post, user):
        """Top-level approved comments, oldest first, each with the replies the reader sees."""
        replies = self.model.objects.shown_to(user).with_author_roles().order_by("created_at", "pk")
        return (
            self.approved()
            .filter(post=post, parent__isnull=True)
            .with_author_roles()
            .prefetch_related(Prefetch("replies", queryset=replies))
            .order_by("created_at", "pk")
        )

    def own_pending_for(self, post, user, *, replies=False):
        """The reader's own comments (top-level, or with ``replies`` all) waiting for a moderator."""
        if not user.is_authenticated:
            return self.none()
        mine = self.pending().filter(post=post, user=user)
        return (
            (mine if replies else mine.filter(parent__isnull=True))
            .with_author_roles()
            .order_by("created_at", "pk")
        )

    def of_member(self, user):
        """All of a member's comments for their profile, newest first, with their posts."""
        return self.filter(user=user).select_related("post").order_by("-created_at", "-pk")

    def pending_on(self, post):
        """A post's comments waiting for a moderator, oldest first (the post page's panel)."""
        return self.pending().filter(post=post).select_related("user").order_by("created_at", "pk")

    def with_author_history(self):
        """Each comment with its author's approved and rejected counts: two subqueries, no N+1."""

        def count_of(status):
            per_author = (
                self.model.objects.filter(user=OuterRef("user"), status=status)
                .order_by()
                .values("user")
                # COUNT(*), not of the id: the id is not in comment_author_history_idx,
                # so counting it read every counted comment's row (24 ms a page of 25
                # at 200,000 comments), where (user, status) alone is an index-only scan.
                .annotate(total=Count("*"))
                .values("total")
            )
            return Coalesce(Subquery(per_author), 0)

        return self.annotate(
            author_approved=count_of(CommentStatus.APPROVED),
            author_rejected=count_of(CommentStatus.REJECTED),
        )

    def recount(self, post_ids) -> None:
        """Store each post's approved count with one UPDATE (never post.save(): updated_at stays)."""
        from posts.models import Post

        approved = (
            self.model.objects.publicly_visible()
            .filter(post=OuterRef("pk"))
            .order_by()
            .values("post")
            .annotate(total=Count("pk"))
            .values("total")
        )
        Post.objects.filter(pk__in=set(post_ids)).update(
            comment_count=Coalesce(Subquery(approved), 0)
        )
        # Every status change (approve, reject, report, delete) ends here: pages are stale.
        generations.bump()


class Comment(models.Model):
    post = models.ForeignKey(
        "posts.Post", verbose_name=_("post"), on_delete=models.CASCADE, related_name="comments"
    )
    # Accounts can be deleted; their comments stay, shown as by a former member.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
    )
    body = models.TextField(_("text"))
    status = models.CharField(
        _("status"), max_length=12, choices=CommentStatus.choices, default=CommentStatus.PENDING
    )
    flags = models.JSONField(_("flags"), default=list, blank=True)
    rule_notes = models.TextField(_("why the rules held it"), blank=True)
    created_at = models.DateTimeField(_("written"), default=timezone.now, db_index=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    moderation_reason = models.TextField(
        _("reason for the member"),
        blank=True,
        help_text=_("Optional; the member sees it in the email and on their profile."),
    )
    # When moderators were told about this pending comment (digest emails).
    moderators_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The outcome last emailed to the author: re-approving after a report sends nothing.
    author_told_status = models.CharField(max_length=12, blank=True, editable=False)
    # One token per rendered form: a double-clicked submit stores one comment.
    idempotency_token = models.UUIDField(null=True, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["idempotency_token"], name="one_comment_per_form_token")
        ]
        indexes = [
            models.Index(fields=["post", "status", "created_at"], name="comment_thread_idx"),
            models.Index(fields=["status", "created_at"], name="comment_queue_idx"),
            # The moderation queue's order (pending first, then newest), read in order.
            models.Index(
                pending_first(),
                F("created_at").desc(),
                F("id").desc(),
                name="comment_pending_first_idx",
            ),
            # Each author's approved and rejected counts beside their comments in the queue.
            models.Index(fields=["user", "status"], name="comment_author_history_idx"),
        ]

    def __str__(self):
        return f"{self.author_name}: {self.body[:40]}"

    def get_absolute_url(self):
        return f"{self.post.get_absolute_url()}#comment-{self.pk}"

    @property
    def author_name(self) -> str:
        return self.user.public_name if self.user_id and self.user else str(_("Former member"))

    @property
    def is_pending(self) -> bool:
        return self.status == CommentStatus.PENDING

    @property
    def status_for_author(self) -> str:
        """The status its author sees: spam reads as pending, as it did when sent."""
        return CommentStatus.PENDING if self.status == CommentStatus.SPAM else self.status

    @property
    def status_for_author_label(self) -> str:
        return CommentStatus(self.status_for_author).label

    @property
    def flag_labels(self) -> list[str]:
        labels = dict(CommentFlag.choices)
        return [str(labels.get(code, code)) for code in self.flags]


class CommentReport(models.Model):
    """A member's word that an approved comment should be looked at again."""

    comment = models.ForeignKey(
        Comment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="reports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comment_reports",
    )
    reason = models.TextField(_("reason"), max_length=500)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)
    # Set when a moderator kept the comment: the reporter's later reports weigh less.
    dismissed_at = models.DateTimeField(_("dismissed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="one_report_per_member")
        ]

    def __str__(self):
        return self.reason[:60]
