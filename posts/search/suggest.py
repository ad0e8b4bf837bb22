"""'Did you mean …?' for a search that found nothing: a close topic, author or title.

PostgreSQL compares with pg_trgm's word similarity (titles through a trigram
index, posts migration 0011); SQLite with difflib over a bounded list of names,
recent titles and their words.
"""

import difflib

from django.conf import settings
from django.contrib.postgres.search import TrigramWordSimilarity
from taggit.models import Tag

from ..models import Author, Post
from .folding import fold

CANDIDATES = 500  # per kind, on SQLite
MIN_SIMILARITY = 0.5
PUNCTUATION = ".,:;!?()\"'«»“”"


def did_you_mean(query: str) -> str | None:
    """A spelling close to the query that is not the query itself, or None."""
    if not query:
        return None
    found = _postgres(query) if settings.USING_POSTGRES else _sqlite(query)
    return found if found and fold(found) != fold(query) else None


def _sources():
    return [
        (Tag.objects.all(), "name"),
        (Author.objects.published(), "name"),
        (Post.objects.published(), "title"),
    ]


def _postgres(query: str) -> str | None:
    best, best_score = None, MIN_SIMILARITY
    for queryset, field in _sources():
        row = (
            queryset.filter(**{f"{field}__trigram_word_similar": query})
            .annotate(similarity=TrigramWordSimilarity(query, field))
            .order_by("-similarity")
            .values_list(field, "similarity")
            .first()
        )
        if row and row[1] > best_score:
            best, best_score = row
    return best


def _sqlite(query: str) -> str | None:
    candidates: dict[str, str] = {}
    for queryset, field in _sources():
        # Posts newest first (Meta.ordering): recent titles are the likeliest targets.
        for text in queryset.values_list(field, flat=True)[:CANDIDATES]:
            candidates.setdefault(fold(text), text)
            for word in (word.strip(PUNCTUATION) for word in text.split()):
                if len(word) > 3:
                    candidates.setdefault(fold(word), word)
    close = difflib.get_close_matches(fold(query), candidates, n=1, cutoff=0.75)
    return candidates[close[0]] if close else None
