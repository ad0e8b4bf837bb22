"""Full-text search: ranked, accent-insensitive, on PostgreSQL and on SQLite.

PostgreSQL matches the stored weighted vector (posts.search.index) with a
``websearch`` query and ranks with ts_rank. SQLite matches every folded word
against ``Post.search_text`` and scores where it falls: title, summary, rest.
Both rank only the newest MAX_RESULTS matches, so a common word stays cheap.
"""

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import StrIndex
from django.db.models.lookups import GreaterThan, LessThan
from django.utils import timezone

from ..models import Post
from ..multilingual import SEARCH_CONFIGS, UNACCENT, search_config
from .folding import fold
from .index import END_OF_SUMMARY, END_OF_TITLE, update_search_vectors

__all__ = ["Filters", "clean_query", "ranked_ids", "search_posts", "update_search_vectors"]

MAX_QUERY_LENGTH = 200
# Only the newest matches are ranked and counted: a word in every other post would
# otherwise rank and count tens of thousands of rows for a page of ten.
MAX_RESULTS = 1000
MAX_WORDS = 10
RELEVANCE, NEWEST = "relevance", "newest"
# SQLite's score for a word, by where its first occurrence falls.
TITLE_SCORE, SUMMARY_SCORE, OTHER_SCORE = 4, 2, 1


@dataclass(frozen=True)
class Filters:
    """What narrows a search besides its words (posts.forms.SearchForm cleans them)."""

    topic: object = None  # a taggit Tag
    author: object = None  # an Author
    since: date | None = None
    until: date | None = None
    sort: str = RELEVANCE

    def apply(self, posts):
        if self.topic is not None:
            posts = posts.filter(tags=self.topic)
        if self.author is not None:
            posts = posts.filter(post_authors__author=self.author)
        if self.since:
            posts = posts.filter(published_at__gte=_start_of(self.since))
        if self.until:
            posts = posts.filter(published_at__lt=_start_of(self.until + timedelta(days=1)))
        return posts


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def clean_query(raw: str | None) -> str:
    """Trim, collapse whitespace and cap the length; absurd input becomes harmless.

    Control characters become spaces first: PostgreSQL refuses NUL in a string,
    SQLite's LIKE stops at it, and search_text uses two as section marks.
    """
    printable = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in raw or "")
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def folded_words(query: str) -> list[str]:
    """The words SQLite looks for: folded; one-letter words would match nearly every post."""
    return [word for word in fold(query).split() if len(word) > 1][:MAX_WORDS]


def postgres_query(query: str) -> SearchQuery:
    # Each post is ranked with its own language's configuration.
    return SearchQuery(query, search_type="websearch", config=search_config())


def postgres_match(query: str) -> Q:
    """Posts matching the query in their own language's configuration.

    One query per configuration, each a constant the GIN index can use (or the
    newest-first scan can test cheaply), for the languages it serves: a query
    whose configuration comes from each row's language is parsed again for every
    post and scans them all (470 ms at 100,000 posts against 8-10 ms).
    """
    match = Q()
    for config, languages in configurations():
        words = SearchQuery(query, search_type="websearch", config=UNACCENT.format(config))
        match |= languages & Q(search_vector=words)
    return match


def configurations() -> list[tuple[str, Q]]:
    """Each configuration and the languages it serves; "simple" every language without one."""
    served = {}
    for code, config in SEARCH_CONFIGS.items():
        served.setdefault(config, []).append(code)
    return [(config, Q(language__in=codes)) for config, codes in served.items()] + [
        ("simple", ~Q(language__in=list(SEARCH_CONFIGS)))
    ]


def matches_and_rank(query: str, filters: Filters):
    """(published posts matching the query, newest first; their rank), or None."""
    posts = filters.apply(Post.objects.published())
    if not query:
        return None
    if settings.USING_POSTGRES:
        # F(), not the bare name: a string would be re-parsed with to_tsvector(),
        # losing the stored A-D weights and ranking a title like a body.
        rank = SearchRank(F("search_vector"), postgres_query(query))
        return posts.filter(postgres_match(query)), rank
    words = folded_words(query)
    if not words:
        return None
    for word in words:
        posts = posts.filter(search_text__contains=word)
    return posts, sqlite_score(words)


def ranked_ids(query: str, filters: Filters = Filters()) -> list[int]:
    """Ids of the published posts matching the query, best match first (or newest first,
    by the filters), among the newest MAX_RESULTS matches: the one place search orders.

    Read once with their rank from one narrow query and sorted here; a page then loads
    only its own ten rows (posts.pagination.paginate_ids). Ordering the whole rows in
    SQL scanned the matches twice (the count, then the page): 28 ms against 17 ms at
    100,000 posts.
    """
    found = matches_and_rank(query, filters)
    if found is None:
        return []
    matches, rank = found
    rows = matches.annotate(rank=rank).values_list("pk", "published_at", "rank")[:MAX_RESULTS]
    if filters.sort != NEWEST:  # as order_by("-rank", "-published_at", "-pk")
        rows = sorted(rows, key=lambda row: (row[2], row[1], row[0]), reverse=True)
    return [row[0] for row in rows]


def search_posts(query: str, filters: Filters = Filters()) -> list[Post]:
    """The posts of ranked_ids(), loaded in its order (for scripts and tests: the search
    page loads one page of them)."""
    ids = ranked_ids(query, filters)
    found = Post.objects.in_bulk(ids)
    return [found[pk] for pk in ids]


def sqlite_score(words: list[str]):
    """Per word: 4 if it first appears in the title, 2 in the summary, 1 elsewhere."""
    title_end = StrIndex("search_text", Value(END_OF_TITLE))
    summary_end = StrIndex("search_text", Value(END_OF_SUMMARY))
    score = Value(0)
    for word in words:
        position = StrIndex("search_text", Value(word))
        score += Case(
            When(LessThan(position, title_end), then=Value(TITLE_SCORE)),
            When(GreaterThan(summary_end, position), then=Value(SUMMARY_SCORE)),
            default=Value(OTHER_SCORE),
            output_field=IntegerField(),
        )
    return score
