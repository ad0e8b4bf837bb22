"""sitemap.xml: the public pages only, every list starting from Post.objects.published().

Lists, topics and authors exist in every interface language: each is listed at
its eight addresses, each address with hreflang alternates for all eight and
x-default (the English one). A post is listed once, at its address in its own
language, with its published translations as alternates (x-default: the English
one, else the original).

The XML is written directly, not through Django's sitemap framework: its
paginator counts every row for each file, and its template and per-address
reverse() cost seconds at 100,000 posts. Posts are filed by id: file p holds the
published posts with ids (p - 1) * 1,000 + 1 to p * 1,000, read from the index-only
partial index post_sitemap_idx. A post never moves to another file, any file costs
the same (an OFFSET read 95,000 ids for the last one), and the index finds the
number of files from the highest published id instead of counting every post (two
thirds of its time at 100,000 posts). Drafts and deleted posts leave their file
shorter, and a range with none published an empty one. Topics and authors: 200
addresses a file (25 by slug, each in eight languages with nine links). The index
names every file: sitemap-posts.xml, sitemap-posts.xml?p=2, ...
"""

from urllib.parse import quote

from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.db.models import Q
from django.db.models.functions import TruncDate
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from .feeds import published_topics
from .models import Author, Post

SLUG = "sitemap-slug"  # stands in for every item's slug in an address template
XMLNS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
URLSET = f'<urlset {XMLNS} xmlns:xhtml="http://www.w3.org/1999/xhtml">'


def address_template(url_name: str, language: str, slug: bool = True) -> str:
    """The path of ``url_name`` in ``language``, with SLUG where the item's slug goes."""
    with translation.override(language):
        return reverse(url_name, kwargs={"slug": SLUG} if slug else None)


def url_entry(location: str, changefreq: str, alternates=(), lastmod=None, priority=None):
    # One f-string per address: a file holds 1,000 of them.
    dated = f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else ""
    weight = f"<priority>{priority}</priority>" if priority else ""
    links = "".join(
        f'<xhtml:link rel="alternate" hreflang="{code}" href="{href}"/>'
        for code, href in alternates
    )
    return (
        f"<url><loc>{location}</loc>{dated}<changefreq>{changefreq}</changefreq>"
        f"{weight}{links}</url>"
    )


class I18nSitemap:
    """Items listed in every interface language: ``items()`` gives their slugs."""

    changefreq = "weekly"
    priority = None
    limit = 200  # addresses per file: 25 items in eight languages, nine links each
    url_name = ""

    def items(self):
        raise NotImplementedError

    @classmethod
    def per_file(cls) -> int:
        return max(1, cls.limit // len(settings.LANGUAGES))

    def files(self) -> int:
        return max(1, -(-self.items().count() // self.per_file()))

    def page(self, number: int) -> list:
        start = (number - 1) * self.per_file()
        return list(self.items()[start : start + self.per_file()])

    def paths(self, items) -> list[dict[str, str]]:
        """Each item's path in every language (reverse() once per language, not per item)."""
        languages = [code for code, _ in settings.LANGUAGES]
        templates = {code: address_template(self.url_name, code) for code in languages}
        return [
            {code: template.replace(SLUG, quote(slug)) for code, template in templates.items()}
            for slug in items
        ]

    def entries(self, origin: str, number: int) -> list[str]:
        items = self.page(number)
        if number > 1 and not items:
            raise Http404("No such sitemap page")
        entries = []
        for paths in self.paths(items):
            addresses = [(code, origin + escape(path)) for code, path in paths.items()]
            alternates = addresses + [("x-default", dict(addresses)[settings.LANGUAGE_CODE])]
            entries += [
                url_entry(href, self.changefreq, alternates, priority=self.priority)
                for _, href in addresses
            ]
        return entries


class AuthorSitemap(I18nSitemap):
    changefreq = "monthly"
    url_name = "posts:author"

    def items(self):
        return Author.objects.published().order_by("slug").values_list("slug", flat=True)


class TopicSitemap(I18nSitemap):
    url_name = "posts:topic"

    def items(self):
        return published_topics().order_by("slug").values_list("slug", flat=True)


class ListPagesSitemap(I18nSitemap):
    changefreq = "daily"
    priority = 0.6
    names = ["posts:latest", "posts:trending"]

    def files(self) -> int:
        return 1

    def page(self, number: int) -> list[str]:
        return self.names if number == 1 else []

    def paths(self, items) -> list[dict[str, str]]:
        languages = [code for code, _ in settings.LANGUAGES]
        return [
            {code: address_template(name, code, slug=False) for code in languages} for name in items
        ]


class PostSitemap:
    """Each published post once, at its own language's address, by id: ``limit`` ids a file."""

    changefreq = "weekly"
    limit = 1000  # ids (at most as many posts) per file
    # All in the index; the last change's date where the site is (TIME_ZONE, as Django's
    # sitemaps show it) is worked out by the database, not per post in Python.
    columns = ("pk", "slug", TruncDate("updated_at"), "language", "translation_of_id")

    @classmethod
    def file_of(cls, post_id: int) -> int:
        """The number of the file that lists the post (?p=)."""
        return (post_id - 1) // cls.limit + 1

    def files(self) -> int:
        last = Post.objects.published().order_by("-pk").values_list("pk", flat=True).first()
        return self.file_of(last) if last else 1

    def entries(self, origin: str, number: int) -> list[str]:
        ids = {"pk__gt": (number - 1) * self.limit, "pk__lte": number * self.limit}
        posts = list(
            Post.objects.published().filter(**ids).order_by("pk").values_list(*self.columns)
        )
        if not posts and number > self.files():  # an empty range within is an empty file
            raise Http404("No such sitemap page")
        templates = {
            code: origin + address_template("posts:detail", code) for code, _ in settings.LANGUAGES
        }

        def address(post):
            return templates[post[3]].replace(SLUG, post[1])

        groups = self.translation_groups(posts)
        entries = []
        for post in posts:
            members = groups.get(post[4] or post[0], [])
            alternates = []
            if len(members) > 1:
                alternates = [(other[3], address(other)) for other in members]
                default = next(
                    (p for p in members if p[3] == settings.LANGUAGE_CODE),
                    next((p for p in members if p[4] is None), members[0]),
                )
                alternates.append(("x-default", address(default)))
            entries.append(url_entry(address(post), self.changefreq, alternates, post[2]))
        return entries

    def translation_groups(self, posts) -> dict[int, list[tuple]]:
        """The published posts of each translation group on the page, in one query.

        The page's originals are named by its id range, not one by one: a list of 1,000
        ids made the query cost more to send and plan (8 ms) than to run.
        """
        of_translations = {post[4] for post in posts if post[4] is not None}
        groups = {}
        if not posts:
            return groups
        related = (
            Q(translation_of__gte=posts[0][0], translation_of__lte=posts[-1][0])
            | Q(translation_of_id__in=of_translations)
            | Q(pk__in=of_translations)
        )
        others = Post.objects.published().filter(related).order_by("pk").values_list(*self.columns)
        for other in others:
            groups.setdefault(other[4] or other[0], []).append(other)
        for post in posts:  # a group with no other published post has one member
            members = groups.setdefault(post[4] or post[0], [])
            if post not in members:
                members.append(post)
        return groups


SITEMAPS = {
    "pages": ListPagesSitemap,
    "posts": PostSitemap,
    "topics": TopicSitemap,
    "authors": AuthorSitemap,
}


def xml_response(body: str) -> HttpResponse:
    response = HttpResponse(
        f'<?xml version="1.0" encoding="UTF-8"?>\n{body}', content_type="application/xml"
    )
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


def origin_of(request) -> str:
    return f"{request.scheme}://{escape(get_current_site(request).domain)}"


def index(request):
    """sitemap.xml: one file per section and page of ``limit`` addresses."""
    files = []
    for section, sitemap in SITEMAPS.items():
        location = origin_of(request) + reverse("sitemap_section", kwargs={"section": section})
        pages = sitemap().files()
        files += [location] + [f"{location}?p={number}" for number in range(2, pages + 1)]
    body = "".join(f"<sitemap><loc>{location}</loc></sitemap>" for location in files)
    return xml_response(f"<sitemapindex {XMLNS}>{body}</sitemapindex>")


def section(request, section: str):
    """One sitemap file: ?p=2 and on are the section's further pages."""
    if section not in SITEMAPS:
        raise Http404("No such sitemap")
    try:
        number = int(request.GET.get("p", 1))
    except ValueError:
        raise Http404("No such sitemap page") from None
    if number < 1:
        raise Http404("No such sitemap page")
    entries = SITEMAPS[section]().entries(origin_of(request), number)
    return xml_response(URLSET + "".join(entries) + "</urlset>")
