"""The admin of what posts are made of: authors, file downloads and daily activity."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .admin import AttachmentFileMixin
from .models import Attachment, Author, PostActivity


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "organisation", "has_portrait"]
    search_fields = ["name", "role", "organisation"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "portrait", "portrait_preview", "role", "organisation", "bio", "user"]
    readonly_fields = ["portrait_preview"]

    def get_readonly_fields(self, request, obj=None):
        # Linking a login shows the list of users: only for those who may see users.
        if request.user.has_perm("accounts.view_user"):
            return self.readonly_fields
        return [*self.readonly_fields, "user"]

    @admin.display(description=_("portrait"), boolean=True)
    def has_portrait(self, author):
        return bool(author.portrait)

    @admin.display(description=_("current portrait"))
    def portrait_preview(self, author):
        if not author.portrait:
            return "—"
        return format_html(
            '<img src="{}" alt="" width="96" height="96" class="author-portrait-preview">',
            author.portrait.url,
        )


@admin.register(Attachment)
class AttachmentAdmin(AttachmentFileMixin, admin.ModelAdmin):
    list_display = ["title", "post", "content_type", "size", "download_count"]
    list_select_related = ["post"]
    search_fields = ["title", "post__title"]
    autocomplete_fields = ["post"]
    fields = [
        "post",
        "title",
        "current_file",
        "file",
        "position",
        "original_name",
        "content_type",
        "size",
        "download_count",
    ]
    readonly_fields = ["current_file", "original_name", "content_type", "size", "download_count"]


@admin.register(PostActivity)
class PostActivityAdmin(admin.ModelAdmin):
    """Read-only: the counters are written by readers' actions, never by hand."""

    list_display = ["day", "post", "views", "saves", "comments", "downloads"]
    list_select_related = ["post"]
    list_filter = ["day"]
    date_hierarchy = "day"
    search_fields = ["post__title"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
