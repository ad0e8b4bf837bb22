"""Posts in several languages: translation groups, translated topic names, search configs.

A translation group is an original post and the posts whose ``translation_of``
points at it (one level: a translation of a translation joins the original's
group). Topic names are translated per language by editors (TopicTranslation).
"""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Value, When
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# PostgreSQL text-search configuration per post language; "simple" (no stemming,
# no stop words) where PostgreSQL ships none: Ukrainian, Albanian, Georgian.
SEARCH_CONFIGS = {
    "en": "english",
    "ru": "russian",
    "ro": "romanian",
    "sr-latn": "serbian",
    "hy": "armenian",
}


# Each configuration is used through its accent-folding copy, "<name>_unaccent"
# (posts migration 0011: unaccent before stemming, so "markovic" finds "Marković").
UNACCENT = "{}_unaccent"


def search_config(language_field: str = "language"):
    """The row's text-search configuration, from its language column."""
    return Case(
        *[
            When(**{language_field: code}, then=Value(UNACCENT.format(config)))
            for code, config in SEARCH_CONFIGS.items()
        ],
        default=Value(UNACCENT.format("simple")),
        output_field=models.CharField(),
    )


def in_language_order(posts):
    """Posts sorted as LANGUAGES lists their languages (English, Russian, ...)."""
    order = Case(
        *[When(language=code, then=Value(i)) for i, code in enumerate(LANGUAGE_CODES)],
        default=Value(len(LANGUAGE_CODES)),
    )
    return posts.alias(language_order=order).order_by("language_order", "pk")


def clean_translation_of(post) -> None:
    """Groups stay one level deep and hold one post per language."""
    original = post.translation_of
    if original is None:
        return
    if original.translation_of_id:
        original = post.translation_of = original.translation_of
    if post.pk and (original.pk == post.pk or post.translations.exists()):
        raise ValidationError(
            {"translation_of": _("An original post cannot itself be a translation.")}
        )
    same_language = type(post).objects.in_group(original.pk).filter(language=post.language)
    if same_language.exclude(pk=post.pk).exists():
        raise ValidationError(
            {"language": _("This post's translation group already has a post in this language.")}
        )


class TopicTranslation(models.Model):
    """A topic's name in another language; the topic's own name is the fallback."""

    tag = models.ForeignKey(
        Tag, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        app_label = "posts"
        verbose_name = _("topic translation")
        verbose_name_plural = _("topic translations")
        ordering = ["tag__name", "language"]
        constraints = [
            models.UniqueConstraint(fields=["tag", "language"], name="one_name_per_topic_language")
        ]

    def __str__(self):
        return f"{self.name} ({self.language})"


def _names_key(language: str) -> str:
    return f"topic-names:{language}"


def topic_names(language: str | None = None) -> dict[str, str]:
    """{slug: translated name} for one language, cached until an editor changes one."""
    language = language or get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return {}  # topics are named in the site's language to begin with
    names = cache.get(_names_key(language))
    if names is None:
        names = dict(
            TopicTranslation.objects.filter(language=language).values_list("tag__slug", "name")
        )
        cache.set(_names_key(language), names, None)
    return names


def forget_topic_names(sender, instance, **kwargs) -> None:
    cache.delete_many([_names_key(code) for code in LANGUAGE_CODES])


models.signals.post_save.connect(forget_topic_names, sender=TopicTranslation)
models.signals.post_delete.connect(forget_topic_names, sender=TopicTranslation)
models.signals.post_save.connect(forget_topic_names, sender=Tag)
