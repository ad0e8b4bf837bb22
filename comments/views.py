"""Posting, replying, reporting and deleting comments; each answers htmx with a
partial and a plain browser with a 303 redirect, or a page of our own when
something failed (the typed text is always in it)."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from posts.models import Post, get_visible_post

from .forms import CommentForm, ReportForm
from .models import Comment, CommentFlag, CommentStatus
from .moderation import delete_comment, post_comment
from .reports import report_comment, report_retry_after
from .rules import cannot_comment, comments_are_open, retry_after
from .sections import (
    barrier_message,
    form_area_context,
    reply_target,
    section_context,
    shown_at_once,
)

SECTION = "comments/section.html"


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


def back_to(post, anchor: str, **params) -> HttpResponseSeeOther:
    query = f"?{urlencode(params)}" if params else ""
    return HttpResponseSeeOther(f"{post.get_absolute_url()}{query}#{anchor}")


def get_commentable_post(slug: str) -> Post:
    """Only published posts take comments; anything else is a 404."""
    return get_object_or_404(Post.objects.published(), slug=slug)


def get_public_comment(pk: int) -> Comment:
    """An approved comment on a published post, or 404."""
    return get_object_or_404(
        Comment.objects.approved().select_related("post", "user"),
        pk=pk,
        post__in=Post.objects.published(),
    )


@require_GET
def thread_page(request, slug):
    """The next page of comments (htmx "Show more"); plain browsers go to the page itself."""
    post = get_visible_post(request, slug)
    if not request.htmx:
        number = request.GET.get("comments_page") or 1
        return back_to(post, "comments", comments_page=number)
    return render(request, f"{SECTION}#thread-page", section_context(request, post))


def sent_state(comment: Comment) -> str:
    if CommentFlag.DUPLICATE in comment.flags and comment.status == CommentStatus.REJECTED:
        return "duplicate"
    if comment.status == CommentStatus.APPROVED:
        return "published"
    # Spam gets the same answer as an honest pending comment: robots learn nothing.
    return "thanks"


def form_failed(request, post, form, parent, status: int, wait: int = 0):
    """Answer a failed submit with the typed text still in the form.

    Without JavaScript this is a page of the comments app, not the post page."""
    if request.htmx:
        context = form_area_context(request, post, form=form, parent=parent)
        response = render(request, f"{SECTION}#form-area", context, status=status)
    else:
        context = {"post": post, "form": form, "parent": parent, "status": status}
        response = render(request, "comments/retry.html", context, status=status)
    if wait:
        response["Retry-After"] = str(wait)
    return response


@login_required
@require_POST
def create(request, slug):
    post = get_commentable_post(slug)
    parent = reply_target(post, request.POST.get("parent")) if request.POST.get("parent") else None
    form = CommentForm(request.POST, parent=parent)
    if not comments_are_open(post):
        form.add_error(None, _("Comments are closed on this post."))
        return form_failed(request, post, form, parent, 403)
    barrier = cannot_comment(request.user)
    if barrier:
        form.add_error(None, barrier_message(request.user, barrier))
        return form_failed(request, post, form, parent, 403)
    if request.POST.get("parent") and parent is None:
        form.add_error(None, _("The comment you answered is no longer shown. Post yours below."))
        return form_failed(request, post, CommentForm(request.POST), None, 422)
    if not form.is_valid():
        return form_failed(request, post, form, parent, 422)

    data = form.cleaned_data
    already = Comment.objects.filter(idempotency_token=data["token"], user=request.user).exists()
    wait = 0 if already else retry_after(request.user)
    if wait:
        form.add_error(
            None,
            _(
                "You are commenting very fast. Please wait a moment and send again; your text is kept."
            ),
        )
        return form_failed(request, post, form, parent, 429, wait)
    try:
        comment, _created = post_comment(
            post=post,
            user=request.user,
            body=data["body"],
            parent=parent,
            honeypot=data["website"],
            too_fast=data["too_fast"],
            token=data["token"],
        )
    except (OperationalError, InterfaceError):
        # The database is away: nothing was stored, so hand the text back to send again.
        form.add_error(
            None,
            _(
                "Your comment could not be saved just now. Your text is below: please send it again."
            ),
        )
        return form_failed(request, post, form, parent, 503, 30)
    state = sent_state(comment)
    if request.htmx:
        context = form_area_context(request, post, parent=parent, state=state)
        context["comment"] = comment
        context.update(shown_at_once(request, post, comment, parent))
        return render(request, f"{SECTION}#form-area", context)
    anchor = f"comment-{comment.pk}" if state == "published" else "comment-form"
    return back_to(post, anchor, comment_sent=state)


@require_GET
def reply_form(request, pk):
    comment = get_public_comment(pk)
    parent = reply_target(comment.post, comment.pk)
    if not request.htmx:
        return back_to(comment.post, "comment-form", reply_to=parent.pk)
    return render(
        request, f"{SECTION}#form-area", form_area_context(request, comment.post, parent=parent)
    )


@login_required
@require_POST
def delete(request, pk):
    comment = get_object_or_404(Comment.objects.select_related("post"), pk=pk, user=request.user)
    post = comment.post
    delete_comment(comment)
    if request.htmx:
        return render(request, "comments/includes/deleted.html")
    return back_to(post, "comments")


@login_required
@require_http_methods(["GET", "POST"])
def report(request, pk):
    comment = get_public_comment(pk)
    if comment.user_id == request.user.pk:
        raise Http404("Members report other people's comments, not their own.")
    form = ReportForm.for_comment(comment, request.POST or None)
    status, wait = (422 if request.method == "POST" else 200), 0
    if request.method == "POST" and form.is_valid():
        wait = report_retry_after(request.user)
        if not wait:
            report_comment(comment, request.user, form.cleaned_data["reason"])
            if request.htmx:
                return render(request, "comments/report.html#reported", {"comment": comment})
            return back_to(comment.post, "comments", reported=1)
        status = 429
        form.add_error(
            None, _("You have sent many reports today. Please try again later; your text is kept.")
        )
    template = "comments/report.html#report-form" if request.htmx else "comments/report.html"
    response = render(request, template, {"comment": comment, "form": form}, status=status)
    if wait:
        response["Retry-After"] = str(wait)
    return response
