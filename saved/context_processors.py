from django.utils.functional import SimpleLazyObject

from .saving import saved_post_ids


def saved_posts(request):
    """`saved_post_ids`: the ids of the member's saved posts, for every Save toggle.

    Lazy and evaluated once per response from a per-member cache entry, so a page
    with any number of cards costs at most one query, and a page without cards none.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"saved_post_ids": frozenset()}
    return {"saved_post_ids": SimpleLazyObject(lambda: saved_post_ids(user))}
