"""RSS and Atom feeds: latest posts, per topic, per author. Published posts only.

Each language has its own feeds (/feeds/latest/ English, /ru/feeds/latest/ Russian,
...): a feed lists the posts written in its language and says so in <language>.
"""

from copy import copy

from django.contrib.syndication.views import Feed
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from portal.absolute import absolute_url

from .models import Author, Post

FEED_SIZE = 20


def published_topics():
    """Topics carried by at least one published post: a draft's topics stay unknown.

    A subquery per topic stops at its first published post; a join with DISTINCT, or
    an EXISTS (which PostgreSQL turns into a semi-join), reads every topic link:
    0.3 ms against 80 ms at 100,000 posts.
    """
    first = Post.objects.published().filter(tags=OuterRef("pk")).order_by().values("pk")[:1]
    return Tag.objects.alias(first_post=Subquery(first)).filter(first_post__isnull=False)


class LatestPostsFeed(Feed):
    title = _("Latest posts")
    description = _("The newest learning briefs, good practices and field notes.")
    request = None

    def get_feed(self, obj, request):
        # One instance serves every request: a copy carries this request for absolute_url.
        feed = copy(self)
        feed.request = request
        return Feed.get_feed(feed, obj, request)

    def link(self):
        return absolute_url(reverse("posts:latest"), self.request)

    def item_link(self, post):
        return absolute_url(post.get_absolute_url(), self.request)

    def posts(self):
        """Published posts in the feed's language (Feed.language defaults to it too)."""
        return Post.objects.published().filter(language=get_language())

    def items(self):
        return self.posts().with_card_data()[:FEED_SIZE]

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        return post.summary

    def item_pubdate(self, post):
        return post.published_at

    def item_updateddate(self, post):
        return post.updated_at

    def item_author_name(self, post):
        return ", ".join(author.name for author in post.ordered_authors) or None

    def item_categories(self, post):
        return [tag.name for tag in post.tags.all()]


class LatestPostsAtomFeed(LatestPostsFeed):
    feed_type = Atom1Feed
    subtitle = LatestPostsFeed.description


class TopicFeed(LatestPostsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(published_topics(), slug=slug)

    def title(self, tag):
        return _("Posts on %(topic)s") % {"topic": tag.name}

    def link(self, tag):
        return absolute_url(reverse("posts:topic", kwargs={"slug": tag.slug}), self.request)

    def description(self, tag):
        return self.title(tag)

    def items(self, tag):
        # By id: the planner knows how common the topic is.
        return self.posts().filter(tags=tag).with_card_data()[:FEED_SIZE]


class TopicAtomFeed(TopicFeed):
    feed_type = Atom1Feed

    def subtitle(self, tag):
        return self.description(tag)


class AuthorFeed(LatestPostsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Author.objects.published(), slug=slug)

    def title(self, author):
        return _("Posts by %(author)s") % {"author": author.name}

    def link(self, author):
        return absolute_url(author.get_absolute_url(), self.request)

    def description(self, author):
        return self.title(author)

    def items(self, author):
        return self.posts().filter(post_authors__author=author).with_card_data()[:FEED_SIZE]


class AuthorAtomFeed(AuthorFeed):
    feed_type = Atom1Feed

    def subtitle(self, author):
        return self.description(author)
