"""A small HTML inspector for the site-wide guard tests."""

from html.parser import HTMLParser

DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class PageInspector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.h1_count = 0
        self.titles: list[str] = []
        self.in_title = False
        self.style_attributes: list[str] = []
        self.event_handlers: list[str] = []
        self.inline_scripts: list[str] = []
        self.style_elements = 0
        self.images_without_alt: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "h1":
            self.h1_count += 1
        elif tag == "title":
            self.in_title = True
            self.titles.append("")
        elif tag == "style":
            self.style_elements += 1
        elif tag == "script" and "src" not in attributes:
            if attributes.get("type") not in DATA_SCRIPT_TYPES:
                self.inline_scripts.append(str(attributes))
        elif tag == "img" and "alt" not in attributes:
            self.images_without_alt.append(attributes.get("src", ""))
        for name, _value in attrs:
            if name == "style":
                self.style_attributes.append(tag)
            if name.startswith("on"):
                self.event_handlers.append(f"{tag} {name}")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.titles[-1] += data


def inspect_html(text: str) -> PageInspector:
    inspector = PageInspector()
    inspector.feed(text)
    inspector.close()
    return inspector
