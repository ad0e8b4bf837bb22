"""Posting, replying, reporting and deleting comments; each answers htmx with a
partial and a plain browser with a redirect (or the page, when something failed)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from posts.models import Post, get_visible_post

from .forms import CommentForm, ReportForm
from .models import Comment, CommentFlag, CommentStatus
from .moderation import delete_comment, post_comment, report_comment
from .rules import comments_are_open, rate_limited
from .sections import form_area_context, reply_target, section_context

SECTION = "comments/section.html"


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
        return redirect(f"{post.get_absolute_url()}?comments_page={number}#comments")
    return render(request, f"{SECTION}#thread-page", section_context(request, post))


def sent_state(comment: Comment) -> str:
    if CommentFlag.DUPLICATE in comment.flags and comment.status == CommentStatus.REJECTED:
        return "duplicate"
    if comment.status == CommentStatus.APPROVED:
        return "published"
    # Spam gets the same answer as an honest pending comment: robots learn nothing.
    return "thanks"


def form_failed(request, post, form, parent, status: int):
    """Answer a failed submit with the typed text still in the form."""
    if request.htmx:
        context = form_area_context(request, post, form=form, parent=parent)
        return render(request, f"{SECTION}#form-area", context, status=status)
    context = {"post": get_visible_post(request, post.slug), "comment_form": form}
    context["comment_parent"] = parent
    return render(request, "posts/detail.html", context, status=status)


@login_required
@require_POST
def create(request, slug):
    post = get_commentable_post(slug)
    parent = reply_target(post, request.POST.get("parent")) if request.POST.get("parent") else None
    form = CommentForm(request.POST, parent=parent)
    if not comments_are_open(post):
        form.add_error(None, _("Comments are closed on this post."))
        return form_failed(request, post, form, parent, 403)
    if request.POST.get("parent") and parent is None:
        form.add_error(None, _("The comment you answered is no longer shown. Post yours below."))
        return form_failed(request, post, CommentForm(request.POST), None, 422)
    if not form.is_valid():
        return form_failed(request, post, form, parent, 422)

    data = form.cleaned_data
    already = Comment.objects.filter(idempotency_token=data["token"], user=request.user).first()
    if already is None and rate_limited(request.user):
        form.add_error(
            None,
            _(
                "You are commenting very fast. Please wait a moment and send again; your text is kept."
            ),
        )
        return form_failed(request, post, form, parent, 429)
    comment, _created = post_comment(
        post=post,
        user=request.user,
        body=data["body"],
        parent=parent,
        honeypot=data["website"],
        token=data["token"],
    )
    state = sent_state(comment)
    if request.htmx:
        context = form_area_context(request, post, parent=parent, state=state)
        context["comment"] = comment
        return render(request, f"{SECTION}#form-area", context)
    anchor = f"comment-{comment.pk}" if state == "published" else "comment-form"
    return redirect(f"{post.get_absolute_url()}?comment_sent={state}#{anchor}")


@require_GET
def reply_form(request, pk):
    comment = get_public_comment(pk)
    parent = reply_target(comment.post, comment.pk)
    if not request.htmx:
        return redirect(f"{comment.post.get_absolute_url()}?reply_to={parent.pk}#comment-form")
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
    return redirect(f"{post.get_absolute_url()}#comments")


@login_required
@require_http_methods(["GET", "POST"])
def report(request, pk):
    comment = get_public_comment(pk)
    if comment.user_id == request.user.pk:
        raise Http404("Members report other people's comments, not their own.")
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report_comment(comment, request.user, form.cleaned_data["reason"])
        if request.htmx:
            return render(request, "comments/report.html#reported", {"comment": comment})
        return redirect(f"{comment.post.get_absolute_url()}?reported=1#comments")
    status = 422 if request.method == "POST" else 200
    template = "comments/report.html#report-form" if request.htmx else "comments/report.html"
    return render(request, template, {"comment": comment, "form": form}, status=status)
