"""The editorial desk: posts with ordered authors and files, authors, activity.

Editors are programme staff, not developers: every list shows what they need
to decide (status, date, reads, downloads) in a fixed number of queries.
"""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import image_admin  # noqa: F401  (registers the image library)
from .activity_chart import activity_chart
from .admin_counts import CappedCountAdmin
from .admin_forms import PostAdminForm, PostAuthorFormSet
from .admin_revisions import RevisionsAndSharingMixin
from .admin_translations import MissingTranslationFilter, with_group_languages
from .models import (
    Attachment,
    Post,
    PostActivity,
    PostAuthor,
    PostStatus,
    PublicationState,
    authors_prefetch,
)
from .publishing import publication_problems

# Drag-and-drop ordering with keyboard buttons (static/js/admin-posts.js);
# without JavaScript the position numbers stay editable.
ORDERED_INLINE = "ordered-inline"


def _sum_per_post(model, column: str) -> Coalesce:
    """A correlated SUM per post: no join, so two sums never multiply each other."""
    total = (
        model.objects.filter(post=OuterRef("pk"))
        .order_by()
        .values("post")
        .annotate(total=Sum(column))
        .values("total")
    )
    return Coalesce(Subquery(total, output_field=IntegerField()), 0)


class PublicationStateFilter(admin.SimpleListFilter):
    """Draft, scheduled or live: "published" alone hides posts waiting for their date."""

    title = _("status")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return PublicationState.choices

    def queryset(self, request, queryset):
        if self.value() in PublicationState.values:
            return queryset.in_state(self.value())
        return queryset


class PostAuthorInline(admin.TabularInline):
    model = PostAuthor
    formset = PostAuthorFormSet
    extra = 1
    fields = ["author", "position"]
    autocomplete_fields = ["author"]
    classes = [ORDERED_INLINE]
    verbose_name = _("author")
    verbose_name_plural = _("authors (in the order shown)")


class AttachmentFileMixin:
    """Attachments have no public URL, so the file widget must not ask for one.

    Django's ClearableFileInput links to ``file.url``; the private storage refuses
    that. A plain file input plus a link to the download view replaces it.
    """

    formfield_overrides = {models.FileField: {"widget": forms.FileInput}}

    @admin.display(description=_("current file"))
    def current_file(self, attachment):
        if not attachment.pk:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            attachment.get_absolute_url(),
            attachment.original_name or attachment.file.name,
        )


class AttachmentInline(AttachmentFileMixin, admin.TabularInline):
    model = Attachment
    extra = 1
    fields = [
        "title",
        "current_file",
        "file",
        "position",
        "content_type",
        "size",
        "download_count",
    ]
    readonly_fields = ["current_file", "content_type", "size", "download_count"]
    view_on_site = False  # "current file" already links to the download
    classes = [ORDERED_INLINE]
    verbose_name_plural = _("file downloads (in the order shown)")


@admin.register(Post)
class PostAdmin(CappedCountAdmin, RevisionsAndSharingMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "state",
        "publication",
        "author_names",
        "translations",
        "views",
        "downloads",
    ]
    list_filter = [
        PublicationStateFilter,
        "language",
        MissingTranslationFilter,
        "published_at",
        "tags",
    ]
    autocomplete_fields = ["translation_of"]
    search_fields = ["title", "summary", "authors__name"]
    search_help_text = _("Search titles, summaries and author names.")
    form = PostAdminForm
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["featured_image", "social_image"]
    # No date_hierarchy: its year links read every post's date; "published_at" filters.
    list_per_page = 50
    # "5 results (100,000 total)" costs a second COUNT(*) over every post on each filter.
    show_full_result_count = False
    inlines = [PostAuthorInline, AttachmentInline]
    actions = ["publish_now", "unpublish"]
    # The change form has its own "Preview" button (see the object tools template).
    view_on_site = False
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (_("Publication"), {"fields": ["status", "published_at", "tags", "comments_enabled"]}),
        (_("Language"), {"fields": ["language", "translation_of"]}),
        (
            _("Images and sharing"),
            {"fields": ["featured_image", "meta_description", "social_image"]},
        ),
    ]

    class Media:
        css = {"all": ["css/admin-posts.css", "css/admin-desk.css"]}
        # admin-unsaved.js asks before leaving the form with unsaved changes.
        js = ["js/admin-posts.js", "js/admin-unsaved.js"]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        post = self.get_object(request, object_id)
        extra = {"activity": activity_chart(post)} if post else {}
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    def slug_is_fixed(self, obj) -> bool:
        """The address is fixed once readers may have it: published or scheduled."""
        return obj is not None and obj.status == PostStatus.PUBLISHED

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "slug"] if self.slug_is_fixed(obj) else fields

    def get_prepopulated_fields(self, request, obj=None):
        return {} if self.slug_is_fixed(obj) else super().get_prepopulated_fields(request, obj)

    def get_queryset(self, request):
        return (
            with_group_languages(super().get_queryset(request))
            .annotate(
                total_views=_sum_per_post(PostActivity, "views"),
                total_downloads=_sum_per_post(Attachment, "download_count"),
            )
            .prefetch_related(authors_prefetch())
        )

    @admin.display(description=_("status"), ordering="status")
    def state(self, post):
        """The state in words (scheduled posts stand out) and a preview link under it."""
        if post.state == PublicationState.SCHEDULED:
            when = date_format(timezone.localtime(post.published_at), "SHORT_DATETIME_FORMAT")
            label = format_html(
                '<strong class="post-state post-state--scheduled">{}</strong>',
                _("Scheduled for %(when)s") % {"when": when},
            )
        elif post.state == PublicationState.DRAFT:
            label = format_html('<em class="post-state post-state--draft">{}</em>', _("Draft"))
        else:
            label = _("Published")
        return format_html(
            '{}<br><a href="{}" target="_blank" rel="noopener">{}</a>',
            label,
            post.get_absolute_url(),
            _("Preview"),
        )

    @admin.display(description=_("publication date"), ordering="published_at")
    def publication(self, post):
        # Compact, so the counts beside it fit next to the filters.
        return date_format(timezone.localtime(post.published_at), "SHORT_DATETIME_FORMAT")

    @admin.display(description=_("authors"))
    def author_names(self, post):
        return ", ".join(author.name for author in post.ordered_authors)

    @admin.display(description=_("languages"), ordering="language")
    def translations(self, post):
        """The post's language, then those of its translations: "EN (ka, ru)"."""
        others = sorted(set((post.group_languages or "").split()) - {post.language})
        return f"{post.language.upper()} ({', '.join(others)})" if others else post.language.upper()

    @admin.display(description=_("views"), ordering="total_views")
    def views(self, post):
        return post.total_views

    @admin.display(description=_("downloads"), ordering="total_downloads")
    def downloads(self, post):
        return post.total_downloads

    @admin.action(description=_("Publish now"), permissions=["change"])
    def publish_now(self, request, queryset):
        # Live posts keep their date; drafts and scheduled posts go live now.
        # Saved one by one so the sanitiser, signals and search index all run.
        now = timezone.now()
        candidates = queryset.exclude(pk__in=queryset.published(at=now).values("pk"))
        posts = []
        for post in candidates.select_related("featured_image", "social_image"):
            if problems := publication_problems(post):
                self.message_user(
                    request,
                    _("“%(title)s” was not published: %(problems)s")
                    % {"title": post.title, "problems": " ".join(map(str, problems))},
                    messages.ERROR,
                )
            else:
                posts.append(post)
        for post in posts:
            post.status = PostStatus.PUBLISHED
            post.published_at = now
            post.save()
        if not posts and candidates:
            return
        self.message_user(
            request,
            ngettext(
                "%(count)d post is now published.",
                "%(count)d posts are now published.",
                len(posts),
            )
            % {"count": len(posts)},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish (back to draft)"), permissions=["change"])
    def unpublish(self, request, queryset):
        posts = list(queryset.filter(status=PostStatus.PUBLISHED))
        for post in posts:
            post.status = PostStatus.DRAFT
            post.save()
        self.message_user(
            request,
            ngettext(
                "%(count)d post is back to draft.",
                "%(count)d posts are back to draft.",
                len(posts),
            )
            % {"count": len(posts)},
            messages.SUCCESS,
        )


# Authors, files and daily activity have their admins in posts/admin_library.py.
from . import admin_library  # noqa: E402, F401
