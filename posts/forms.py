"""The search page's form: the words, and what narrows or orders the results."""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from .models import Author
from .search import NEWEST, RELEVANCE, Filters, clean_query


class DateInput(forms.DateInput):
    input_type = "date"


class LongSelect(forms.Select):
    """A select of many options (2,000 authors), written directly.

    Django renders each option through a template: 0.2 ms an option, 400 ms for the
    authors' list at 100,000 posts, where this takes a few. The standard library's
    escape(), the one Django's wraps: the wrapper's lazy-string check cost 1 µs a call.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = "".join(
            f'<option value="{escape(str(option))}"{" selected" if str(option) in chosen else ""}>'
            f"{escape(str(label))}</option>"
            for option, label in self.choices
        )
        final_attrs = flatatt(self.build_attrs(self.attrs, attrs))
        return format_html('<select name="{}"{}>{}</select>', name, final_attrs, mark_safe(options))


class NamedChoices(forms.models.ModelChoiceIterator):
    """(slug, name) pairs read as values: no model instance built for each option."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.queryset.values_list(self.field.to_field_name, "name")


class NamedChoiceField(forms.ModelChoiceField):
    """A choice among many named rows (topics, authors), for LongSelect."""

    iterator = NamedChoices
    widget = LongSelect


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Words to look for"), required=False)
    topic = NamedChoiceField(
        Tag.objects.order_by("name"), to_field_name="slug", required=False,
        label=_("Topic"), empty_label=_("All topics"),
    )  # fmt: skip
    author = NamedChoiceField(
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
