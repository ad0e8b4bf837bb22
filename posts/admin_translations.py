"""The admin's view of languages: which posts lack a translation, translated topic names."""

from django.conf import settings
from django.contrib import admin
from django.db.models import OuterRef, Q, StringAgg, Subquery, TextField, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from .models import Post
from .multilingual import TopicTranslation


def group_languages():
    """The language codes of a post's whole translation group, as "en ka ru"."""
    group = OuterRef("translation_group")
    codes = (
        Post.objects.filter(Q(pk=group) | Q(translation_of_id=group))
        .order_by()
        .annotate(one=Value(1))
        .values("one")
        .annotate(codes=StringAgg("language", Value(" ")))
        .values("codes")
    )
    return Subquery(codes, output_field=TextField())


def with_group_languages(queryset):
    return queryset.annotate(
        translation_group=Coalesce("translation_of_id", "pk"), group_languages=group_languages()
    )


class MissingTranslationFilter(admin.SimpleListFilter):
    """ "Missing translation in …": posts whose group has nothing in that language yet."""

    title = _("missing translation in")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return settings.LANGUAGES

    def queryset(self, request, queryset):
        if self.value() in dict(settings.LANGUAGES):
            return queryset.missing_translation(self.value())
        return queryset


@admin.register(TopicTranslation)
class TopicTranslationAdmin(admin.ModelAdmin):
    list_display = ["tag", "language", "name"]
    list_filter = ["language"]
    list_select_related = ["tag"]
    search_fields = ["name", "tag__name"]
    autocomplete_fields = ["tag"]
