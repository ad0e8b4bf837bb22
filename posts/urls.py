from django.urls import path

from . import feeds
from .views import cards, downloads, printing, reading, sharing

app_name = "posts"

urlpatterns = [
    path("", reading.latest, name="latest"),
    path("posts/<slug:slug>/", reading.detail, name="detail"),
    path("posts/<slug:slug>/files/<int:pk>/", downloads.download, name="download"),
    path("posts/<slug:slug>/print/", printing.print_view, name="print"),
    path("posts/<slug:slug>/pdf/", printing.pdf, name="pdf"),
    path("posts/<slug:slug>/card-<str:digest>.png", cards.title_card, name="card"),
    # Outside /posts/: page caches and robots.txt can leave the whole prefix alone.
    path("preview/<str:token>/", sharing.shared_preview, name="shared_preview"),
    path("topics/", reading.trending, name="trending"),
    path("topics/<slug:slug>/", reading.topic, name="topic"),
    path("authors/<slug:slug>/", reading.author, name="author"),
    path("search/", reading.search, name="search"),
    path("feeds/latest/", feeds.LatestPostsFeed(), name="feed_latest"),
    path("feeds/latest/atom/", feeds.LatestPostsAtomFeed(), name="feed_latest_atom"),
    path("feeds/topics/<slug:slug>/", feeds.TopicFeed(), name="feed_topic"),
    path("feeds/topics/<slug:slug>/atom/", feeds.TopicAtomFeed(), name="feed_topic_atom"),
    path("feeds/authors/<slug:slug>/", feeds.AuthorFeed(), name="feed_author"),
    path("feeds/authors/<slug:slug>/atom/", feeds.AuthorAtomFeed(), name="feed_author_atom"),
]
