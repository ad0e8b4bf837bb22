"""Two revisions side by side, as a readable diff an editor can follow.

Title and summary compare word by word, the body paragraph by paragraph (as
text, tags stripped), topics, authors and files as added and removed lists.
Everything is escaped here: the template prints the result as safe HTML.
"""

import difflib
import re
from dataclasses import dataclass, field
from html import unescape

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|tr|figcaption)>|<br\s*/?>|<hr\s*/?>", re.I)


@dataclass
class FieldDiff:
    label: str
    changed: bool
    html: SafeString = mark_safe("")
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def _mark(kind: str, text: str) -> str:
    return f"<{kind}>{escape(text)}</{kind}>" if text else ""


def inline_diff(old: str, new: str, *, split=str.split, joiner: str = " ") -> SafeString:
    """Old and new merged, removals in <del> and additions in <ins>, all escaped."""
    a, b = split(old or ""), split(new or "")
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape(joiner.join(a[i1:i2])))
            continue
        parts.append(_mark("del", joiner.join(a[i1:i2])))
        parts.append(_mark("ins", joiner.join(b[j1:j2])))
    return mark_safe(joiner.join(part for part in parts if part))


def body_paragraphs(html: str) -> list[str]:
    """The body as text, one entry per paragraph, heading or list item."""
    text = unescape(strip_tags(BLOCK_END.sub("\n", html or "")))
    return [line.strip() for line in text.splitlines() if line.strip()]


def body_diff(old: str, new: str) -> SafeString:
    """Paragraphs that changed, word by word inside each; unchanged ones stay plain."""
    a, b = body_paragraphs(old), body_paragraphs(new)
    blocks = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            blocks += [f"<p>{escape(text)}</p>" for text in a[i1:i2]]
        elif op == "replace" and i2 - i1 == j2 - j1:
            blocks += [
                f"<p>{inline_diff(x, y)}</p>" for x, y in zip(a[i1:i2], b[j1:j2], strict=True)
            ]
        else:
            blocks += [f"<p>{_mark('del', text)}</p>" for text in a[i1:i2]]
            blocks += [f"<p>{_mark('ins', text)}</p>" for text in b[j1:j2]]
    return mark_safe("\n".join(blocks))


def _names(items) -> list[str]:
    return [item if isinstance(item, str) else item.get("title") or item["name"] for item in items]


def list_diff(label, old: list, new: list) -> FieldDiff:
    old_names, new_names = _names(old), _names(new)
    added = [name for name in new_names if name not in old_names]
    removed = [name for name in old_names if name not in new_names]
    reordered = not added and not removed and old_names != new_names
    html = mark_safe(escape(" → ".join(new_names))) if reordered else mark_safe("")
    return FieldDiff(label, bool(added or removed or reordered), html, added, removed)


def compare(old: dict, new: dict) -> list[FieldDiff]:
    """What changed from the older snapshot to the newer one, field by field."""
    diffs = []
    for key, label in (("title", _("Title")), ("summary", _("Summary"))):
        diffs.append(
            FieldDiff(label, old.get(key) != new.get(key), inline_diff(old.get(key), new.get(key)))
        )
    diffs.append(
        FieldDiff(
            _("Body"),
            body_paragraphs(old.get("body")) != body_paragraphs(new.get("body")),
            body_diff(old.get("body"), new.get("body")),
        )
    )
    diffs.append(list_diff(_("Topics"), old.get("topics", []), new.get("topics", [])))
    diffs.append(list_diff(_("Authors"), old.get("authors", []), new.get("authors", [])))
    diffs.append(list_diff(_("Files"), old.get("files", []), new.get("files", [])))
    for key, label in (("status", _("Status")), ("published_at", _("Publication date"))):
        diffs.append(
            FieldDiff(label, old.get(key) != new.get(key), inline_diff(old.get(key), new.get(key)))
        )
    return diffs
