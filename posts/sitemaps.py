from django.contrib.sitemaps import Sitemap

from .models import Author, Post


class PostSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Post.objects.published().newest_first().only("slug", "updated_at")

    def lastmod(self, post):
        return post.updated_at


class AuthorSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Author.objects.filter(posts__in=Post.objects.published()).distinct().only("slug")


SITEMAPS = {"posts": PostSitemap, "authors": AuthorSitemap}
