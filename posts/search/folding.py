"""Accent- and case-folding of text, for the search copy SQLite matches against.

PostgreSQL folds with its ``unaccent`` dictionary inside the text search
configuration; this is the same idea in Python: "Marković" and "markovic" fold
to the same letters.
"""

import re
import unicodedata
from html import unescape

from django.utils.html import strip_tags

# Letters that carry no combining mark to strip, but that unaccent maps anyway.
_LETTERS = str.maketrans(
    {"đ": "d", "ð": "d", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i"}
)
_BLOCK_START = re.compile(r"<(?=[a-z/])")


def fold(text: str) -> str:
    """Case-folded, without accents: NFKD, combining marks dropped, a few letters mapped."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).translate(
        _LETTERS
    )


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """fold(text), and for each folded character the index of the character it came from.

    A match found in the folded text can then be cut from the original, accents and all.
    """
    folded, offsets = [], []
    for index, char in enumerate(text):
        piece = fold(char)
        folded.append(piece)
        offsets.extend([index] * len(piece))
    return "".join(folded), offsets


def plain_text(html: str) -> str:
    """The words of sanitised post HTML: tags out (blocks keep a space apart), entities decoded."""
    return " ".join(unescape(strip_tags(_BLOCK_START.sub(" <", html or ""))).split())
