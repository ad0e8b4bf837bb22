"""Moderation in one click: Approve, Reject (with an optional reason) or Spam.

One admin view takes the decision for one comment, from the queue or from the
post page, and goes back where the moderator was. In the queue the buttons sit
inside the changelist's form (which carries the CSRF token) and post here with
``formaction``; on the post page each is a small form of its own. No JavaScript.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .models import Comment, CommentStatus
from .moderation import moderate

MODERATE_PERMISSION = "comments.change_comment"

DECISIONS = {
    "approve": (CommentStatus.APPROVED, gettext_lazy("approved")),
    "reject": (CommentStatus.REJECTED, gettext_lazy("rejected")),
    "spam": (CommentStatus.SPAM, gettext_lazy("marked as spam")),
}


def can_moderate(user) -> bool:
    """Staff with the change permission; is_staff first spares members the permission query."""
    return user.is_authenticated and user.is_staff and user.has_perm(MODERATE_PERMISSION)


def moderation_buttons(comment) -> str:
    """The queue row's three buttons (and reason field), posting to moderate_view."""
    return render_to_string("comments/includes/queue_buttons.html", {"comment": comment})


def back_to(request, fallback: str) -> str:
    """Where the moderator came from, if it is a page of this site; never another host."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@require_POST
def moderate_view(request, pk):
    if not can_moderate(request.user):
        raise PermissionDenied
    comment = get_object_or_404(Comment.objects.select_related("post"), pk=pk)
    queue = reverse("admin:comments_comment_changelist")
    decision = DECISIONS.get(request.POST.get("decision", ""))
    if decision is None:
        messages.error(request, _("Choose Approve, Reject or Spam."))
        return HttpResponseRedirect(back_to(request, queue))
    status, done = decision
    # A per-row field in the queue (one form for all rows), a plain one on the post page.
    reason = (request.POST.get(f"reason-{pk}") or request.POST.get("reason") or "").strip()[:500]
    if moderate(
        [comment], status, request.user, reason if status != CommentStatus.APPROVED else ""
    ):
        messages.success(
            request,
            _("The comment by %(author)s is %(done)s.")
            % {"author": comment.author_name, "done": done},
        )
    else:
        messages.info(
            request, _("Nothing changed: the comment was already %(done)s.") % {"done": done}
        )
    return HttpResponseRedirect(back_to(request, queue))
