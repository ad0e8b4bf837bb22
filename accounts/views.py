"""A member's own pages: profile, download my data, delete my account."""

import json

from allauth.account.decorators import reauthentication_required
from allauth.usersessions.models import UserSession
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods

from .export import export_user_data
from .forms import DeleteAccountForm, ProfileForm

private = cache_control(private=True, no_store=True)


@login_required
@private
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your display name is saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form, "form_attrs": {"form": form}})


@login_required
@private
@require_http_methods(["GET"])
def export(request):
    data = export_user_data(request.user)
    data["exported_at"] = timezone.now().isoformat()
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    filename = f"my-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@private
@require_http_methods(["GET", "POST"])
@reauthentication_required
def delete(request):
    """Asks for the password again (allauth's reauthentication), then a tick box.

    Saved posts go with the account (CASCADE); comments stay, shown as by a
    former member (the comments app's SET_NULL); every session is ended.
    """
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        with transaction.atomic():
            for session in UserSession.objects.filter(user=user):
                session.end()
            user.delete()
        logout(request)
        messages.success(request, _("Your account is deleted. Thank you for reading with us."))
        return redirect("posts:latest")
    return render(
        request,
        "accounts/delete.html",
        {"form": form, "form_attrs": {"form": form}, "export_url": reverse("accounts:export")},
    )
