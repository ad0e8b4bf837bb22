from django.core.paginator import Page, Paginator
from django.db.models import Count, Window
from django.utils.functional import cached_property

PER_PAGE = 10
# Lists count at most this many items: counting 100,000 posts on every page view
# costs more than the page. Past it the page count reads "N+", and older posts are
# reached through topics, authors, search and the sitemap.
MAX_COUNTED = 2000


class CappedPaginator(Paginator):
    """A paginator whose COUNT stops after ``limit`` rows (a LIMIT the index serves).

    With ``narrow``, a page is chosen by its ids first (a scan of a narrow index, not of
    whole rows) and only those rows are loaded: the reader's-language-first order is an
    expression no index holds, so every published post is sorted for each page.
    """

    def __init__(
        self,
        object_list,
        per_page,
        narrow: bool = False,
        limit: int | None = None,
        counted: int | None = None,
    ):
        super().__init__(object_list, per_page)
        self.narrow = narrow
        self.limit = MAX_COUNTED if limit is None else limit
        if counted is not None:  # already known: read with the rows, or kept
            self.counted = counted

    @cached_property
    def counted(self) -> int:
        """Rows counted, up to limit + 1."""
        # Ids only, unordered: any limit + 1 rows count the same, with no sort and
        # no annotation computed (a search's ranks).
        return self.object_list.order_by().values("pk")[: self.limit + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.counted, self.limit)

    @property
    def capped(self) -> bool:
        return self.counted > self.limit

    def page(self, number) -> Page:
        if not self.narrow:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        ids = self.object_list.values("pk")[bottom:top]
        return self._get_page(self.object_list.filter(pk__in=ids), number, self)


def paginate(request, queryset, per_page: int = PER_PAGE, narrow: bool = False) -> Page:
    """The requested page of a list; out-of-range or junk page numbers fall back safely."""
    paginator = CappedPaginator(queryset, per_page, narrow=narrow)
    return paginator.get_page(request.GET.get("page"))


def paginate_ids(request, ids: list, queryset, per_page: int = PER_PAGE) -> Page:
    """The requested page of a list already chosen and ordered as ids (a search's):
    counted by its length, with only the page's rows loaded from ``queryset``."""
    page = Paginator(ids, per_page).get_page(request.GET.get("page"))
    rows = queryset.in_bulk(page.object_list)
    page.object_list = [rows[pk] for pk in page.object_list if pk in rows]
    return page


def paginate_counted(request, queryset, per_page: int = PER_PAGE) -> Page:
    """The requested page and the list's length in one query (COUNT(*) OVER ()).

    For lists small by nature, such as a member's saved posts: the window counts
    every row, where paginate() stops counting at MAX_COUNTED. A number past the
    end, or junk, falls back to paginate() and lands where it would.
    """
    try:
        number = int(request.GET.get("page") or 1)
    except ValueError:
        number = 0
    if number < 1:
        return paginate(request, queryset, per_page)
    bottom = (number - 1) * per_page
    rows = list(queryset.annotate(list_length=Window(Count("pk")))[bottom : bottom + per_page])
    if not rows and number > 1:
        return paginate(request, queryset, per_page)
    return counted_page(rows, number, rows[0].list_length if rows else 0, per_page)


def counted_page(rows: list, number: int, length: int, per_page: int = PER_PAGE) -> Page:
    """A page whose rows and list length are already known (read with them, or kept)."""
    return Page(rows, number, CappedPaginator(rows, per_page, counted=length))
