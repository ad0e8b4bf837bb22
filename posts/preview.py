"""Preview: who may see posts readers cannot see yet, and how such pages are served.

A permission, not ``is_staff``: moderators are staff too, and must not read drafts
or download their files. Editors hold it through the Editors group.
"""

from django.utils.cache import add_never_cache_headers

PREVIEW_PERMISSION = "posts.change_post"


def can_preview(user) -> bool:
    """May this user see drafts, scheduled posts and authors not yet public?

    Only the editorial desk (staff) holds it; asking is_staff first spares members,
    most of the requests, the two permission queries.
    """
    return user.is_staff and user.has_perm(PREVIEW_PERMISSION)


def never_cache_preview(response, *, is_preview: bool):
    """A preview is for one editor: no browser or shared cache may keep it."""
    if is_preview:
        add_never_cache_headers(response)
    return response
