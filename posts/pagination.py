from django.core.paginator import Page, Paginator

PER_PAGE = 10


def paginate(request, queryset, per_page: int = PER_PAGE) -> Page:
    """The requested page of a list; out-of-range or junk page numbers fall back safely."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
