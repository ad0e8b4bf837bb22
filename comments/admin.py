"""The moderation queue: opens on pending comments, newest first, each with its full
text, its author's history and one-click Approve / Reject / Spam buttons (plus the
bulk actions). Every decision goes through comments.moderation and is logged.

The list counts at most 10,000 comments, 400 pages of 25 (posts.admin_counts; counting
all 200,000 took 12 ms on every view).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from posts.admin_counts import CappedCountAdmin

from .models import Comment, CommentReport, CommentStatus, ModerationLog, pending_first
from .moderation import moderate
from .one_click import moderate_view, moderation_buttons
from .suspensions import CommentingSuspension, suspend
from .templatetags.comments_tags import comment_text


class ModerationActionForm(ActionForm):
    reason = forms.CharField(
        label=_("Reason for the member (optional)"),
        required=False,
        max_length=500,
    )


class StatusFilter(admin.SimpleListFilter):
    """Status, opening on pending: the queue shows what needs doing unless asked otherwise."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*CommentStatus.choices, ("all", _("All"))]

    def value(self):
        return super().value() or CommentStatus.PENDING

    def queryset(self, request, queryset):
        value = self.value()
        return queryset if value == "all" else queryset.filter(status=value)

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }


class FlaggedFilter(admin.SimpleListFilter):
    title = _("flags")
    parameter_name = "flagged"

    def lookups(self, request, model_admin):
        return [
            ("yes", _("Flagged by a rule or a report")),
            ("reported", _("Reports awaiting a decision")),
            ("no", _("No flags")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "reported":
            return queryset.filter(reports__dismissed_at__isnull=True).distinct()
        if self.value() == "yes":
            return queryset.exclude(flags=[])
        if self.value() == "no":
            return queryset.filter(flags=[])
        return queryset


class CommentReportInline(admin.TabularInline):
    model = CommentReport
    extra = 0
    can_delete = False
    fields = ["created_at", "user", "reason", "dismissed_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class ModerationLogInline(admin.TabularInline):
    """The comment's moderation history, newest first, on its change page."""

    model = ModerationLog
    extra = 0
    can_delete = False
    verbose_name_plural = _("moderation history")
    fields = ["created_at", "moderator", "from_status", "to_status", "reason"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("moderator")


@admin.register(Comment)
class CommentAdmin(CappedCountAdmin, admin.ModelAdmin):
    # Few, dense columns: the full text and the buttons fit beside the admin's sidebars.
    list_display = ["written", "full_text", "about", "actions_column"]
    list_display_links = ["written"]
    list_filter = [StatusFilter, FlaggedFilter]
    list_select_related = ["post", "user"]
    search_fields = ["body", "user__email", "user__display_name", "post__title"]
    ordering = ["-created_at", "-pk"]
    # No date_hierarchy: its year links read every comment's date (all 200,000 of them).
    list_per_page = 25
    # The queue opens filtered: no second COUNT(*) over every comment for "(N total)".
    show_full_result_count = False
    action_form = ModerationActionForm
    actions = ["approve", "reject", "mark_spam", "suspend_authors"]
    inlines = [CommentReportInline, ModerationLogInline]
    fields = [
        "post",
        "author",
        "parent",
        "body",
        "created_at",
        "flag_list",
        "rule_notes",
        "status",
        "moderation_reason",
        "moderated_by",
        "moderated_at",
    ]
    readonly_fields = [
        "post",
        "author",
        "parent",
        "body",
        "created_at",
        "flag_list",
        "rule_notes",
        "moderated_by",
        "moderated_at",
    ]

    class Media:
        css = {"all": ["css/admin-comments.css"]}
        js = ["js/admin-moderation.js"]

    def has_add_permission(self, request):
        return False

    def get_urls(self):
        view = self.admin_site.admin_view(moderate_view)
        return [
            path("<int:pk>/moderate/", view, name="comments_comment_moderate"),
            *super().get_urls(),
        ]

    def get_queryset(self, request):
        # The authors' history comes in the same query as the comments.
        return super().get_queryset(request).with_author_history()

    def get_ordering(self, request):
        # Pending first whatever the filter, then newest first (comment_pending_first_idx).
        return [pending_first().asc(), "-created_at", "-pk"]

    @admin.display(description=_("written"), ordering="created_at")
    def written(self, comment):
        return timezone.localtime(comment.created_at).strftime("%Y-%m-%d %H:%M")

    @admin.display(description=_("author"), ordering="user__email")
    def author(self, comment):
        return comment.author_name

    @admin.display(description=_("post, author and history"))
    def about(self, comment):
        history = _("%(approved)d approved, %(rejected)d rejected") % {
            "approved": comment.author_approved,
            "rejected": comment.author_rejected,
        }
        return format_html(
            '<a href="{}">{}</a><br>{}<br><span class="queue-meta">{}</span>'
            '<br><span class="queue-meta">{} · {}</span>',
            comment.post.get_absolute_url(),
            comment.post.title,
            comment.author_name,
            history,
            comment.get_status_display(),
            self.flag_list(comment),
        )

    @admin.display(description=_("text"))
    def full_text(self, comment):
        return format_html('<div class="queue-text">{}</div>', comment_text(comment.body))

    @admin.display(description=_("decide"))
    def actions_column(self, comment):
        return moderation_buttons(comment)

    @admin.display(description=_("flags"))
    def flag_list(self, comment):
        return format_html_join(", ", "{}", ((label,) for label in comment.flag_labels)) or "—"

    def save_model(self, request, obj, form, change):
        # Status changes go through moderate() so counts and notifications follow.
        if change and "status" in form.changed_data:
            new_status = obj.status
            obj.status = form.initial["status"]
            moderate([obj], new_status, request.user, obj.moderation_reason)
            obj.refresh_from_db()
        elif change:
            Comment.objects.filter(pk=obj.pk).update(moderation_reason=obj.moderation_reason)

    def _moderate(self, request, queryset, status, done_message):
        reason = request.POST.get("reason", "").strip()
        count = moderate(list(queryset), status, request.user, reason)
        self.message_user(request, done_message(count) % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Approve selected comments"), permissions=["change"])
    def approve(self, request, queryset):
        self._moderate(
            request,
            queryset,
            CommentStatus.APPROVED,
            lambda n: ngettext("%(count)d comment approved.", "%(count)d comments approved.", n),
        )

    @admin.action(description=_("Reject selected comments"), permissions=["change"])
    def reject(self, request, queryset):
        self._moderate(
            request,
            queryset,
            CommentStatus.REJECTED,
            lambda n: ngettext("%(count)d comment rejected.", "%(count)d comments rejected.", n),
        )

    @admin.action(description=_("Mark selected comments as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        self._moderate(
            request,
            queryset,
            CommentStatus.SPAM,
            lambda n: ngettext(
                "%(count)d comment marked as spam.", "%(count)d comments marked as spam.", n
            ),
        )

    @admin.action(
        description=_("Suspend the authors' commenting (the reason is shown to them)"),
        permissions=["suspend"],
    )
    def suspend_authors(self, request, queryset):
        reason = request.POST.get("reason", "").strip()
        if not reason:
            self.message_user(
                request, _("Give a reason: the member sees it instead of the form."), messages.ERROR
            )
            return
        users = {comment.user for comment in queryset.select_related("user") if comment.user}
        count = suspend(users, reason, request.user)
        message = ngettext("%(count)d member suspended.", "%(count)d members suspended.", count) % {
            "count": count
        }
        self.message_user(request, message, messages.SUCCESS)

    def has_suspend_permission(self, request):
        return request.user.has_perm("comments.add_commentingsuspension")


@admin.register(CommentingSuspension)
class CommentingSuspensionAdmin(admin.ModelAdmin):
    list_display = ["user", "reason", "created_by", "created_at", "lifted_at"]
    list_filter = [("lifted_at", admin.EmptyFieldListFilter)]
    list_select_related = ["user", "created_by"]
    search_fields = ["user__email", "user__display_name", "reason"]
    fields = ["user", "reason", "created_by", "created_at", "lifted_at"]
    readonly_fields = ["user", "created_by", "created_at"]
    actions = ["lift"]

    def has_add_permission(self, request):
        return False  # suspend from a comment of the member's (action in the comments list)

    @admin.action(description=_("Lift the selected suspensions"), permissions=["change"])
    def lift(self, request, queryset):
        count = queryset.filter(lifted_at__isnull=True).update(lifted_at=timezone.now())
        message = ngettext(
            "%(count)d suspension lifted.", "%(count)d suspensions lifted.", count
        ) % {"count": count}
        self.message_user(request, message, messages.SUCCESS)
