"""sitemap.xml: the public pages only, every list starting from Post.objects.published()."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .feeds import published_topics
from .models import Author, Post


class PostSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Post.objects.published().only("slug", "updated_at")

    def lastmod(self, post):
        return post.updated_at


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
