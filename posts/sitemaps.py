"""sitemap.xml: the public pages only, every list starting from Post.objects.published().

Lists, topics and authors exist in every interface language: Django's i18n
sitemaps give each its eight addresses with hreflang alternates and x-default.
A post is listed once, at its address in its own language, with its published
translations as alternates (x-default: the English one, else the original).
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.urls import reverse

from .feeds import published_topics
from .models import Author, Post


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PostSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000  # URLs per sitemap file; the index lists the pages (?p=2, …)

    def items(self):
        return Post.objects.published().only("slug", "updated_at", "language", "translation_of_id")

    def location(self, post):
        return post.get_own_language_url()

    def lastmod(self, post):
        return post.updated_at

    def get_latest_lastmod(self):
        # Django's default calls lastmod() on every post; the index's lastmod is optional.
        return None

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        groups = {}
        posts = [url["item"] for url in urls]
        group_ids = {post.translation_group_id for post in posts}
        # One query for the translations of the whole page of posts.
        related = Q(pk__in=group_ids) | Q(translation_of_id__in=group_ids)
        for other in (
            Post.objects.published().filter(related).only("slug", "language", "translation_of_id")
        ):
            groups.setdefault(other.translation_group_id, []).append(other)
        for url in urls:
            members = groups.get(url["item"].translation_group_id, [])
            if len(members) < 2:
                continue
            url["alternates"] = [
                {"location": origin + p.get_own_language_url(), "lang_code": p.language}
                for p in members
            ]
            default = next(
                (p for p in members if p.language == settings.LANGUAGE_CODE),
                next(p for p in members if p.pk == p.translation_group_id),
            )
            url["alternates"].append(
                {"location": origin + default.get_own_language_url(), "lang_code": "x-default"}
            )
        return urls


class AuthorSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return Author.objects.published().only("slug").order_by("slug")


class TopicSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return published_topics().order_by("slug")

    def location(self, tag):
        return reverse("posts:topic", kwargs={"slug": tag.slug})


class ListPagesSitemap(I18nSitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["posts:latest", "posts:trending"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": ListPagesSitemap,
    "posts": PostSitemap,
    "topics": TopicSitemap,
    "authors": AuthorSitemap,
}
