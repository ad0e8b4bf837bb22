"""The matching passage of each result, with the reader's words marked.

The passage is escaped first and marked after: PostgreSQL's ts_headline wraps
matches in two private-use characters, which escaping leaves alone and which
then become <mark> tags. Nothing from a post reaches the page unescaped.
"""

from html import unescape

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline
from django.db.models import Func, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..models import Post
from .folding import fold_with_offsets, plain_text

START, STOP = "\ue000", "\ue001"
SNIPPET_CHARS = 240
_TAGS_AND_MARKS = f"<[^>]*>|[{START}{STOP}]"


def marked(text: str) -> SafeString:
    """Escape a passage, then turn the START/STOP pairs into <mark> tags."""
    if text.count(START) != text.count(STOP):  # a cut pair: drop the marks, keep the words
        text = text.replace(START, "").replace(STOP, "")
    html = escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)


def headlines(query: str, posts: list[Post]) -> dict[int, SafeString]:
    """Each listed post's best passage for the query, by post id (one query on PostgreSQL)."""
    if not posts:
        return {}
    if settings.USING_POSTGRES:
        return _postgres_headlines(query, [post.pk for post in posts])
    from . import folded_words

    words = folded_words(query)
    return {post.pk: _snippet(_passage_source(post), words) for post in posts}


def _postgres_headlines(query: str, post_ids: list[int]) -> dict[int, SafeString]:
    from ..multilingual import search_config
    from . import postgres_query

    # The body's tags (and any stray marker characters) become spaces before ts_headline.
    body = Func(
        "body", Value(_TAGS_AND_MARKS), Value(" "), Value("g"),
        function="regexp_replace", output_field=TextField(),
    )  # fmt: skip
    source = Concat("summary", Value(" "), body, output_field=TextField())
    rows = Post.objects.filter(pk__in=post_ids).values_list(
        "pk",
        SearchHeadline(
            source,
            postgres_query(query),
            config=search_config(),
            start_sel=START,
            stop_sel=STOP,
            max_words=35,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
        ),
    )
    # Entities of the sanitised body decoded first, so escape() encodes each once.
    return {pk: marked(" ".join(unescape(text).split())) for pk, text in rows}


def _passage_source(post: Post) -> str:
    text = f"{post.summary} {plain_text(post.body)}"
    return text.replace(START, " ").replace(STOP, " ")


def _snippet(text: str, words: list[str]) -> SafeString:
    """SQLite: about SNIPPET_CHARS around the first match, each folded match marked."""
    folded, offsets = fold_with_offsets(text)
    spans = []
    for word in words:
        start = folded.find(word)
        while start != -1:
            end = start + len(word)
            spans.append((offsets[start], offsets[end - 1] + 1))
            start = folded.find(word, end)
    if not spans:
        return marked(text[:SNIPPET_CHARS] + ("…" if len(text) > SNIPPET_CHARS else ""))
    spans.sort()
    first = spans[0][0]
    begin = max(0, text.rfind(" ", 0, max(0, first - SNIPPET_CHARS // 3)) + 1)
    finish = min(len(text), begin + SNIPPET_CHARS)
    pieces, cursor = [], begin
    for start, end in spans:
        if start < cursor or end > finish:
            continue  # overlapping or beyond the passage
        pieces += [text[cursor:start], START, text[start:end], STOP]
        cursor = end
    pieces.append(text[cursor:finish])
    prefix = "… " if begin else ""
    suffix = " …" if finish < len(text) else ""
    return marked(prefix + "".join(pieces) + suffix)
