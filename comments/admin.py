"""The moderation queue: opens on pending comments, newest first, with bulk actions."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Comment, CommentReport, CommentStatus
from .moderation import moderate
from .suspensions import CommentingSuspension, suspend


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


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["created_at", "post_title", "author", "excerpt", "status", "flag_list"]
    list_display_links = ["created_at", "excerpt"]
    list_filter = [StatusFilter, FlaggedFilter]
    list_select_related = ["post", "user"]
    search_fields = ["body", "user__email", "user__display_name", "post__title"]
    ordering = ["-created_at", "-pk"]
    date_hierarchy = "created_at"
    # The queue opens filtered: no second COUNT(*) over every comment for "(N total)".
    show_full_result_count = False
    action_form = ModerationActionForm
    actions = ["approve", "reject", "mark_spam", "suspend_authors"]
    inlines = [CommentReportInline]
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

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("post"), ordering="post__title")
    def post_title(self, comment):
        return Truncator(comment.post.title).chars(40)

    @admin.display(description=_("author"), ordering="user__email")
    def author(self, comment):
        return comment.author_name

    @admin.display(description=_("text"))
    def excerpt(self, comment):
        return Truncator(comment.body).chars(120)

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
