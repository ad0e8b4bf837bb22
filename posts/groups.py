"""The editorial group, and who counts as an editor for readers (the "Editor" badge)."""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q

# Everything needed to write and publish posts, nothing more (posts/migrations/0006).
EDITORS = "Editors"
EDIT_PERMISSION = ("posts", "change_post")


def editors_q(prefix: str = "") -> Q:
    """Users who edit posts: in the Editors group, or holding posts.change_post
    (directly, through any group, or as a superuser). The one rule, as a filter."""
    app_label, codename = EDIT_PERMISSION
    return (
        Q(**{f"{prefix}is_superuser": True})
        | Q(**{f"{prefix}groups__name": EDITORS})
        | Q(
            **{
                f"{prefix}user_permissions__codename": codename,
                f"{prefix}user_permissions__content_type__app_label": app_label,
            }
        )
        | Q(
            **{
                f"{prefix}groups__permissions__codename": codename,
                f"{prefix}groups__permissions__content_type__app_label": app_label,
            }
        )
    )


def is_editor_expression(user_field: str = "user"):
    """An Exists() to annotate rows whose ``user_field`` is an editor (no query per row)."""
    users = get_user_model().objects.filter(editors_q(), is_active=True)
    return Exists(users.filter(pk=OuterRef(user_field)))


def is_editor(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return get_user_model().objects.filter(editors_q(), pk=user.pk).exists()
