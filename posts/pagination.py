from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property

PER_PAGE = 10
# Lists count at most this many items: counting 100,000 posts on every page view
# costs more than the page. Past it the page count reads "N+", and older posts are
# reached through topics, authors, search and the sitemap.
MAX_COUNTED = 2000


class CappedPaginator(Paginator):
    """A paginator whose COUNT stops after MAX_COUNTED rows (a LIMIT the index serves)."""

    @cached_property
    def _counted(self) -> int:
        return self.object_list[: MAX_COUNTED + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._counted, MAX_COUNTED)

    @property
    def capped(self) -> bool:
        return self._counted > MAX_COUNTED


def paginate(request, queryset, per_page: int = PER_PAGE) -> Page:
    """The requested page of a list; out-of-range or junk page numbers fall back safely."""
    return CappedPaginator(queryset, per_page).get_page(request.GET.get("page"))
