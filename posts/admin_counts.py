"""Admin lists that count at most some rows: Django counts every one on each view.

With 100,000 posts or 200,000 comments that COUNT is most of the list's time. Past
the limit the list reads "10000+ posts" and "Select all 10000+ posts" (an action
then applies to every matching row, as Django's does) and its last page link is the
limit's; older rows are reached by filtering or searching. The wording is in
templates/admin/pagination.html and actions.html, Django's own with the "+".
"""

from django.utils.translation import ngettext

from .pagination import CappedPaginator


class CappedCountAdmin:
    count_limit = 10_000

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        return CappedPaginator(queryset, per_page, limit=self.count_limit)

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        cl = getattr(response, "context_data", {}).get("cl")
        if cl is not None and cl.paginator.capped:
            # Django's "All N selected" with N the count the list shows: "10000+".
            response.context_data["selection_note_all"] = ngettext(
                "%(total_count)s selected", "All %(total_count)s selected", cl.result_count
            ) % {"total_count": f"{cl.result_count}+"}
        return response
