"""sitemap.xml: the public pages only, every list starting from Post.objects.published()."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .feeds import published_topics
from .models import Author, Post


class PostSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000  # URLs per sitemap file; the index lists the pages (?p=2, …)

    def items(self):
        return Post.objects.published().only("slug", "updated_at")

    def lastmod(self, post):
        return post.updated_at

    def get_latest_lastmod(self):
        # Django's default calls lastmod() on every post; the index's lastmod is optional.
        return None


class AuthorSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Author.objects.published().only("slug").order_by("slug")


class TopicSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return published_topics().order_by("slug")

    def location(self, tag):
        return reverse("posts:topic", kwargs={"slug": tag.slug})


class ListPagesSitemap(Sitemap):
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
