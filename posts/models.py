from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.files.storage import storages
from django.db import models
from django.urls import reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager

from .addresses import SlugRedirect  # noqa: F401  (a model of this app)
from .authors import Author, AuthorQuerySet  # noqa: F401  (models of this app)
from .library import Image
from .revisions import PostRevision  # noqa: F401  (a model of this app)
from .sanitize import sanitize_html
from .share_links import ShareLink  # noqa: F401  (a model of this app)
from .uploads import generated_name

# An unhurried reader of long-form text; used for "N minute read".
WORDS_PER_MINUTE = 220


from .querysets import (  # noqa: E402, F401  (the rules, named once, beside the model)
    PostQuerySet,
    PostStatus,
    PublicationState,
    attachments_prefetch,
    authors_prefetch,
    get_visible_post,
    post_page_prefetches,
)


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
        indexes = [
            models.Index(fields=["status", "published_at"], name="post_visibility_idx"),
            # The sitemap's pages, read from this index alone (with a recent VACUUM).
            models.Index(
                fields=["id"],
                include=["published_at", "slug", "updated_at", "language", "translation_of"],
                condition=models.Q(status=PostStatus.PUBLISHED),
                name="post_sitemap_idx",
            ),
        ]

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


# Models kept in modules of their own, imported here so Django registers them.
from .activity import ActivityQuerySet, PostActivity, TrendingTopic  # noqa: E402, F401
from .attachments import Attachment  # noqa: E402, F401
from .multilingual import TopicTranslation  # noqa: E402, F401  (a model of this app)
from .topic_activity import TopicActivity, add_to_topics  # noqa: E402, F401
