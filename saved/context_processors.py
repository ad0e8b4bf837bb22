from django.utils.functional import SimpleLazyObject

from .models import SavedPost


def saved_posts(request):
    """`saved_post_ids`: the ids of the member's saved posts, for every Save toggle.

    Lazy and evaluated once per response, so a page with any number of cards
    costs one query, and a page without cards costs none.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"saved_post_ids": frozenset()}
    return {
        "saved_post_ids": SimpleLazyObject(
            lambda: frozenset(SavedPost.objects.of(user).values_list("post_id", flat=True))
        )
    }
