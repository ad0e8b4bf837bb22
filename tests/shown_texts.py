"""What a reader sees of a page, for comparing a page in a language with its English one:
text that comes out the same as in English, and has words in it, was not translated."""

import re
from html.parser import HTMLParser

from django.conf import settings
from django.utils.translation import get_language_info

SHOWN_ATTRIBUTES = {"placeholder", "title", "aria-label", "alt"}
# The same in every language: names, addresses, the brand and the language switcher's
# own entries (each language is named in itself).
SAME_EVERYWHERE = {"Wanda Walker", "walker@example.org", "PDF", "JSON", "Ctrl+P", "Cmd+P"}

# Words a language writes as English does.
ALSO_ENGLISH = {"ro": {"Contact", "Browser"}}
# The language switcher names each language in itself.
OWN_NAMES = {get_language_info(code)["name_local"] for code, _ in settings.LANGUAGES} | {
    settings.SITE_NAME,
    settings.CONTACT_EMAIL,
}


class ShownTexts(HTMLParser):
    """The texts a reader sees or hears: text nodes and label-like attributes."""

    def __init__(self):
        super().__init__()
        self.skipping = 0
        self.texts: set[str] = set()

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "option"}:
            self.skipping += 1
        for name, value in attrs:
            if value and (
                name in SHOWN_ATTRIBUTES
                or (tag == "input" and name == "value" and ("type", "submit") in attrs)
                or (name == "content" and ("name", "description") in attrs)
            ):
                self.add(value)

    def handle_endtag(self, tag):
        if tag in {"script", "style", "option"}:
            self.skipping = max(0, self.skipping - 1)

    def handle_data(self, data):
        if not self.skipping:
            self.add(data)

    def add(self, text):
        text = " ".join(text.split())
        for same in sorted(SAME_EVERYWHERE | OWN_NAMES, key=len, reverse=True):
            text = text.replace(same, "")
        # Words of three letters or more, in the Latin script English is written in.
        if re.search(r"[A-Za-z]{3,}", text):
            self.texts.add(text)


def shown_texts(html: str) -> set[str]:
    parser = ShownTexts()
    parser.feed(html)
    return parser.texts
