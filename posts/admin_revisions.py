"""The post admin's own pages: revisions (list, compare, restore) and share links.

Mixed into PostAdmin; each page checks the change permission on the post and
every change is a POST with the admin's CSRF protection. ShareLinkAdmin lists
every preview link, to revoke any of them.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from .models import PostStatus
from .publishing import publication_problems
from .revision_diff import compare
from .revisions import PostRevision, record_revision, restore_revision
from .share_links import ShareLink


class RestoreRefused(Exception):
    """Rolls a restore back: the restored post would fail the publishing checks."""


def post_publishing_problems(post) -> list[str]:
    post.refresh_from_db()
    return publication_problems(post) if post.status == PostStatus.PUBLISHED else []


class RevisionsAndSharingMixin:
    def save_related(self, request, form, formsets, change):
        # After the inlines: the snapshot holds the authors and files just saved.
        super().save_related(request, form, formsets, change)
        record_revision(form.instance, request.user)

    def get_urls(self):
        own = [
            ("<path:object_id>/revisions/", self.revisions_view, "revisions"),
            ("<path:object_id>/revisions/compare/", self.compare_view, "compare"),
            ("<path:object_id>/revisions/<int:rev>/restore/", self.restore_view, "restore"),
            ("<path:object_id>/share/", self.share_view, "share"),
            ("<path:object_id>/share/<int:link>/revoke/", self.revoke_view, "revoke"),
        ]
        urls = [
            path(route, self.admin_site.admin_view(func), name=f"posts_post_{name}")
            for route, func, name in own
        ]
        return urls + super().get_urls()

    def _post_for(self, request, object_id):
        post = self.get_object(request, object_id)
        if post is None:
            raise Http404("No such post.")
        if not self.has_change_permission(request, post):
            raise PermissionDenied
        return post

    def _page(self, request, post, template, title, **context):
        return TemplateResponse(
            request,
            f"admin/posts/post/{template}",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": post,
                "title": title,
                "has_view_permission": True,
                **context,
            },
        )

    def _change_url(self, post, name="change"):
        return reverse(f"admin:posts_post_{name}", args=[post.pk])

    def revisions_view(self, request, object_id):
        post = self._post_for(request, object_id)
        revisions = list(post.revisions.select_related("created_by"))
        return self._page(
            request,
            post,
            "revisions.html",
            _("Revisions of “%(title)s”") % {"title": post.title},
            revisions=revisions,
        )

    def compare_view(self, request, object_id):
        post = self._post_for(request, object_id)
        picked = post.revisions.filter(pk__in=[request.GET.get("a"), request.GET.get("b")][:2])
        pair = sorted(picked.select_related("created_by"), key=lambda r: (r.created_at, r.pk))
        if len(pair) != 2:
            messages.warning(request, _("Choose two different revisions to compare."))
            return HttpResponseRedirect(self._change_url(post, "revisions"))
        older, newer = pair
        return self._page(
            request,
            post,
            "revision_compare.html",
            _("Compare revisions of “%(title)s”") % {"title": post.title},
            older=older,
            newer=newer,
            diffs=compare(older.snapshot, newer.snapshot),
        )

    def restore_view(self, request, object_id, rev):
        return require_POST(self._restore)(request, object_id, rev)

    def _restore(self, request, object_id, rev):
        post = self._post_for(request, object_id)
        revision = get_object_or_404(PostRevision, post=post, pk=rev)
        try:
            with transaction.atomic():
                missing = restore_revision(revision, request.user)
                refused = post_publishing_problems(revision.post)
                if refused:  # a published or scheduled post must stay publishable
                    raise RestoreRefused(refused)
        except RestoreRefused as refusal:
            messages.error(
                request,
                _("This revision cannot be restored while the post is published: %(problems)s")
                % {"problems": " ".join(str(problem) for problem in refusal.args[0])},
            )
            return HttpResponseRedirect(self._change_url(post))
        when = timezone.localtime(revision.created_at).strftime("%Y-%m-%d %H:%M")
        messages.success(request, _("The revision of %(when)s is restored.") % {"when": when})
        if missing:
            messages.warning(
                request,
                _("These files were deleted since and cannot come back: %(files)s")
                % {"files": ", ".join(missing)},
            )
        return HttpResponseRedirect(self._change_url(post))

    def share_view(self, request, object_id):
        post = self._post_for(request, object_id)
        if request.method == "POST":
            if post.is_published:
                messages.info(request, _("This post is published: share its address instead."))
            else:
                ShareLink.objects.create(post=post, created_by=request.user)
                messages.success(request, _("A new preview link is ready; copy it below."))
            return HttpResponseRedirect(self._change_url(post, "share"))
        links = list(post.share_links.select_related("created_by"))
        return self._page(
            request,
            post,
            "share_links.html",
            _("Preview links for “%(title)s”") % {"title": post.title},
            links=links,
        )

    def revoke_view(self, request, object_id, link):
        return require_POST(self._revoke)(request, object_id, link)

    def _revoke(self, request, object_id, link):
        post = self._post_for(request, object_id)
        updated = ShareLink.objects.filter(post=post, pk=link, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        if updated:
            messages.success(request, _("The preview link is revoked: it no longer opens."))
        return HttpResponseRedirect(self._change_url(post, "share"))


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin):
    """Every preview link in one list, to revoke any of them; links are made from a post."""

    list_display = ["post", "created_by", "created_at", "expires_at", "revoked_at"]
    list_select_related = ["post", "created_by"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["post__title"]
    fields = ["post", "created_by", "created_at", "expires_at", "revoked_at"]
    readonly_fields = ["post", "created_by", "created_at"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=gettext_lazy("Revoke the selected links"), permissions=["change"])
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        message = ngettext("%(count)d link revoked.", "%(count)d links revoked.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)
