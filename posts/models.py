from datetime import date
from pathlib import PurePath

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Prefetch, Q, Value, When
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager

from .addresses import SlugRedirect  # noqa: F401  (a model of this app)
from .images import image_upload_errors
from .library import Image
from .preview import can_preview
from .revisions import PostRevision  # noqa: F401  (a model of this app)
from .sanitize import sanitize_html
from .share_links import ShareLink  # noqa: F401  (a model of this app)
from .uploads import generated_name, portrait_upload_to, validate_attachment_upload

# An unhurried reader of long-form text; used for "N minute read".
WORDS_PER_MINUTE = 220


class PostStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublicationState(models.TextChoices):
    """Where a post stands for readers: derived from status and date, never stored."""

    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    LIVE = "live", _("Published (live)")


def authors_prefetch(prefix: str = "") -> Prefetch:
    """A post's authors in the editor's order, each with its Author row.

    ``prefix`` reaches the post through a relation ("post__" from a saved post),
    so a post page, a card and a saved item share one shape.
    """
    return Prefetch(f"{prefix}post_authors", queryset=PostAuthor.objects.select_related("author"))


def attachments_prefetch(prefix: str = "") -> Prefetch:
    """A post's files in the editor's order (Attachment.Meta.ordering)."""
    return Prefetch(f"{prefix}attachments", queryset=Attachment.objects.all())


def post_page_prefetches() -> list:
    """Everything a post page shows besides the post: authors, topics and files."""
    return [authors_prefetch(), "tags", attachments_prefetch()]


class PostQuerySet(models.QuerySet):
    # The three publication states. Post.state is the same rule for one loaded post.
    def drafts(self):
        return self.filter(status=PostStatus.DRAFT)

    def scheduled(self, at=None):
        """Published, but waiting for its date: it appears by itself then."""
        return self.filter(status=PostStatus.PUBLISHED, published_at__gt=at or timezone.now())

    def published(self, at=None):
        """What the public may see: published, and its time has come (live)."""
        return self.filter(status=PostStatus.PUBLISHED, published_at__lte=at or timezone.now())

    def in_state(self, state: PublicationState):
        match PublicationState(state):
            case PublicationState.DRAFT:
                return self.drafts()
            case PublicationState.SCHEDULED:
                return self.scheduled()
            case PublicationState.LIVE:
                return self.published()

    def visible_to(self, user):
        """Those who may preview see every post; everyone else sees published posts only."""
        return self.all() if can_preview(user) else self.published()

    def with_card_data(self):
        """Everything a post card shows, in a fixed number of queries."""
        return self.select_related("featured_image").prefetch_related(authors_prefetch(), "tags")

    def reader_language_first(self, language: str):
        """Newest first, the posts in the reader's language ahead of the others."""
        own = Case(When(language=language, then=Value(0)), default=Value(1))
        return self.alias(other_language=own).order_by("other_language", "-published_at", "-pk")

    def in_group(self, group_id: int):
        """The posts of one translation group: the original and its translations."""
        return self.filter(Q(pk=group_id) | Q(translation_of_id=group_id))

    def with_translation_flag(self):
        """``has_translations``: another post of the group is published (same query)."""
        group = Coalesce(OuterRef("translation_of_id"), OuterRef("pk"))
        others = Post.objects.published().filter(Q(pk=group) | Q(translation_of_id=group))
        return self.annotate(has_translations=Exists(others.exclude(pk=OuterRef("pk"))))

    def missing_translation(self, language: str):
        """Posts whose translation group has nothing in ``language`` yet."""
        group = Coalesce("translation_of_id", "pk")
        covered = Post.objects.filter(language=language).annotate(group=group).values("group")
        return self.alias(own_group=group).exclude(own_group__in=covered)

    def for_post_page(self):
        """Everything a post page, its print view and its PDF show."""
        return self.select_related("featured_image", "social_image").prefetch_related(
            *post_page_prefetches()
        )


def get_visible_post(request, slug: str) -> "Post":
    """The post this reader may open, with everything its page shows, or 404."""
    posts = Post.objects.visible_to(request.user).with_translation_flag().for_post_page()
    return get_object_or_404(posts, slug=slug)


class AuthorQuerySet(models.QuerySet):
    def published(self):
        """Authors the public may know about: those with at least one published post.

        An author whose only posts are drafts or scheduled stays unknown until publication.
        """
        return self.filter(
            pk__in=PostAuthor.objects.filter(post__in=Post.objects.published()).values("author_id")
        )

    def visible_to(self, user):
        return self.all() if can_preview(user) else self.published()


class Author(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    portrait = models.ImageField(_("portrait"), upload_to=portrait_upload_to, blank=True)
    role = models.CharField(_("role"), max_length=120, blank=True)
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    bio = models.TextField(_("bio"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
    )

    objects = AuthorQuerySet.as_manager()

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("posts:author", kwargs={"slug": self.slug})

    def clean(self):
        if errors := image_upload_errors(self, "portrait"):
            raise ValidationError(errors)


class Post(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    # Blank is allowed so a draft can be saved unfinished; publishing asks for it.
    summary = models.TextField(
        _("summary"), max_length=600, blank=True, help_text=_("The lead: one or two sentences.")
    )
    body = ProseEditorField(
        _("body"),
        extensions={
            "Bold": True,
            "Italic": True,
            "Underline": True,
            "Strike": True,
            "Subscript": True,
            "Superscript": True,
            "Heading": {"levels": [2, 3, 4]},
            "BulletList": True,
            "OrderedList": True,
            "ListItem": True,
            "Blockquote": True,
            "HorizontalRule": True,
            "HardBreak": True,
            "Link": {"enableTarget": False},
            # Figures from the image library: "Browse…" opens the picker in the admin.
            "Figure": {"pickerUrl": reverse_lazy("admin:posts_image_picker")},
            "Caption": True,
            "Image": True,
            # Tables need their row and cell types too, or the editor fails to start.
            "Table": True,
            "TableRow": True,
            "TableHeader": True,
            "TableCell": True,
            "History": True,
        },
        sanitize=sanitize_html,
        blank=True,
    )
    featured_image = models.ForeignKey(
        Image,
        verbose_name=_("featured image"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="featured_in",
        help_text=_("Shown on cards, at the top of the post, in its PDF and when it is shared."),
    )
    # Sharing: what search engines and link previews show (posts.sharing).
    meta_description = models.CharField(
        _("meta description"),
        max_length=300,
        blank=True,
        help_text=_("For search results and link previews. Empty: the summary is used."),
    )
    social_image = models.ForeignKey(
        Image,
        verbose_name=_("social image"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="shared_in",
        help_text=_(
            "For link previews. Empty: the featured image, or a card with the title is used."
        ),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=PostStatus.choices, default=PostStatus.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        db_index=True,
        help_text=_("A published post with a future date is scheduled: it appears by itself then."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    authors = models.ManyToManyField(
        Author, through="PostAuthor", related_name="posts", verbose_name=_("authors")
    )
    tags = TaggableManager(_("topics"), blank=True, help_text=_("Comma-separated topics."))
    comments_enabled = models.BooleanField(
        _("comments open"),
        default=True,
        help_text=_("Untick to close the conversation on this post."),
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en", db_index=True
    )
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        help_text=_("The original post: readers of either are offered the other."),
    )
    # Approved comments only; recomputed by the comments app whenever a comment changes.
    comment_count = models.PositiveIntegerField(_("comments"), default=0, editable=False)
    # Kept up to date by posts.search.index: the vector on PostgreSQL, the folded
    # copy on SQLite (each unused on the other database).
    search_vector = SearchVectorField(null=True, editable=False)
    search_text = models.TextField(editable=False, default="")

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "published_at"], name="post_visibility_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Sanitised here too, so HTML from any path (admin, shell, demo data) is safe.
        self.body = sanitize_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("posts:detail", kwargs={"slug": self.slug})

    def get_own_language_url(self) -> str:
        """The post's address in its own language: canonical link, sitemap, feeds, PDFs."""
        with translation.override(self.language):
            return self.get_absolute_url()

    @property
    def translation_group_id(self) -> int | None:
        return self.translation_of_id or self.pk

    def published_translations(self):
        """The other published posts of this post's translation group, in LANGUAGES order."""
        from .multilingual import in_language_order

        group = self.translation_group_id
        return in_language_order(Post.objects.published().in_group(group).exclude(pk=self.pk))

    def clean(self):
        from .multilingual import clean_translation_of

        clean_translation_of(self)

    @property
    def description(self) -> str:
        """For meta tags and link previews: the editor's own, else the summary."""
        return self.meta_description or self.summary

    @property
    def state(self) -> PublicationState:
        """PostQuerySet's drafts(), scheduled() and published(), for this post."""
        if self.status != PostStatus.PUBLISHED:
            return PublicationState.DRAFT
        if self.published_at > timezone.now():
            return PublicationState.SCHEDULED
        return PublicationState.LIVE

    @property
    def is_published(self) -> bool:
        return self.state == PublicationState.LIVE

    @property
    def is_scheduled(self) -> bool:
        return self.state == PublicationState.SCHEDULED

    @property
    def reading_minutes(self) -> int:
        """Minutes to read summary and body at 220 words a minute (at least one)."""
        words = len(strip_tags(f"{self.summary} {self.body}").split())
        return max(1, round(words / WORDS_PER_MINUTE))

    @property
    def was_updated(self) -> bool:
        """Edited on a later day than it was published: the byline says "updated"."""
        return timezone.localdate(self.updated_at) > timezone.localdate(self.published_at)

    @property
    def ordered_authors(self) -> list[Author]:
        """Authors in the editor's order; uses the prefetch from with_card_data()."""
        return [link.author for link in self.post_authors.all()]


class PostAuthor(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="post_authors")
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="post_links")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("post author")
        verbose_name_plural = _("post authors")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["post", "author"], name="unique_author_per_post")
        ]

    def __str__(self):
        return f"{self.author} ({self.post})"


def attachment_upload_to(instance, filename: str) -> str:
    """Generated names: the reader-facing name lives in the title, never on disk."""
    return generated_name("attachments", filename)


def attachment_storage():
    return storages["attachments"]


class Attachment(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=attachment_upload_to, storage=attachment_storage)
    original_name = models.CharField(_("original file name"), max_length=255, editable=False)
    content_type = models.CharField(_("content type"), max_length=120, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("file download")
        verbose_name_plural = _("file downloads")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title

    def save(self, **kwargs):
        # The counter moves only by F() in the download view; an edit never writes it back.
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "download_count"
            ]
        super().save(**kwargs)

    def get_absolute_url(self):
        return reverse("posts:download", kwargs={"slug": self.post.slug, "pk": self.pk})

    def clean(self):
        # A check, not a field validator: it also records the file's name, type and size.
        validate_attachment_upload(self)

    @property
    def extension(self) -> str:
        return PurePath(self.original_name or self.file.name).suffix.lstrip(".").upper()


class ActivityQuerySet(models.QuerySet):
    def record(self, post_id: int, kind: str, amount: int = 1, day: date | None = None) -> None:
        """Add to today's counter for a post: one UPDATE, plus one INSERT once a day."""
        self.add(post_id, day or timezone.localdate(), {kind: amount})

    def add(self, post_id: int, day: date, counts: dict[str, int]) -> None:
        """Add several counts to a post's day at once (the cache flush adds views and downloads).

        A post deleted since the counts were taken gets no row.
        """
        if unknown := set(counts) - set(PostActivity.KINDS):
            raise ValueError(f"Unknown activity: {', '.join(sorted(unknown))}")
        changes = {kind: F(kind) + amount for kind, amount in counts.items()}
        if not self.filter(post_id=post_id, day=day).update(**changes):
            if not Post.objects.filter(pk=post_id).exists():
                return
            self.bulk_create([PostActivity(post_id=post_id, day=day)], ignore_conflicts=True)
            self.filter(post_id=post_id, day=day).update(**changes)
        add_to_topics(post_id, day, counts)  # trending's sums per topic, kept in step


class PostActivity(models.Model):
    """Daily counters of what readers did with a post; the input of trending."""

    KINDS = ("views", "saves", "comments", "downloads")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="activity")
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)
    saves = models.PositiveIntegerField(_("saves"), default=0)
    comments = models.PositiveIntegerField(_("comments"), default=0)
    downloads = models.PositiveIntegerField(_("downloads"), default=0)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("daily activity")
        verbose_name_plural = _("daily activity")
        constraints = [
            models.UniqueConstraint(fields=["post", "day"], name="one_activity_row_per_day")
        ]
        indexes = [models.Index(fields=["day"], name="activity_day_idx")]

    def __str__(self):
        return f"{self.post_id} {self.day}"


class TrendingTopic(models.Model):
    """One row of the latest trending ranking, written by posts.trending; pages only read it.

    The counts beside the score are what drives the order, shown to readers.
    """

    rank = models.PositiveSmallIntegerField(_("rank"), unique=True)
    tag = models.ForeignKey(
        "taggit.Tag", verbose_name=_("topic"), on_delete=models.CASCADE, related_name="+"
    )
    score = models.FloatField(_("score"))
    posts = models.PositiveIntegerField(_("published posts"))
    reads_this_week = models.PositiveIntegerField(_("reads in the last 7 days"))
    reads = models.PositiveIntegerField(_("reads"))
    saves = models.PositiveIntegerField(_("saves"))
    comments = models.PositiveIntegerField(_("comments"))
    downloads = models.PositiveIntegerField(_("downloads"))
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("trending topic")
        verbose_name_plural = _("trending topics")
        ordering = ["rank"]

    def __str__(self):
        return f"{self.rank}. {self.tag_id}"

    @property
    def name(self) -> str:
        return self.tag.name

    @property
    def slug(self) -> str:
        return self.tag.slug


from .multilingual import TopicTranslation  # noqa: E402, F401  (a model of this app)
from .topic_activity import TopicActivity, add_to_topics  # noqa: E402, F401
