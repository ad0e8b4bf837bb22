"""The search page's form: the words, and what narrows or orders the results."""

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from .models import Author
from .search import NEWEST, RELEVANCE, Filters, clean_query


class DateInput(forms.DateInput):
    input_type = "date"


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Words to look for"), required=False)
    topic = forms.ModelChoiceField(
        Tag.objects.order_by("name"), to_field_name="slug", required=False,
        label=_("Topic"), empty_label=_("All topics"),
    )  # fmt: skip
    author = forms.ModelChoiceField(
        Author.objects.published(), to_field_name="slug", required=False,
        label=_("Author"), empty_label=_("All authors"),
    )  # fmt: skip
    since = forms.DateField(label=_("Published from"), required=False, widget=DateInput)
    until = forms.DateField(label=_("Published until"), required=False, widget=DateInput)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=[(RELEVANCE, _("Best match")), (NEWEST, _("Newest first"))],
        required=False,
    )

    def clean_q(self) -> str:
        return clean_query(self.cleaned_data["q"])

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date comes before the start date."))
        return data

    @property
    def query(self) -> str:
        """The cleaned words; junk in the other fields never hides the results."""
        return self.cleaned_data.get("q", "") if self.is_bound else ""

    @property
    def filters(self) -> Filters:
        data = self.cleaned_data if self.is_bound else {}
        return Filters(
            topic=data.get("topic"),
            author=data.get("author"),
            since=data.get("since"),
            until=data.get("until") if "until" not in self.errors else None,
            sort=data.get("sort") or RELEVANCE,
        )
