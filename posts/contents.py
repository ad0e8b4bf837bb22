"""A long post's table of contents, from its h2 and h3 headings.

The body is sanitised on save and headings carry no attributes (posts.sanitize), so
ids are added here, at render time, slugified and unique, prefixed so that no
heading can take an id the page itself uses ("comments", "main").
"""

import re
from dataclasses import dataclass
from html import unescape

from django.utils.html import strip_tags
from django.utils.text import slugify

MIN_HEADINGS = 3
HEADING = re.compile(r"<(h[23])>(.*?)</\1>", re.DOTALL)


@dataclass(frozen=True)
class Entry:
    level: int
    anchor: str
    text: str


def with_contents(body: str) -> tuple[str, list[Entry]]:
    """The body with ids on its h2/h3 headings, and the contents (empty when short)."""
    entries: list[Entry] = []
    used: set[str] = set()

    def add_id(match: re.Match) -> str:
        tag, inner = match.group(1), match.group(2)
        text = " ".join(unescape(strip_tags(inner)).split())
        base = f"section-{slugify(text, allow_unicode=True) or len(entries) + 1}"
        anchor, n = base, 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        entries.append(Entry(int(tag[1]), anchor, text))
        return f'<{tag} id="{anchor}">{inner}</{tag}>'

    html = HEADING.sub(add_id, body or "")
    if len(entries) < MIN_HEADINGS:
        return body, []
    return html, entries
